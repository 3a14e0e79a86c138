import { describe, expect, it } from 'vitest';
import type { HealingView } from '../healingView.ts';
import { domain, move, request, viewWith } from './healingViewFixture.ts';
import { type AdaptiveParams, adaptiveHealing, isPartiallyDisrupted, narrowDomains } from './adaptiveHealing.ts';

function view(change: Partial<HealingView>): HealingView {
  return viewWith({ serversLookingDead: new Set(['s00', 's02']), ...change });
}

const fiveMoves = ['a', 'b', 'c', 'd', 'e'].map((id) => move(id, 's00', 0));
const adaptive: AdaptiveParams = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 4, unhealthyThreshold: 0.55 };
const decide = (v: HealingView, memory: readonly number[] = [], params: AdaptiveParams = adaptive) => adaptiveHealing.decide(params, v, memory);

describe('adaptiveHealing.decide', () => {
  it('heals wide open while few servers of a domain look dead, and remembers no domain', () => {
    expect(decide(view({ queue: fiveMoves.slice(0, 3) }))).toEqual({ start: [0, 1, 2], memory: [] });
  });

  it('narrows a partially dark domain, counting its moves in flight, leaves other domains wide, and remembers it', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0), move('c', 's04', 1), move('d', 's00', 0)];
    const v = view({ queue, inFlight: [move('x', 's02', 0)], faultDomains: [domain(0, 4, 3), domain(1, 4, 1)] });
    expect(decide(v)).toEqual({ start: [0, 2], memory: [0] });
  });

  it('keeps narrowing a domain it remembers while any of its servers still looks dead', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0)];
    const inFlight = [move('x', 's02', 0)];
    const faultDomains = [domain(0, 4, 1), domain(1, 4, 0)];
    expect(decide(view({ queue, inFlight, faultDomains }))).toEqual({ start: [0, 1], memory: [] });
    expect(decide(view({ queue, inFlight, faultDomains }), [0])).toEqual({ start: [0], memory: [0] });
  });

  it('lets go of a remembered domain once every one of its servers answers, and heals it wide', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0)];
    const v = view({ queue, inFlight: [move('x', 's02', 0)], faultDomains: [domain(0, 4, 0), domain(1, 4, 0)] });
    expect(decide(v, [0])).toEqual({ start: [0, 1], memory: [] });
  });

  it('heals a domain that went dark whole wide open: it looks like dead hardware, not a network fault', () => {
    const queue = [move('a', 's00', 0), move('b', 's02', 0), move('c', 's04', 0)];
    expect(decide(view({ queue, faultDomains: [domain(0, 3, 3), domain(1, 3, 0)] }))).toEqual({ start: [0, 1, 2], memory: [] });
  });

  it('caps everything in flight at the wide concurrency', () => {
    expect(decide(view({ queue: fiveMoves, inFlight: [request('r0')] })).start).toEqual([0, 1, 2]);
  });

  it('moves nothing when every domain looks dead, but still serves portal requests', () => {
    const queue = [move('a', 's00', 0), request('r1'), move('b', 's04', 1)];
    expect(decide(view({ queue, faultDomains: [domain(0, 4, 4), domain(1, 4, 4)] }))).toEqual({ start: [1], memory: [] });
  });

  it('does not change the memory it was given', () => {
    const memory = [0];
    decide(view({ queue: fiveMoves, faultDomains: [domain(0, 4, 0), domain(1, 4, 3)] }), memory);
    expect(memory).toEqual([0]);
  });
});

describe('adaptive memory: taken only for a domain healed narrowly', () => {
  const narrowOne: AdaptiveParams = { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.5 };
  const partlyDark = [domain(0, 4, 3), domain(1, 4, 0)];

  it('is not taken when only other work starts', () => {
    expect(decide(view({ queue: [request('r1')], faultDomains: partlyDark }), [], narrowOne)).toEqual({ start: [0], memory: [] });
  });

  it('is not taken for a partly dark domain none of whose moves is decided', () => {
    const queue = [move('c', 's05', 1)];
    const faultDomains = [domain(0, 4, 3), domain(1, 4, 1)];
    expect(decide(view({ queue, faultDomains }), [], narrowOne)).toEqual({ start: [0], memory: [] });
  });

  it('is not taken when the domain is already at its narrow concurrency and nothing of it starts', () => {
    const v = view({ queue: [move('a', 's00', 0)], inFlight: [move('x', 's02', 0)], faultDomains: partlyDark });
    expect(decide(v, [], narrowOne)).toEqual({ start: [], memory: [] });
  });

  it('is taken when a move out of the partly dark domain starts', () => {
    const v = view({ queue: [move('a', 's00', 0), move('b', 's02', 0)], faultDomains: partlyDark });
    expect(decide(v, [], narrowOne)).toEqual({ start: [0], memory: [0] });
  });

  it('starts empty', () => {
    expect(adaptiveHealing.initialMemory(adaptive, view({ faultDomains: partlyDark }))).toEqual([]);
  });
});

