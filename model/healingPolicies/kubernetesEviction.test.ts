import { describe, expect, it } from 'vitest';
import type { HealingView } from '../healingView.ts';
import { domain, move, request, viewWith } from './healingViewFixture.ts';
import { kubernetesDefaults } from '../policy.ts';
import { defaultTimings } from '../timings.ts';
import { type EvictionTokens, kubernetesEviction, refillEvictionTokens } from './kubernetesEviction.ts';

function view(change: Partial<HealingView>): HealingView {
  // Every server the fixtures move off looks dead unless a test says otherwise.
  return viewWith({ serversLookingDead: new Set(Array.from({ length: 10 }, (_, i) => `s0${i}`)), ...change });
}

const tokens = (byZone: Record<number, number>, atS = 0): EvictionTokens => ({ tokens: byZone, atS });
const decide = (v: HealingView, memory: EvictionTokens, params = kubernetesDefaults) => kubernetesEviction.decide(params, v, memory);

describe('kubernetesEviction.decide: tokens', () => {
  it('one token admits every queued move of one server of its zone', () => {
    const queue = [move('a', 's00', 0), move('b', 's02', 0), move('c', 's00', 0)];
    expect(decide(view({ queue }), tokens({ 0: 1, 1: 1 }))).toEqual({ start: [0, 2], memory: tokens({ 0: 0, 1: 1 }) });
  });

  it('a partially dark zone with a token still evicts: tokens, not narrowing, do the pacing', () => {
    const v = view({ queue: [move('a', 's00', 0), move('b', 's02', 0)], faultDomains: [domain(0, 5, 3), domain(1, 5, 0)] });
    expect(decide(v, tokens({ 0: 1, 1: 1 })).start).toEqual([0]);
  });

  it('moves off an already evicted server cost no token', () => {
    const v = view({ queue: [move('a', 's02', 0)], evictedServers: new Set(['s02']) });
    expect(decide(v, tokens({ 0: 0, 1: 1 }))).toEqual({ start: [0], memory: tokens({ 0: 0, 1: 1 }) });
  });

  it('a move off a server that is back costs no token', () => {
    const v = view({ queue: [move('a', 's00', 0), move('b', 's01', 0)], serversLookingDead: new Set(['s01']) });
    expect(decide(v, tokens({ 0: 1, 1: 1 }))).toEqual({ start: [0, 1], memory: tokens({ 0: 0, 1: 1 }) });
  });

  it('a fraction of a token admits nothing; portal requests never wait for tokens', () => {
    const queue = [move('a', 's00', 0), request('r1')];
    expect(decide(view({ queue }), tokens({ 0: 0.9, 1: 1 })).start).toEqual([1]);
  });

  it('a zone the view does not list has no token and admits nothing', () => {
    expect(decide(view({ queue: [move('a', 's09', 7)] }), tokens({ 0: 1, 1: 1, 7: 1 })).start).toEqual([]);
  });

  it('evicts nothing when every zone looks dead, whatever tokens were saved, and keeps none', () => {
    const queue = [move('a', 's00', 0), move('b', 's01', 1), request('r1')];
    const decision = decide(view({ queue, faultDomains: [domain(0, 2, 2), domain(1, 2, 2)], nowS: 30 }), tokens({ 0: 1, 1: 1 }));
    expect(decision).toEqual({ start: [2], memory: tokens({ 0: 0, 1: 0 }, 30) });
  });

  it('does not change the memory it was given', () => {
    const memory = tokens({ 0: 1, 1: 1 });
    decide(view({ queue: [move('a', 's00', 0)], nowS: 5 }), memory);
    expect(memory).toEqual(tokens({ 0: 1, 1: 1 }));
  });
});

