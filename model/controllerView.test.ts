import { OrderedSet } from 'immutable';
import { describe, expect, it } from 'vitest';
import { type PlanningInput, type ServerView, healingView, planHealing, serverViews, withServer } from './controllerView.ts';
import { serverIndexes } from './serverViews.ts';
import { placementOf } from './instancePlacement.ts';
import type { EvictionTokens } from './healingPolicies/kubernetesEviction.ts';
import type { WorkItem } from './healingView.ts';
import { kubernetesDefaults } from './policy.ts';
import { SimulatedClock } from './simulatedTime.ts';

function server(id: string, faultDomain: number, updateDomain: number, change: Partial<ServerView> = {}): ServerView {
  return { id, faultDomain, updateDomain, capacity: 2, load: 0, placeable: true, status: 'up', ...change };
}

const move = (instanceId: string, fromServerId: string, fromFaultDomain: number): WorkItem => ({ kind: 'move', instanceId, fromServerId, fromFaultDomain });
const request = (requestId: string): WorkItem => ({ kind: 'management', requestId });

/** The planning input's collections as plain arrays and records (the test converts them). */
type PlainChange = Partial<Omit<PlanningInput, 'servers' | 'placement' | 'evictedServers'>> & {
  readonly servers?: readonly ServerView[];
  readonly placement?: Readonly<Record<string, string | null>>;
  readonly evictedServers?: readonly string[];
};

/** Role r has three instances; r/2 runs on `other` (fd1, ud1), r/0 and r/1 lost `dead` (fd0, ud0). */
function planning(change: PlainChange = {}): PlanningInput {
  const servers = change.servers ?? [
    server('dead', 0, 0, { status: 'dead', placeable: false }),
    server('a', 0, 1),
    server('b', 2, 1),
    server('c', 2, 2),
    server('other', 1, 1, { load: 1 }),
  ];
  return {
    healing: { kind: 'parallel', concurrency: 1_000_000 },
    healingMemory: null,
    time: { nowS: 0 },
    queue: [move('r/0', 'dead', 0), move('r/1', 'dead', 0)],
    inFlight: [],
    fabric: {
      serverIndex: Object.fromEntries(servers.map((s, i) => [s.id, i])),
      siblingsOf: { 'r/0': ['r/1', 'r/2'], 'r/1': ['r/0', 'r/2'], 'r/2': ['r/0', 'r/1'] },
      faultDomains: [0, 1, 2],
      instanceOrder: { 'r/0': 0, 'r/1': 1, 'r/2': 2 },
    },
    ...change,
    servers: serverViews(servers),
    placement: placementOf(change.placement ?? { 'r/0': null, 'r/1': null, 'r/2': 'other' }),
    evictedServers: OrderedSet(change.evictedServers ?? []),
  };
}

const plainServers = () => planning().servers.toArray();