describe('adaptiveHealing.refresh', () => {
  it('forgets a remembered domain once every one of its servers answers again', () => {
    expect(adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(0, 4, 0), domain(1, 4, 2)] }), [0, 1])).toEqual([1]);
  });

  it('returns the very memory it was given while every remembered domain is still dark, so the controller sees no change', () => {
    const memory = [0];
    expect(adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(0, 4, 1), domain(1, 4, 0)] }), memory)).toBe(memory);
    const none: readonly number[] = [];
    expect(adaptiveHealing.refresh!(adaptive, view({}), none)).toBe(none);
  });

  it('remembers a partly dark domain once a server of it is declared dead, even when nothing moves', () => {
    // Domain 1: four of six look dead (0.67), one of them declared; domain 0: one declared of four (not partly dark).
    const declared = view({ faultDomains: [domain(0, 4, 1, 1), domain(1, 6, 4, 1)] });
    expect(adaptiveHealing.refresh!(adaptive, declared, [])).toEqual([1]);
    const remembered = [1];
    expect(adaptiveHealing.refresh!(adaptive, declared, remembered)).toBe(remembered);
  });

  it('takes no memory from heartbeats alone, nor from a domain that is dark whole', () => {
    const none: readonly number[] = [];
    expect(adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(0, 6, 4, 0)] }), none)).toBe(none);
    expect(adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(0, 6, 6, 6)] }), none)).toBe(none);
  });

  it('keeps healing narrowly after the first declared server answers again (seed 51 of false-positive-churn-bounded)', () => {
    // One empty server declared while four of six are dark: remembered.
    const memory = adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(0, 6, 4, 1)] }), []);
    // It answers again; the other three are then declared, 3 of 6 (0.5) dark, below the threshold.
    const later = view({ faultDomains: [domain(0, 6, 3, 3)], queue: [move('a', 's01', 0), move('b', 's02', 0), move('c', 's03', 0)] });
    const kept = adaptiveHealing.refresh!(adaptive, later, memory);
    expect(decide(later, kept).start).toEqual([0, 1]);
    expect(decide(later, []).start).toEqual([0, 1, 2]);
  });

  it('forgets a remembered domain the view no longer lists', () => {
    expect(adaptiveHealing.refresh!(adaptive, view({ faultDomains: [domain(1, 4, 1)] }), [0, 1])).toEqual([1]);
  });
});

describe('isPartiallyDisrupted', () => {
  it('needs more dark servers than the narrow concurrency, not all of them, and at least the unhealthy share', () => {
    expect(isPartiallyDisrupted(domain(0, 5, 3), 2, 0.55)).toBe(true); // 0.6
    expect(isPartiallyDisrupted(domain(0, 3, 2), 2, 0.55)).toBe(false); // only two dark
    expect(isPartiallyDisrupted(domain(0, 4, 4), 2, 0.55)).toBe(false); // all dark
    expect(isPartiallyDisrupted(domain(0, 6, 3), 2, 0.55)).toBe(false); // 0.5
    expect(isPartiallyDisrupted(domain(0, 20, 11), 2, 0.55)).toBe(true); // 0.55 exactly
  });
});

describe('narrowDomains', () => {
  const params: AdaptiveParams = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 };

  it('narrows a partially disrupted domain', () => {
    expect(narrowDomains(params, [domain(0, 5, 3), domain(1, 5, 1)], [])).toEqual([0]);
  });

  it('keeps a remembered domain narrow while any of its servers looks dead, even fully dark', () => {
    expect(narrowDomains(params, [domain(0, 5, 1), domain(1, 5, 5)], [0, 1])).toEqual([0, 1]);
  });

  it('releases a remembered domain once every one of its servers answers', () => {
    expect(narrowDomains(params, [domain(0, 5, 0), domain(1, 5, 1)], [0])).toEqual([]);
  });

  it('does not narrow a domain that is entirely dark or barely touched', () => {
    expect(narrowDomains(params, [domain(0, 5, 5), domain(1, 5, 2)], [])).toEqual([]);
  });
});

describe('adaptiveHealing as a policy definition', () => {
  it('honours blackouts and keeps no pace', () => {
    expect(adaptiveHealing.kind).toBe('adaptive');
    expect(adaptiveHealing.honoursBlackouts).toBe(true);
    expect(adaptiveHealing.paceS).toBeUndefined();
  });
});
