import { describe, expect, it } from 'vitest';
import {
  type FaultDomainHealth,
  type HealingView,
  type WorkItem,
  everyDomainLooksDead,
  isPartiallyDisrupted,
  nextNarrowedDomains,
  recoveredNarrowedDomains,
  refillEvictionTokens,
  selectWork,
} from './healingDecision.ts';
import { type HealingPolicy, kubernetesDefaults } from './policy.ts';

const move = (instanceId: string, fromServerId: string, fromFaultDomain: number): WorkItem => ({ kind: 'move', instanceId, fromServerId, fromFaultDomain });
const request = (requestId: string): WorkItem => ({ kind: 'management', requestId });
const domain = (faultDomain: number, servers: number, lookDead: number): FaultDomainHealth => ({ faultDomain, servers, lookDead });

function view(change: Partial<HealingView>): HealingView {
  return {
    queue: [],
    inFlight: [],
    faultDomains: [domain(0, 4, 1), domain(1, 4, 0)],
    evictedServers: new Set(),
    evictionTokens: { 0: 1, 1: 1 },
    narrowedDomains: new Set(),
    // Every server the fixtures move off looks dead unless a test says otherwise.
    serversLookingDead: new Set(Array.from({ length: 10 }, (_, i) => `s0${i}`)),
    ...change,
  };
}

const fiveMoves = ['a', 'b', 'c', 'd', 'e'].map((id) => move(id, 's00', 0));

describe('selectWork: serial and parallel', () => {
  const serial: HealingPolicy = { kind: 'serial', concurrency: 2 };

  it('serial starts the head of the queue up to its concurrency, counting what is in flight', () => {
    expect(selectWork(serial, view({ queue: fiveMoves })).start).toEqual([0, 1]);
    expect(selectWork(serial, view({ queue: fiveMoves, inFlight: [move('x', 's01', 1)] })).start).toEqual([0]);
    expect(selectWork(serial, view({ queue: fiveMoves, inFlight: [move('x', 's01', 1), move('y', 's01', 1)] })).start).toEqual([]);
  });

  it('a portal request in the queue takes a slot like a move, and waits like one', () => {
    const queue = [move('a', 's00', 0), request('r1')];
    expect(selectWork(serial, view({ queue, inFlight: [request('r0')] })).start).toEqual([0]);
  });

  it('starts nothing when more is in flight than the concurrency allows', () => {
    const inFlight = [move('x', 's01', 1), move('y', 's01', 1), move('z', 's01', 1)];
    expect(selectWork(serial, view({ queue: fiveMoves, inFlight })).start).toEqual([]);
  });

  it('parallel starts the whole queue and leaves eviction tokens alone', () => {
    const v = view({ queue: fiveMoves });
    const decision = selectWork({ kind: 'parallel', concurrency: 1_000_000 }, v);
    expect(decision.start).toEqual([0, 1, 2, 3, 4]);
    expect(decision.evictionTokens).toBe(v.evictionTokens);
  });

  it('narrow no domain, whatever adaptive remembered, and remember none', () => {
    const faultDomains = [domain(0, 5, 3), domain(1, 5, 1)];
    const v = view({ queue: fiveMoves, faultDomains, narrowedDomains: new Set([0, 1]) });
    expect(selectWork(serial, v)).toEqual({ start: [0, 1], evictionTokens: v.evictionTokens, narrowedDomains: [] });
    expect(selectWork({ kind: 'parallel', concurrency: 1_000_000 }, v).narrowedDomains).toEqual([]);
  });
});