describe('planHealing', () => {
  it('starts nothing and changes nothing for an empty queue', () => {
    const input = planning({ queue: [] });
    const plan = planHealing(input);
    expect(plan.started).toEqual([]);
    expect(plan.queue).toBe(input.queue);
    expect(plan.servers).toBe(input.servers);
    expect(plan.healingMemory).toBe(input.healingMemory);
    expect(plan.decidedMemory).toBe(input.healingMemory);
  });

  it('decides nothing for an empty queue: the memory stays as it was, not as a decision at this time would leave it', () => {
    const spent: EvictionTokens = { tokens: { 0: 0, 1: 1, 2: 1 }, atS: 0 };
    const plan = planHealing(planning({ healing: kubernetesDefaults, healingMemory: spent, time: { nowS: 5 }, queue: [] }));
    expect(plan).toMatchObject({ started: [], chosen: 0 });
    expect(plan.healingMemory).toBe(spent);
    expect(plan.decidedMemory).toBe(spent);
  });

  it('remembers the plan for a view and a time: asked again, it is the same plan; once time moves on, a fresh one', () => {
    const clock = new SimulatedClock();
    clock.nowS = 9;
    const spent: EvictionTokens = { tokens: { 0: 0, 1: 1, 2: 1 }, atS: 0 };
    const input = planning({ healing: kubernetesDefaults, healingMemory: spent, time: clock, queue: [move('r/0', 'dead', 0)] });
    const early = planHealing(input);
    expect(early.started).toEqual([]);
    expect(planHealing(input)).toBe(early);
    clock.nowS = 10;
    expect(planHealing(input).started).toEqual([{ item: move('r/0', 'dead', 0), targetServerId: 'c' }]);
  });

  it('starts nothing when the policy allows nothing more in flight', () => {
    const input = planning({ healing: { kind: 'serial', concurrency: 1 }, inFlight: [move('x', 'dead', 0)] });
    const plan = planHealing(input);
    expect(plan.started).toEqual([]);
    expect(plan.queue).toBe(input.queue);
  });

  it('places each move away from its siblings, counting the moves placed earlier in the same plan', () => {
    // r/0 avoids r/2 (fd1, ud1): a, b and c all avoid its rack, only c (fd2, ud2) its update domain too.
    // r/1 then avoids r/2 and r/0, now on c (fd2): a (fd0) is the only rack left.
    const plan = planHealing(planning());
    expect(plan.started).toEqual([
      { item: move('r/0', 'dead', 0), targetServerId: 'c' },
      { item: move('r/1', 'dead', 0), targetServerId: 'a' },
    ]);
    expect(plan.queue).toEqual([]);
    expect(plan.servers.toArray().map((s) => [s.id, s.load])).toEqual([['dead', 0], ['a', 1], ['b', 0], ['c', 1], ['other', 1]]);
  });

  it('does not change the view it was given', () => {
    const input = planning();
    const view = () => JSON.parse(JSON.stringify({ servers: input.servers, placement: input.placement, queue: input.queue }));
    const before = view();
    planHealing(input);
    expect(view()).toEqual(before);
  });

  it('keeps a move with no room queued, while a portal request behind it starts with no target', () => {
    const full = plainServers().map((s) => ({ ...s, load: s.capacity }));
    const plan = planHealing(planning({ servers: full, queue: [move('r/0', 'dead', 0), request('r1')] }));
    expect(plan.started).toEqual([{ item: request('r1'), targetServerId: null }]);
    expect(plan.queue).toEqual([move('r/0', 'dead', 0)]);
  });

  it('hands the policy its memory (adaptive: the domains it narrowed), and takes the new memory back when work starts', () => {
    // Rack 0 (dead, a) has one of two servers dead: not partially disrupted by itself, but narrowed earlier.
    const adaptive = { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } as const;
    const wide = planHealing(planning({ healing: adaptive, healingMemory: [] }));
    expect(wide.started).toHaveLength(2);
    expect(wide.healingMemory).toEqual([]);
    const narrow = planHealing(planning({ healing: adaptive, healingMemory: [0] }));
    expect(narrow.started).toEqual([{ item: move('r/0', 'dead', 0), targetServerId: 'c' }]);
    expect(narrow.queue).toEqual([move('r/1', 'dead', 0)]);
    expect(narrow.healingMemory).toEqual([0]);
    // Every server of rack 0 answers again: the memory is dropped by the next decision.
    const servers = plainServers().map((s) => (s.id === 'dead' ? { ...s, status: 'up' as const, placeable: true } : s));
    expect(planHealing(planning({ healing: adaptive, servers, healingMemory: [0] })).healingMemory).toEqual([]);
  });

  it('takes adaptive\'s memory of a partially dark domain only when some move of it starts', () => {
    // Rack 0 is dead, half (suspect) and a: two of three look dead, partially dark.
    const adaptive = { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } as const;
    const servers = [...plainServers(), server('half', 0, 2, { status: 'suspect', placeable: false })];
    const fabric = { ...planning().fabric, serverIndex: Object.fromEntries(servers.map((s, i) => [s.id, i])) };
    const plan = planHealing(planning({ healing: adaptive, healingMemory: [], servers, fabric }));
    expect(plan.started).toHaveLength(1);
    expect(plan.healingMemory).toEqual([0]);
    // Nowhere to place the move: nothing starts, and nothing is remembered.
    const full = servers.map((s) => ({ ...s, load: s.capacity }));
    const input = planning({ healing: adaptive, healingMemory: [], servers: full, fabric });
    const stuck = planHealing(input);
    expect(stuck.started).toEqual([]);
    expect(stuck.healingMemory).toBe(input.healingMemory);
  });

  it('spends eviction tokens only when some work starts', () => {
    const memory: EvictionTokens = { tokens: { 0: 1, 1: 1, 2: 1 }, atS: 0 };
    const kubernetes = planning({ healing: kubernetesDefaults, healingMemory: memory, queue: [move('r/0', 'dead', 0)] });
    expect(planHealing(kubernetes).healingMemory).toEqual({ tokens: { 0: 0, 1: 1, 2: 1 }, atS: 0 });
    const full = kubernetes.servers.map((s) => ({ ...s, load: s.capacity }));
    const nowhere: PlanningInput = { ...kubernetes, servers: full };
    expect(planHealing(nowhere).started).toEqual([]);
    expect(planHealing(nowhere).healingMemory).toBe(memory);
  });

  it('lets the policy decide by the simulated time: a token spent at 0 s is earned again by 10 s at 0.1/s', () => {
    const spent: EvictionTokens = { tokens: { 0: 0, 1: 1, 2: 1 }, atS: 0 };
    const at = (nowS: number) => planning({ healing: kubernetesDefaults, healingMemory: spent, time: { nowS }, queue: [move('r/0', 'dead', 0)] });
    const early = at(9);
    expect(planHealing(early)).toMatchObject({ started: [], queue: early.queue });
    expect(planHealing(early).healingMemory).toBe(spent);
    // What the decision counted is handed back apart, for a pace tick to keep.
    const counted = planHealing(early).decidedMemory as EvictionTokens;
    expect(counted.atS).toBe(9);
    expect(counted.tokens[0]).toBeCloseTo(0.9);
    const due = planHealing(at(10));
    expect(due.started).toEqual([{ item: move('r/0', 'dead', 0), targetServerId: 'c' }]);
    expect(due.healingMemory).toEqual({ tokens: { 0: 0, 1: 1, 2: 1 }, atS: 10 });
  });
});

