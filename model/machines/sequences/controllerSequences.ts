/**
 * The controller's sequences: four servers of capacity 2 racked over two fault and two update
 * domains — s00 fd0/ud0, s01 fd1/ud0, s02 fd0/ud1, s03 fd1/ud1 — or, for adaptive's racks, six
 * servers three to a rack (s04 fd0/ud2, s05 fd1/ud2 added); detection timeout 120 s,
 * management service 60 s, eviction pass 10 s. Each controller reads a simulated clock of its
 * own, which the harness moves forward.
 */
import { expect } from 'vitest';
import type { ServerView } from '../../controllerView.ts';
import type { HealingPolicyDefinition } from '../../healingPolicy.ts';
import type { EvictionTokens } from '../../healingPolicies/kubernetesEviction.ts';
import { withHealingPolicies } from '../../healingPolicies/registry.ts';
import { type ControllerPolicy, kubernetesDefaults } from '../../policy.ts';
import { SimulatedClock } from '../../simulatedTime.ts';
import { type ControllerInput, controllerMachine } from '../controllerMachine.ts';
import { driveMachine } from '../machineHarness.ts';
import { BACK_0, BACK_1, FRONT_0, FRONT_1, type Inspect, type Sequence, timings } from './fixtures.ts';

const RACK = [
  { id: 's00', faultDomain: 0, updateDomain: 0, capacity: 2 },
  { id: 's01', faultDomain: 1, updateDomain: 0, capacity: 2 },
  { id: 's02', faultDomain: 0, updateDomain: 1, capacity: 2 },
  { id: 's03', faultDomain: 1, updateDomain: 1, capacity: 2 },
] as const;
/** One role of two instances, on different racks and update domains. */
const ONE_ROLE = { [FRONT_0]: 's00', [FRONT_1]: 's03' };
/** Two roles, both on s00 and s03. */
const TWO_ROLES = { [FRONT_0]: 's00', [BACK_0]: 's00', [FRONT_1]: 's03', [BACK_1]: 's03' };
/** Two roles, on four servers: s00 and s02 share fault domain 0. */
const SPREAD = { [FRONT_0]: 's00', [BACK_0]: 's02', [FRONT_1]: 's03', [BACK_1]: 's01' };

/** Six servers, three to a rack: s00, s02, s04 in fault domain 0; s01, s03, s05 in 1. */
const WIDE_RACK = [
  ...RACK,
  { id: 's04', faultDomain: 0, updateDomain: 2, capacity: 2 },
  { id: 's05', faultDomain: 1, updateDomain: 2, capacity: 2 },
] as const;

/** A third role, web/mid. */
const MID_0 = 'web/mid/0';
const MID_1 = 'web/mid/1';

/** Two roles on the six servers of WIDE_RACK: web/front/0 and web/back/0 on rack 0, their siblings on rack 1. */
const RACKS_OF_THREE = { [FRONT_0]: 's00', [BACK_0]: 's02', [FRONT_1]: 's03', [BACK_1]: 's05' };

type Rack = readonly { readonly id: string; readonly faultDomain: number; readonly updateDomain: number; readonly capacity: number }[];

export function controllerInput(placement: Readonly<Record<string, string>>, policy: Partial<ControllerPolicy> = {}, rack: Rack = RACK): ControllerInput {
  const servers: ServerView[] = rack.map((spec) => ({
    ...spec,
    load: Object.values(placement).filter((serverId) => serverId === spec.id).length,
    placeable: true,
    status: 'up',
  }));
  const roleOf = (instanceId: string) => instanceId.slice(0, instanceId.lastIndexOf('/'));
  const instances = Object.keys(placement);
  const siblingsOf = Object.fromEntries(instances.map((id) => [id, instances.filter((other) => other !== id && roleOf(other) === roleOf(id))]));
  return {
    policy: {
      healing: { kind: 'serial', concurrency: 2 },
      management: 'shared-queue',
      fencing: true,
      upgradeGate: 'continue-after-timeout',
      haltBudget: null,
      alertThreshold: 1,
      ...policy,
    },
    // A clock of its own: the harness moves it, the healing policies read it.
    time: new SimulatedClock(),
    timings,
    servers,
    placement,
    fabric: {
      serverIndex: Object.fromEntries(rack.map((s, i) => [s.id, i])),
      siblingsOf,
      faultDomains: [...new Set(rack.map((s) => s.faultDomain))].sort((a, b) => a - b),
      instanceOrder: Object.fromEntries(Object.keys(placement).map((id, i) => [id, i])),
    },
  };
}