describe('selectWork: adaptive', () => {
  const adaptive: HealingPolicy = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 4, unhealthyThreshold: 0.55 };

  it('heals wide open while few servers of a domain look dead, and remembers no domain', () => {
    const decision = selectWork(adaptive, view({ queue: fiveMoves.slice(0, 3) }));
    expect(decision.start).toEqual([0, 1, 2]);
    expect(decision.narrowedDomains).toEqual([]);
  });

  it('narrows a partially dark domain, counting its moves in flight, leaves other domains wide, and remembers it', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0), move('c', 's04', 1), move('d', 's00', 0)];
    const v = view({ queue, inFlight: [move('x', 's02', 0)], faultDomains: [domain(0, 4, 3), domain(1, 4, 1)] });
    expect(selectWork(adaptive, v)).toEqual({ start: [0, 2], evictionTokens: v.evictionTokens, narrowedDomains: [0] });
  });

  it('keeps narrowing a domain it narrowed while any of its servers still looks dead', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0)];
    const inFlight = [move('x', 's02', 0)];
    const faultDomains = [domain(0, 4, 1), domain(1, 4, 0)];
    const wide = selectWork(adaptive, view({ queue, inFlight, faultDomains }));
    expect(wide).toMatchObject({ start: [0, 1], narrowedDomains: [] });
    const remembered = selectWork(adaptive, view({ queue, inFlight, faultDomains, narrowedDomains: new Set([0]) }));
    expect(remembered).toMatchObject({ start: [0], narrowedDomains: [0] });
  });

  it('forgets a narrowed domain once every one of its servers answers, and heals it wide', () => {
    const queue = [move('a', 's00', 0), move('b', 's00', 0)];
    const decision = selectWork(adaptive, view({ queue, inFlight: [move('x', 's02', 0)], faultDomains: [domain(0, 4, 0), domain(1, 4, 0)], narrowedDomains: new Set([0]) }));
    expect(decision).toMatchObject({ start: [0, 1], narrowedDomains: [] });
  });

  it('heals a domain that went dark whole wide open: it looks like dead hardware, not a network fault', () => {
    const queue = [move('a', 's00', 0), move('b', 's02', 0), move('c', 's04', 0)];
    const decision = selectWork(adaptive, view({ queue, faultDomains: [domain(0, 3, 3), domain(1, 3, 0)] }));
    expect(decision).toMatchObject({ start: [0, 1, 2], narrowedDomains: [] });
  });

  it('caps everything in flight at the wide concurrency', () => {
    const decision = selectWork(adaptive, view({ queue: fiveMoves, inFlight: [request('r0')] }));
    expect(decision.start).toEqual([0, 1, 2]);
  });

  it('moves nothing when every domain looks dead, but still serves portal requests', () => {
    const queue = [move('a', 's00', 0), request('r1'), move('b', 's04', 1)];
    const decision = selectWork(adaptive, view({ queue, faultDomains: [domain(0, 4, 4), domain(1, 4, 4)] }));
    expect(decision.start).toEqual([1]);
    expect(decision.narrowedDomains).toEqual([]);
  });
});

describe('selectWork: kubernetes', () => {
  it('one token admits every queued move of one server of its zone', () => {
    const queue = [move('a', 's00', 0), move('b', 's02', 0), move('c', 's00', 0)];
    const decision = selectWork(kubernetesDefaults, view({ queue, evictionTokens: { 0: 1, 1: 1 } }));
    expect(decision.start).toEqual([0, 2]);
    expect(decision.evictionTokens).toEqual({ 0: 0, 1: 1 });
  });

  it('narrows no domain and remembers none: tokens do the pacing', () => {
    const v = view({ queue: [move('a', 's00', 0)], faultDomains: [domain(0, 5, 3), domain(1, 5, 0)], narrowedDomains: new Set([0]) });
    expect(selectWork(kubernetesDefaults, v).narrowedDomains).toEqual([]);
  });

  it('moves off an already evicted server cost no token', () => {
    const queue = [move('a', 's02', 0)];
    const decision = selectWork(kubernetesDefaults, view({ queue, evictedServers: new Set(['s02']), evictionTokens: { 0: 0, 1: 1 } }));
    expect(decision.start).toEqual([0]);
    expect(decision.evictionTokens).toEqual({ 0: 0, 1: 1 });
  });

  it('a fraction of a token admits nothing; portal requests never wait for tokens', () => {
    const queue = [move('a', 's00', 0), request('r1')];
    expect(selectWork(kubernetesDefaults, view({ queue, evictionTokens: { 0: 0.9, 1: 1 } })).start).toEqual([1]);
  });

  it('a zone without a token entry admits nothing', () => {
    expect(selectWork(kubernetesDefaults, view({ queue: [move('a', 's09', 7)] })).start).toEqual([]);
  });

  it('evicts nothing when every zone looks dead, whatever tokens were saved', () => {
    const queue = [move('a', 's00', 0), move('b', 's01', 1), request('r1')];
    const decision = selectWork(kubernetesDefaults, view({ queue, faultDomains: [domain(0, 2, 2), domain(1, 2, 2)] }));
    expect(decision.start).toEqual([2]);
    expect(decision.evictionTokens).toEqual({ 0: 1, 1: 1 });
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

describe('nextNarrowedDomains', () => {
  const adaptive = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } as const;

  it('narrows a partially disrupted domain', () => {
    expect(nextNarrowedDomains(adaptive, [domain(0, 5, 3), domain(1, 5, 1)], new Set())).toEqual([0]);
  });

  it('keeps a narrowed domain narrow while any of its servers looks dead, even fully dark', () => {
    expect(nextNarrowedDomains(adaptive, [domain(0, 5, 1), domain(1, 5, 5)], new Set([0, 1]))).toEqual([0, 1]);
  });

  it('releases a narrowed domain once every one of its servers answers', () => {
    expect(nextNarrowedDomains(adaptive, [domain(0, 5, 0), domain(1, 5, 1)], new Set([0]))).toEqual([]);
  });

  it('does not narrow a domain that is entirely dark or barely touched', () => {
    expect(nextNarrowedDomains(adaptive, [domain(0, 5, 5), domain(1, 5, 2)], new Set())).toEqual([]);
  });
});

describe('everyDomainLooksDead', () => {
  it('holds only when there are domains and every one of them is entirely dark', () => {
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 3, 3)])).toBe(true);
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 3, 2)])).toBe(false);
    expect(everyDomainLooksDead([])).toBe(false);
  });

  it('a domain without servers is not dark', () => {
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 0, 0)])).toBe(false);
  });
});