describe('healingView', () => {
  it('shows the policy the queue, what is in flight, each domain\'s health, the evicted servers, those looking dead, and the time', () => {
    const input = planning({ inFlight: [request('r0')], evictedServers: ['dead'], time: { nowS: 42 } });
    const servers = input.servers.map((s) => (s.id === 'a' ? { ...s, status: 'suspect' as const } : s.id === 'b' ? { ...s, status: 'upgrading' as const } : s));
    expect(healingView({ ...input, servers })).toEqual({
      queue: input.queue,
      inFlight: [request('r0')],
      faultDomains: [
        { faultDomain: 0, servers: 2, lookDead: 2, declaredDead: 1 },
        { faultDomain: 1, servers: 1, lookDead: 0, declaredDead: 0 },
        { faultDomain: 2, servers: 2, lookDead: 0, declaredDead: 0 },
      ],
      evictedServers: new Set(['dead']),
      serversLookingDead: new Set(['dead', 'a']),
      nowS: 42,
    });
  });
});

describe('fault domain health, as the server indexes keep it', () => {
  it('counts suspect and dead servers as looking dead, dead ones as declared, upgrading ones as neither, and lists empty domains', () => {
    const servers = [
      server('s00', 0, 0, { status: 'suspect' }),
      server('s01', 0, 1, { status: 'dead' }),
      server('s02', 0, 2, { status: 'upgrading' }),
      server('s03', 1, 0),
    ];
    const expected = [
      { faultDomain: 0, servers: 3, lookDead: 2, declaredDead: 1 },
      { faultDomain: 1, servers: 1, lookDead: 0, declaredDead: 0 },
      { faultDomain: 2, servers: 0, lookDead: 0, declaredDead: 0 },
    ];
    const faultDomains = [0, 1, 2];
    expect(serverIndexes(serverViews(servers), faultDomains).health()).toEqual(expected);
    // The same counts kept change by change: a fleet all up, then all declared dead, then as above.
    let changed = serverViews(servers.map((s) => ({ ...s, status: 'up' as const })));
    serverIndexes(changed, faultDomains);
    servers.forEach((_, i) => (changed = withServer(changed, i, { status: 'dead' })));
    servers.forEach((s, i) => (changed = withServer(changed, i, { status: s.status })));
    expect(serverIndexes(changed, faultDomains).health()).toEqual(expected);
  });
});

describe('withServer', () => {
  it('changes one server in a copy; only a server that is up takes new copies', () => {
    const servers = serverViews([server('s00', 0, 0), server('s01', 1, 1)]);
    const suspect = withServer(servers, 0, { status: 'suspect' });
    expect(suspect.get(0)).toMatchObject({ status: 'suspect', placeable: false });
    expect(servers.get(0)).toMatchObject({ status: 'up', placeable: true });
    expect(withServer(suspect, 0, { load: 1 }).get(0)).toMatchObject({ status: 'suspect', load: 1, placeable: false });
    expect(withServer(suspect, 0, { status: 'up', load: 0 }).get(0)).toMatchObject({ status: 'up', placeable: true });
    expect(suspect.get(1)).toBe(servers.get(1));
  });
});