function driveController(placement: Readonly<Record<string, string>>, policy: Partial<ControllerPolicy>, inspect?: Inspect, rack: Rack = RACK) {
  return driveMachine(controllerMachine, controllerInput(placement, policy, rack), inspect);
}

const SERIAL_1 = { kind: 'serial', concurrency: 1 } as const;
/** Adaptive, narrowing a rack to one move at a time once half of it looks dead. */
const NARROW_1 = { healing: { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.5 } } as const;
const ADAPTIVE = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } as const;
/**
 * A policy of the user's own, through the same seam as the built-in ones: it starts portal
 * requests only, at most `perDecision` at a time, never a move; its memory counts the
 * requests it started.
 */
const managementOnly: HealingPolicyDefinition<{ kind: 'managementOnly'; perDecision: number }, number> = {
  kind: 'managementOnly',
  summary: 'portal requests only, never a move',
  honoursBlackouts: false,
  initialMemory: () => 0,
  decide(params, view, started) {
    const start = view.queue.flatMap((item, index) => (item.kind === 'management' ? [index] : [])).slice(0, params.perDecision);
    return { start, memory: started + start.length };
  },
};

const serverNamed = (controller: ReturnType<typeof driveController>, id: string) => controller.plainContext().servers.find((s) => s.id === id)!;
const moveItem = (instanceId: string, fromServerId: string, fromFaultDomain: number) => ({ kind: 'move', instanceId, fromServerId, fromFaultDomain });