describe('refillEvictionTokens', () => {
  const passS = 10;

  it('a normal or fully disrupted zone earns its rate times the pass, up to a burst of one', () => {
    const domains = [domain(0, 4, 0), domain(1, 4, 4), domain(2, 4, 1)];
    const refilled = refillEvictionTokens({ ...kubernetesDefaults, evictionRatePerS: 0.05 }, domains, { 0: 0, 1: 0.25, 2: 0.8 }, passS);
    expect(refilled[0]).toBeCloseTo(0.5);
    expect(refilled[1]).toBeCloseTo(0.75);
    expect(refilled[2]).toBe(1);
  });

  it('a partially disrupted zone earns the secondary rate only when large', () => {
    const domains = [domain(0, 60, 40), domain(1, 5, 3), domain(2, 5, 0)];
    const refilled = refillEvictionTokens(kubernetesDefaults, domains, { 0: 0, 1: 0, 2: 0 }, passS);
    expect(refilled[0]).toBeCloseTo(0.1);
    expect(refilled[1]).toBe(0);
    expect(refilled[2]).toBe(1);
  });

  it('earns nothing anywhere while every zone is fully disrupted, and keeps what was saved', () => {
    const refilled = refillEvictionTokens(kubernetesDefaults, [domain(0, 2, 2), domain(1, 3, 3)], { 0: 0.5, 1: 0 }, passS);
    expect(refilled).toEqual({ 0: 0.5, 1: 0 });
  });

  it('starts a zone missing from the tokens at zero and lists only the given zones', () => {
    const refilled = refillEvictionTokens({ ...kubernetesDefaults, evictionRatePerS: 0.02 }, [domain(3, 4, 0)], { 9: 1 }, passS);
    expect(Object.keys(refilled)).toEqual(['3']);
    expect(refilled[3]).toBeCloseTo(0.2);
  });
});

describe('memory and tokens after recovery', () => {
  const adaptive: HealingPolicy = { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.5 };

  it('adaptive remembers a partly dark domain only when it heals it narrowly, not when other work starts', () => {
    const partlyDark = [domain(0, 4, 3), domain(1, 4, 0)];
    const portalOnly = selectWork(adaptive, view({ queue: [request('r1')], faultDomains: partlyDark }));
    expect(portalOnly.start).toEqual([0]);
    expect(portalOnly.narrowedDomains).toEqual([]);
    const healed = selectWork(adaptive, view({ queue: [move('a', 's00', 0), move('b', 's02', 0)], faultDomains: partlyDark }));
    expect(healed.start).toEqual([0]);
    expect(healed.narrowedDomains).toEqual([0]);
  });

  it('a remembered domain whose servers all answer again is let go of', () => {
    expect(recoveredNarrowedDomains([domain(0, 4, 0), domain(1, 4, 2)], [0, 1])).toEqual([0]);
    expect(recoveredNarrowedDomains([domain(0, 4, 1)], [0])).toEqual([]);
  });

  it('kubernetes spends no eviction token on a move off a server that is back', () => {
    const decision = selectWork(kubernetesDefaults, view({ queue: [move('a', 's00', 0), move('b', 's01', 0)], evictionTokens: { 0: 1, 1: 1 }, serversLookingDead: new Set(['s01']) }));
    expect(decision.start).toEqual([0, 1]);
    expect(decision.evictionTokens).toEqual({ 0: 0, 1: 1 });
  });
});