describe('kubernetesEviction.decide: tokens earned by elapsed time', () => {
  const queue = [move('a', 's00', 0)];

  it('earns a whole token in 10 s at 0.1/s, counted from when the tokens were last counted', () => {
    expect(decide(view({ queue, nowS: 9 }), tokens({ 0: 0, 1: 1 }))).toMatchObject({ start: [] });
    expect(decide(view({ queue, nowS: 10 }), tokens({ 0: 0, 1: 1 }))).toEqual({ start: [0], memory: tokens({ 0: 0, 1: 1 }, 10) });
    expect(decide(view({ queue, nowS: 130 }), tokens({ 0: 0, 1: 1 }, 120))).toEqual({ start: [0], memory: tokens({ 0: 0, 1: 1 }, 130) });
    expect(decide(view({ queue, nowS: 129 }), tokens({ 0: 0, 1: 1 }, 120)).start).toEqual([]);
  });

  it('keeps the fraction earned so far, and the time it was counted, when other work starts', () => {
    const decision = decide(view({ queue: [...queue, request('r1')], nowS: 4 }), tokens({ 0: 0, 1: 1 }));
    expect(decision.start).toEqual([1]);
    expect(decision.memory.atS).toBe(4);
    expect(decision.memory.tokens[0]).toBeCloseTo(0.4);
    expect(decide(view({ queue, nowS: 10 }), decision.memory).start).toEqual([0]);
  });

  it('saves at most one token however long a zone waits (burst 1)', () => {
    const queue2 = [move('a', 's00', 0), move('b', 's02', 0)];
    const decision = decide(view({ queue: queue2, nowS: 3600 }), tokens({ 0: 0, 1: 0 }));
    expect(decision).toEqual({ start: [0], memory: tokens({ 0: 0, 1: 1 }, 3600) });
  });

  it('a partially disrupted zone of 50 nodes or fewer earns nothing, however long it waits', () => {
    // Zone 0: 3 of 5 dark, partially disrupted and small.
    const v = view({ queue, faultDomains: [domain(0, 5, 3), domain(1, 5, 0)], nowS: 3600 });
    expect(decide(v, tokens({ 0: 0, 1: 0 }))).toMatchObject({ start: [] });
  });

  it('a large partially disrupted zone earns the secondary rate: a token every 100 s', () => {
    const v = (nowS: number) => view({ queue, faultDomains: [domain(0, 60, 40), domain(1, 5, 0)], nowS });
    expect(decide(v(99), tokens({ 0: 0, 1: 0 })).start).toEqual([]);
    expect(decide(v(100), tokens({ 0: 0, 1: 0 })).start).toEqual([0]);
  });

  it('a zone waiting while the controller counts every pass keeps the fraction each count earned', () => {
    // At 0.04/s, counted every 10 s (nothing starts, the memory is kept): 0.4, 0.8, then a whole token.
    const v = (nowS: number) => view({ queue, nowS });
    let memory = tokens({ 0: 0, 1: 1 });
    for (const nowS of [10, 20]) {
      const decision = decide(v(nowS), memory, { ...kubernetesDefaults, evictionRatePerS: 0.04 });
      expect(decision.start).toEqual([]);
      memory = decision.memory;
    }
    expect(memory.atS).toBe(20);
    expect(memory.tokens[0]).toBeCloseTo(0.8);
    expect(decide(v(30), memory, { ...kubernetesDefaults, evictionRatePerS: 0.04 }).start).toEqual([0]);
  });

  // Tokens are rounded to a nanotoken: 0.1 added ten times would otherwise be 0.9999999999999999, and a
  // large partly dark zone counted every 10 s at 0.01/s would wait 110 s, not 100 s.
  it('a token earned in ten counts of a tenth is a whole token', () => {
    const largePartlyDark = (nowS: number) => view({ queue, faultDomains: [domain(0, 60, 40), domain(1, 5, 0)], nowS });
    let memory = tokens({ 0: 0, 1: 0 });
    for (let nowS = 10; nowS < 100; nowS += 10) memory = decide(largePartlyDark(nowS), memory).memory;
    expect(decide(largePartlyDark(100), memory).start).toEqual([0]);
  });

  it('earns nothing while every zone is dark', () => {
    const v = view({ queue, faultDomains: [domain(0, 2, 2), domain(1, 2, 2)], nowS: 3600 });
    expect(decide(v, tokens({ 0: 0, 1: 0 })).start).toEqual([]);
  });
});

describe('refillEvictionTokens', () => {
  const elapsedS = 10;

  it('a normal or fully disrupted zone earns its rate times the elapsed time, up to a burst of one', () => {
    const domains = [domain(0, 4, 0), domain(1, 4, 4), domain(2, 4, 1)];
    const refilled = refillEvictionTokens({ ...kubernetesDefaults, evictionRatePerS: 0.05 }, domains, { 0: 0, 1: 0.25, 2: 0.8 }, elapsedS);
    expect(refilled[0]).toBeCloseTo(0.5);
    expect(refilled[1]).toBeCloseTo(0.75);
    expect(refilled[2]).toBe(1);
  });

  it('a partially disrupted zone earns the secondary rate only when larger than 50 nodes', () => {
    const domains = [domain(0, 60, 40), domain(1, 5, 3), domain(2, 5, 0), domain(3, 50, 40)];
    const refilled = refillEvictionTokens(kubernetesDefaults, domains, { 0: 0, 1: 0, 2: 0, 3: 0 }, elapsedS);
    expect(refilled[0]).toBeCloseTo(0.1);
    expect(refilled[1]).toBe(0);
    expect(refilled[2]).toBe(1);
    expect(refilled[3]).toBe(0);
  });

  it('every zone fully disrupted: no zone has a token, whatever was saved', () => {
    expect(refillEvictionTokens(kubernetesDefaults, [domain(0, 2, 2), domain(1, 3, 3)], { 0: 1, 1: 0.5 }, elapsedS)).toEqual({ 0: 0, 1: 0 });
  });

  it('no time elapsed: the tokens are what they were', () => {
    expect(refillEvictionTokens(kubernetesDefaults, [domain(0, 4, 1), domain(1, 4, 0)], { 0: 0.25, 1: 1 }, 0)).toEqual({ 0: 0.25, 1: 1 });
  });

  it('starts a zone missing from the tokens at zero and lists only the given zones', () => {
    const refilled = refillEvictionTokens({ ...kubernetesDefaults, evictionRatePerS: 0.02 }, [domain(3, 4, 0)], { 9: 1 }, elapsedS);
    expect(Object.keys(refilled)).toEqual(['3']);
    expect(refilled[3]).toBeCloseTo(0.2);
  });
});

describe('kubernetesEviction as a policy definition', () => {
  it('starts with a token in every zone, counted at the time the controller starts', () => {
    expect(kubernetesEviction.initialMemory(kubernetesDefaults, view({ nowS: 42 }))).toEqual(tokens({ 0: 1, 1: 1 }, 42));
  });

  it('decides again every eviction pass while work waits, and honours blackouts', () => {
    expect(kubernetesEviction.paceS!(kubernetesDefaults, defaultTimings)).toBe(defaultTimings.evictionPassS);
    expect(kubernetesEviction.paceS!(kubernetesDefaults, { ...defaultTimings, evictionPassS: 3 })).toBe(3);
    expect(kubernetesEviction.honoursBlackouts).toBe(true);
    expect(kubernetesEviction.refresh).toBeUndefined();
  });
});