export const controllerSequences = {
  silentServerDeclaredDeadAndHealedThenRepaired(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'suspect', placeable: false });
    controller.advance(timings.detectionTimeoutS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    // The copy goes where its sibling (s03: fd1, ud1) is not: s02 (fd0, ud1) shares neither rack.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's02' },
    ]);
    expect(controller.plainContext()).toMatchObject({
      placement: { [FRONT_0]: 's02', [FRONT_1]: 's03' },
      queue: [],
      inFlight: [moveItem(FRONT_0, 's00', 0)],
      evictedServers: ['s00'],
    });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'dead', load: 0, placeable: false });
    expect(serverNamed(controller, 's02').load).toBe(1);
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
    expect(controller.plainContext().inFlight).toEqual([]);
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 0, placeable: true });
    expect(controller.plainContext().evictedServers).toEqual([]);
  },

  heartbeatsBackBeforeTheDetectionTimeout(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS / 2);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's00' });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', placeable: true });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toEqual([]);
  },

  deadServerAnsweringBeforeItsMovesStartKeepsItsInstances(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: SERIAL_1 }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's03' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's02' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
    ]);
    expect(controller.plainContext().queue).toEqual([moveItem(FRONT_1, 's03', 1)]);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's03' });
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's03' },
      { type: 'controller.reclaimed', serverId: 's03', instanceIds: [FRONT_1] },
    ]);
    expect(controller.plainContext().queue).toEqual([]);
    expect(controller.plainContext().placement[FRONT_1]).toBe('s03');
    expect(serverNamed(controller, 's03')).toMatchObject({ status: 'up', load: 1, placeable: true });
  },

  failedUpgradeIsDeclaredDeadAtOnce(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    controller.send({ type: 'server.draining', serverId: 's00' });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'upgrading', placeable: false });
    controller.send({ type: 'server.upgradeFailed', serverId: 's00' });
    expect(controller.nowS()).toBe(0);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's02' },
    ]);
  },

  upgradingServerTakesNoCopiesUntilUpgraded(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    controller.send({ type: 'server.draining', serverId: 's02' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    // s02 would be the best spot but is mid-upgrade: s01 (fd1, ud0) is the next best.
    expect(controller.take()).toContainEqual({ type: 'controller.move', instanceId: FRONT_0, serverId: 's01' });
    controller.send({ type: 'server.upgraded', serverId: 's02' });
    expect(serverNamed(controller, 's02')).toMatchObject({ status: 'up', placeable: true });
  },

  abandonedServerRejoinsAndReclaimsItsQueuedMoves(inspect?: Inspect) {
    const controller = driveController(TWO_ROLES, { healing: SERIAL_1, fencing: false }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.queued', instanceId: BACK_0 },
      { type: 'controller.evict', serverId: 's00', fence: false },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's02' },
    ]);
    expect(controller.plainContext().queue).toEqual([moveItem(BACK_0, 's00', 0)]);
    controller.send({ type: 'server.rejoined', serverId: 's00', hosted: [FRONT_0, BACK_0] });
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's00' },
      { type: 'controller.reclaimed', serverId: 's00', instanceIds: [BACK_0] },
    ]);
    expect(controller.plainContext()).toMatchObject({ queue: [], evictedServers: [], placement: { [FRONT_0]: 's02', [BACK_0]: 's00' } });
    // The load counts both copies it runs, the stray web/front/0 included.
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 2, placeable: true });
  },

  operatorSwitchesSerialHealingToParallel(inspect?: Inspect) {
    const controller = driveController(TWO_ROLES, { healing: SERIAL_1 }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.plainContext().queue).toEqual([moveItem(BACK_0, 's00', 0)]);
    controller.send({ type: 'operator.switchToParallel' });
    expect(controller.take()).toEqual([
      { type: 'controller.policySwitched', policy: 'parallel' },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's02' },
    ]);
    expect(controller.plainContext().healing).toEqual({ kind: 'parallel', concurrency: 1_000_000 });
    expect(controller.plainContext().inFlight).toHaveLength(2);
  },

  adaptiveTakesAPartlyDarkRackNarrowWhenItDecidesMovesAndKeepsItWhileAnyServerLooksDead(inspect?: Inspect) {
    const controller = driveController(RACKS_OF_THREE, NARROW_1, inspect, WIDE_RACK);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    // Rack 0 is two-thirds dark, but nothing is decided on a heartbeat: nothing is remembered yet.
    expect(controller.plainContext().healingMemory).toEqual([]);
    controller.advance(timings.detectionTimeoutS);
    // The first move out of rack 0 is decided while it is partly dark: narrow, one at a time.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's04' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
    ]);
    expect(controller.plainContext()).toMatchObject({ healingMemory: [0], queue: [moveItem(BACK_0, 's02', 0)], inFlight: [moveItem(FRONT_0, 's00', 0)] });
    // s00 back: one third dark is below the threshold, but the rack stays narrow while any server of it looks dead.
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
    expect(controller.plainContext()).toMatchObject({ healingMemory: [0], queue: [moveItem(BACK_0, 's02', 0)] });
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's04' });
    expect(controller.take()).toEqual([
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's00' },
    ]);
    expect(controller.plainContext().healingMemory).toEqual([0]);
    controller.send({ type: 'server.repaired', serverId: 's02' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's02' }]);
    // Every server of rack 0 answers: the policy's refresh forgets it at once, no decision needed.
    expect(controller.plainContext().healingMemory).toEqual([]);
    controller.send({ type: 'server.heartbeatLost', serverId: 's05' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's05' },
      { type: 'controller.queued', instanceId: BACK_1 },
      { type: 'controller.evict', serverId: 's05', fence: true },
      { type: 'controller.move', instanceId: BACK_1, serverId: 's03' },
    ]);
    expect(controller.plainContext().healingMemory).toEqual([]);
  },

  /**
   * A rack that fails whole stops its heartbeats one by one, so for an instant it is only
   * partly dark. No move is decided in that instant; when they are, the rack is entirely dark
   * (dead hardware, not a network fault) and is healed wide open.
   */
  adaptiveHealsAWholeRackFailureWideThoughItsHeartbeatsStopOneByOne(inspect?: Inspect) {
    const placement = { ...RACKS_OF_THREE, [MID_0]: 's04', [MID_1]: 's01' };
    const controller = driveController(placement, NARROW_1, inspect, WIDE_RACK);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(1);
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    // Two of three: partly dark, for one second.
    expect(controller.plainContext().healingMemory).toEqual([]);
    controller.advance(1);
    controller.send({ type: 'server.heartbeatLost', serverId: 's04' });
    controller.advance(timings.detectionTimeoutS - 1);
    expect(controller.nowS()).toBe(timings.detectionTimeoutS + 1);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      // The move off s00 is still in flight, yet the next one out of the rack starts at once.
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    controller.advance(1);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's04' },
      { type: 'controller.queued', instanceId: MID_0 },
      { type: 'controller.evict', serverId: 's04', fence: true },
      { type: 'controller.move', instanceId: MID_0, serverId: 's05' },
    ]);
    expect(controller.plainContext()).toMatchObject({
      healingMemory: [],
      queue: [],
      inFlight: [moveItem(FRONT_0, 's00', 0), moveItem(BACK_0, 's02', 0), moveItem(MID_0, 's04', 0)],
    });
  },

  /**
   * s00's upgrade fails while no server has room, so its instance waits in the queue; s00 is
   * repaired and takes the instance back itself. Its move leaves a server that is up again and
   * lost its copies in the repair: nothing to evict, and s00 stays a server like any other.
   */
  repairedServerIsNotEvictedWhenItsQueuedMoveStarts(inspect?: Inspect) {
    // s01 and s03 are full, s02 is being upgraded.
    const placement = { [FRONT_0]: 's00', [FRONT_1]: 's03', [BACK_0]: 's03', [BACK_1]: 's01', [MID_1]: 's01' };
    const controller = driveController(placement, {}, inspect);
    controller.send({ type: 'server.draining', serverId: 's02' });
    controller.send({ type: 'server.draining', serverId: 's00' });
    controller.send({ type: 'server.upgradeFailed', serverId: 's00' });
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
    ]);
    expect(controller.plainContext()).toMatchObject({ queue: [moveItem(FRONT_0, 's00', 0)], inFlight: [], evictedServers: [] });
    controller.advance(timings.repairS);
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's00' },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's00' },
    ]);
    expect(controller.plainContext()).toMatchObject({ queue: [], inFlight: [moveItem(FRONT_0, 's00', 0)], evictedServers: [], placement: { [FRONT_0]: 's00' } });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 1, placeable: true });
    // Not evicted, so not stuck: silent again, it is declared dead, and it is welcomed back when it answers.
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
    ]);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's00' });
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's00' },
      { type: 'controller.reclaimed', serverId: 's00', instanceIds: [FRONT_0] },
    ]);
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 1, placeable: true });
    expect(controller.plainContext()).toMatchObject({ queue: [], evictedServers: [], placement: { [FRONT_0]: 's00' } });
  },

  kubernetesPacesEvictionsPerZone(inspect?: Inspect) {
    // Default rates: 0.1 evictions/s per zone, so 10 s earn a whole token, one eviction pass.
    const controller = driveController(SPREAD, { healing: kubernetesDefaults }, inspect);
    expect(controller.plainContext().healingMemory).toEqual({ tokens: { 0: 1, 1: 1 }, atS: 0 });
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS);
    // Zone 0's one token evicts s00; s02, in the same zone, waits for the token to come back.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.pacing | management.sharedQueue');
    expect(controller.plainContext().healingMemory).toEqual({ tokens: { 0: 0, 1: 1 }, atS: timings.detectionTimeoutS });
    controller.advance(timings.evictionPassS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    expect(controller.plainContext().healingMemory).toEqual({ tokens: { 0: 0, 1: 1 }, atS: timings.detectionTimeoutS + timings.evictionPassS });
    controller.advance(timings.evictionPassS * 3);
    expect(controller.take()).toEqual([]);
  },

  /** At 0.04 evictions/s a token takes 25 s: the controller decides again every 10 s pass, and evicts at the first pass after it is earned. */
  kubernetesDecidesAgainEveryEvictionPassUntilATokenIsEarned(inspect?: Inspect) {
    const controller = driveController(SPREAD, { healing: { ...kubernetesDefaults, evictionRatePerS: 0.04 } }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toContainEqual({ type: 'controller.evict', serverId: 's00', fence: true });
    expect(controller.plainContext().healingMemory).toEqual({ tokens: { 0: 0, 1: 1 }, atS: timings.detectionTimeoutS });
    for (let pass = 1; pass <= 2; pass++) {
      controller.advance(timings.evictionPassS);
      // 0.4, then 0.8 of a token: nothing starts, and each pass's count is kept.
      expect(controller.take()).toEqual([]);
      expect(controller.state()).toBe('detection.watching | healing.pacing | management.sharedQueue');
      const { tokens, atS } = controller.plainContext().healingMemory as EvictionTokens;
      expect(atS).toBe(controller.nowS());
      expect(tokens[0]).toBeCloseTo(0.4 * pass);
    }
    // The token is whole 5 s into the third pass, but nothing is decided before the pass ends.
    controller.advance(timings.evictionPassS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.nowS()).toBe(timings.detectionTimeoutS + 3 * timings.evictionPassS);
    expect(controller.take()).toEqual([
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
  },

  /** Tokens refill by the simulated time that passed, not by passes: a server declared dead 10 s after the last eviction goes at once. */
  kubernetesEarnsTokensByElapsedTime(inspect?: Inspect) {
    const controller = driveController(SPREAD, { healing: kubernetesDefaults }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.evictionPassS);
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS - timings.evictionPassS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    controller.advance(timings.evictionPassS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    expect(controller.plainContext().healingMemory).toEqual({ tokens: { 0: 0, 1: 1 }, atS: timings.detectionTimeoutS + timings.evictionPassS });
  },

  /** A server repaired while its move waits for a token: moving off it evicts nothing, so it costs no token and starts at once. */
  kubernetesMovesOffARepairedServerWithoutAToken(inspect?: Inspect) {
    const controller = driveController(SPREAD, { healing: kubernetesDefaults }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.state()).toBe('detection.watching | healing.pacing | management.sharedQueue');
    controller.advance(timings.evictionPassS / 2);
    controller.send({ type: 'server.repaired', serverId: 's02' });
    // s02 lost its copy in the repair: the move goes ahead (onto s02 itself, now the best spot), with no
    // eviction and no token spent: zone 0 keeps the half token it earned in the 5 s since s00's eviction.
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's02' },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's02' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    expect(controller.plainContext()).toMatchObject({ evictedServers: ['s00'], healingMemory: { tokens: { 0: 0.5, 1: 1 }, atS: timings.detectionTimeoutS + timings.evictionPassS / 2 } });
  },

  /** The operator's switch drops the eviction tokens with the policy: the waiting move starts at once, and pacing stops. */
  operatorSwitchesKubernetesToParallelWhileAMoveWaitsForAToken(inspect?: Inspect) {
    const controller = driveController(SPREAD, { healing: kubernetesDefaults }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.state()).toBe('detection.watching | healing.pacing | management.sharedQueue');
    controller.send({ type: 'operator.switchToParallel' });
    expect(controller.take()).toEqual([
      { type: 'controller.policySwitched', policy: 'parallel' },
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    expect(controller.plainContext()).toMatchObject({ healing: { kind: 'parallel' }, healingMemory: null, queue: [] });
    controller.advance(timings.evictionPassS * 3);
    expect(controller.take()).toEqual([]);
  },

  customPolicyRegisteredByKindDecidesForTheController(inspect?: Inspect) {
    // The user's policy is known only inside this call, as a check or campaign passes it in.
    withHealingPolicies([managementOnly], () => {
      const controller = driveController(ONE_ROLE, { healing: { kind: 'managementOnly', perDecision: 1 } }, inspect);
      expect(controller.plainContext().healingMemory).toBe(0);
      controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
      controller.advance(timings.detectionTimeoutS);
      // Declared dead and queued, but the policy never starts a move: nothing is evicted.
      expect(controller.take()).toEqual([
        { type: 'controller.declaredDead', serverId: 's00' },
        { type: 'controller.queued', instanceId: FRONT_0 },
      ]);
      // It keeps no pace: the controller waits for something to happen rather than deciding again.
      expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
      // Portal requests behind the waiting move start at once, one per decision, each answered in turn.
      controller.send({ type: 'portal.request', requestId: 'r1' });
      controller.send({ type: 'portal.request', requestId: 'r2' });
      expect(controller.plainContext()).toMatchObject({
        queue: [moveItem(FRONT_0, 's00', 0)],
        inFlight: [{ kind: 'management', requestId: 'r1' }, { kind: 'management', requestId: 'r2' }],
        healingMemory: 2,
      });
      controller.advance(timings.managementServiceS);
      expect(controller.take()).toEqual([
        { type: 'controller.managementAnswered', requestId: 'r1' },
        { type: 'controller.managementAnswered', requestId: 'r2' },
      ]);
      controller.advance(timings.repairS);
      expect(controller.take()).toEqual([]);
      expect(controller.plainContext()).toMatchObject({ queue: [moveItem(FRONT_0, 's00', 0)], inFlight: [], evictedServers: [], placement: { [FRONT_0]: null } });
    });
  },

  portalRequestWaitsBehindSerialHealing(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: SERIAL_1 }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    controller.send({ type: 'portal.request', requestId: 'r1' });
    expect(controller.plainContext().queue).toEqual([{ kind: 'management', requestId: 'r1' }]);
    controller.advance(timings.instanceStartS);
    expect(controller.take()).toEqual([]);
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
    controller.advance(timings.managementServiceS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
    expect(controller.nowS()).toBe(timings.detectionTimeoutS + timings.instanceStartS + timings.managementServiceS);
    expect(controller.plainContext().inFlight).toEqual([]);
  },

  portalRequestsInTheirOwnLaneAreServedOneByOne(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: SERIAL_1, management: 'own-lane' }, inspect);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.ownLane');
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    controller.send({ type: 'portal.request', requestId: 'r1' });
    controller.send({ type: 'portal.request', requestId: 'r2' });
    expect(controller.plainContext()).toMatchObject({ ownLaneServing: 'r1', ownLane: ['r2'], queue: [] });
    controller.advance(timings.managementServiceS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
    expect(controller.plainContext()).toMatchObject({ ownLaneServing: 'r2', ownLane: [] });
    controller.advance(timings.managementServiceS);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r2' }]);
    expect(controller.plainContext()).toMatchObject({ ownLaneServing: null, inFlight: [moveItem(FRONT_0, 's00', 0)] });
  },

  serialControllerWelcomesBackASuspectThatAnswersInABlackout(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    for (const serverId of ['s00', 's01', 's02']) controller.send({ type: 'server.heartbeatLost', serverId });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    controller.send({ type: 'server.heartbeatLost', serverId: 's03' });
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.advance(timings.detectionTimeoutS / 2);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's01' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([]);
    // The others keep their deadlines; s01, the one server up, takes both copies.
    controller.advance(timings.detectionTimeoutS / 2);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
      { type: 'controller.evict', serverId: 's03', fence: true },
      { type: 'controller.move', instanceId: FRONT_1, serverId: 's01' },
    ]);
  },

  serialControllerWelcomesBackADeadServerThatAnswersInABlackout(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    for (const serverId of ['s00', 's01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    controller.advance(timings.detectionTimeoutS);
    // Nowhere to place anything: nothing is evicted.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.declaredDead', serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
    ]);
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's03' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's03' },
      { type: 'controller.reclaimed', serverId: 's03', instanceIds: [FRONT_1] },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's03' },
    ]);
    expect(controller.plainContext().placement).toEqual({ [FRONT_0]: 's03', [FRONT_1]: 's03' });
    expect(controller.plainContext().servers.map((s) => s.status)).toEqual(['dead', 'dead', 'dead', 'up']);
  },

  adaptiveControllerGivesDeadServersAFreshGracePeriodAfterABlackout(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: ADAPTIVE }, inspect);
    for (const serverId of ['s00', 's01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.advance(30);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's00' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's00' },
      { type: 'controller.reclaimed', serverId: 's00', instanceIds: [FRONT_0] },
      { type: 'controller.serverRestored', serverId: 's01' },
      { type: 'controller.serverRestored', serverId: 's02' },
      { type: 'controller.serverRestored', serverId: 's03' },
      { type: 'controller.reclaimed', serverId: 's03', instanceIds: [FRONT_1] },
    ]);
    expect(controller.plainContext().servers.map((s) => [s.status, s.load])).toEqual([['up', 1], ['suspect', 0], ['suspect', 0], ['suspect', 1]]);
    expect(controller.plainContext()).toMatchObject({ queue: [], placement: { [FRONT_0]: 's00', [FRONT_1]: 's03' } });
    controller.advance(50);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's01' });
    controller.advance(timings.detectionTimeoutS - 50 - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.nowS()).toBe(timings.detectionTimeoutS + 30 + timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
      { type: 'controller.evict', serverId: 's03', fence: true },
      { type: 'controller.move', instanceId: FRONT_1, serverId: 's01' },
    ]);
  },

  adaptiveControllerGivesNoGracePeriodToAServerAlreadyEvicted(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: ADAPTIVE }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toContainEqual({ type: 'controller.evict', serverId: 's00', fence: true });
    for (const serverId of ['s01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's01' });
    expect(controller.take()).toEqual([
      { type: 'controller.serverRestored', serverId: 's01' },
      { type: 'controller.serverRestored', serverId: 's02' },
      { type: 'controller.reclaimed', serverId: 's02', instanceIds: [FRONT_0] },
      { type: 'controller.serverRestored', serverId: 's03' },
      { type: 'controller.reclaimed', serverId: 's03', instanceIds: [FRONT_1] },
    ]);
    expect(controller.plainContext().servers.map((s) => s.status)).toEqual(['dead', 'up', 'suspect', 'suspect']);
    expect(controller.plainContext()).toMatchObject({ queue: [], placement: { [FRONT_0]: 's02', [FRONT_1]: 's03' } });
    // A fresh grace period from the moment s01 answered; s00 stays dead and evicted, untimed.
    controller.advance(timings.detectionTimeoutS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.nowS()).toBe(3 * timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
      { type: 'controller.evict', serverId: 's03', fence: true },
      { type: 'controller.move', instanceId: FRONT_1, serverId: 's01' },
    ]);
    expect(controller.plainContext().evictedServers).toEqual(['s00', 's02', 's03']);
  },

  adaptiveControllerStopsWatchingASuspectThatAnswersInABlackoutAndGivesTheOtherSuspectsAFreshGracePeriod(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: ADAPTIVE }, inspect);
    for (const serverId of ['s00', 's01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.advance(60);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's02' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([]);
    expect(serverNamed(controller, 's02')).toMatchObject({ status: 'up', placeable: true });
    expect(controller.plainContext().servers.map((s) => s.status)).toEqual(['suspect', 'suspect', 'up', 'suspect']);
    // The other suspects' timers start again: nothing at their old deadline (120 s).
    controller.advance(timings.detectionTimeoutS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.nowS()).toBe(60 + timings.detectionTimeoutS);
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's02' },
      { type: 'controller.declaredDead', serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's03' },
      { type: 'controller.queued', instanceId: FRONT_1 },
      { type: 'controller.evict', serverId: 's03', fence: true },
      { type: 'controller.move', instanceId: FRONT_1, serverId: 's02' },
    ]);
  },

  blackoutEndsWhenAnEvictedServerComesBackRepaired(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, {}, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    expect(controller.take()).toContainEqual({ type: 'controller.move', instanceId: FRONT_0, serverId: 's02' });
    for (const serverId of ['s01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
  },
} satisfies Record<string, Sequence>;
