/**
 * The controller's sequences: four servers of capacity 2 racked over two fault and two update
 * domains — s00 fd0/ud0, s01 fd1/ud0, s02 fd0/ud1, s03 fd1/ud1 — detection timeout 120 s,
 * management service 60 s, eviction pass 10 s.
 */
import { expect } from 'vitest';
import type { ServerView } from '../../controllerView.ts';
import { type ControllerPolicy, kubernetesDefaults } from '../../policy.ts';
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
    timings,
    servers,
    placement,
    fabric: {
      serverIndex: Object.fromEntries(rack.map((s, i) => [s.id, i])),
      siblingsOf,
      faultDomains: [...new Set(rack.map((s) => s.faultDomain))].sort((a, b) => a - b),
    },
  };
}

function driveController(placement: Readonly<Record<string, string>>, policy: Partial<ControllerPolicy>, inspect?: Inspect, rack: Rack = RACK) {
  return driveMachine(controllerMachine, controllerInput(placement, policy, rack), inspect);
}

const SERIAL_1 = { kind: 'serial', concurrency: 1 } as const;
const ADAPTIVE = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } as const;
const serverNamed = (controller: ReturnType<typeof driveController>, id: string) => controller.context().servers.find((s) => s.id === id)!;
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
    expect(controller.context()).toMatchObject({
      placement: { [FRONT_0]: 's02', [FRONT_1]: 's03' },
      queue: [],
      inFlight: [moveItem(FRONT_0, 's00', 0)],
      evictedServers: ['s00'],
    });
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'dead', load: 0, placeable: false });
    expect(serverNamed(controller, 's02').load).toBe(1);
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
    expect(controller.context().inFlight).toEqual([]);
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 0, placeable: true });
    expect(controller.context().evictedServers).toEqual([]);
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
    expect(controller.context().queue).toEqual([moveItem(FRONT_1, 's03', 1)]);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's03' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's03' }]);
    expect(controller.context().queue).toEqual([]);
    expect(controller.context().placement[FRONT_1]).toBe('s03');
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
    expect(controller.context().queue).toEqual([moveItem(BACK_0, 's00', 0)]);
    controller.send({ type: 'server.rejoined', serverId: 's00', hosted: [FRONT_0, BACK_0] });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
    expect(controller.context()).toMatchObject({ queue: [], evictedServers: [], placement: { [FRONT_0]: 's02', [BACK_0]: 's00' } });
    // The load counts both copies it runs, the stray web/front/0 included.
    expect(serverNamed(controller, 's00')).toMatchObject({ status: 'up', load: 2, placeable: true });
  },

  operatorSwitchesSerialHealingToParallel(inspect?: Inspect) {
    const controller = driveController(TWO_ROLES, { healing: SERIAL_1 }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    expect(controller.context().queue).toEqual([moveItem(BACK_0, 's00', 0)]);
    controller.send({ type: 'operator.switchToParallel' });
    expect(controller.take()).toEqual([
      { type: 'controller.policySwitched', policy: 'parallel' },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's02' },
    ]);
    expect(controller.context().healing).toEqual({ kind: 'parallel', concurrency: 1_000_000 });
    expect(controller.context().inFlight).toHaveLength(2);
  },

  adaptiveKeepsAPartlyDarkRackNarrowUntilEveryServerAnswers(inspect?: Inspect) {
    const placement = { [FRONT_0]: 's00', [BACK_0]: 's02', [FRONT_1]: 's03', [BACK_1]: 's05' };
    const policy = { healing: { kind: 'adaptive', narrowConcurrency: 1, wideConcurrency: 1_000_000, unhealthyThreshold: 0.5 } } as const;
    const controller = driveController(placement, policy, inspect, WIDE_RACK);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    expect(controller.context().narrowedDomains).toEqual([]);
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    expect(controller.context().narrowedDomains).toEqual([0]);
    controller.advance(timings.detectionTimeoutS);
    // Rack 0 is two-thirds dark: one move out of it at a time.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's04' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
    ]);
    // s00 back: one third dark is below the threshold, but the rack stays narrow while any server of it looks dead.
    controller.send({ type: 'server.repaired', serverId: 's00' });
    expect(controller.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
    expect(controller.context().narrowedDomains).toEqual([0]);
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's04' });
    expect(controller.take()).toEqual([
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's00' },
    ]);
    controller.send({ type: 'server.repaired', serverId: 's02' });
    expect(controller.context().narrowedDomains).toEqual([]);
  },

  kubernetesPacesEvictionsPerZone(inspect?: Inspect) {
    // Default rates: 0.1 evictions/s per zone, so one pass of 10 s earns a whole token.
    const controller = driveController(SPREAD, { healing: kubernetesDefaults }, inspect);
    expect(controller.context().evictionTokens).toEqual({ 0: 1, 1: 1 });
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.send({ type: 'server.heartbeatLost', serverId: 's02' });
    controller.advance(timings.detectionTimeoutS);
    // Zone 0's one token evicts s00; s02, in the same zone, waits for the next eviction pass.
    expect(controller.take()).toEqual([
      { type: 'controller.declaredDead', serverId: 's00' },
      { type: 'controller.queued', instanceId: FRONT_0 },
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      { type: 'controller.declaredDead', serverId: 's02' },
      { type: 'controller.queued', instanceId: BACK_0 },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.pacingEvictions | management.sharedQueue');
    expect(controller.context().evictionTokens).toEqual({ 0: 0, 1: 1 });
    controller.advance(timings.evictionPassS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([
      { type: 'controller.evict', serverId: 's02', fence: true },
      { type: 'controller.move', instanceId: BACK_0, serverId: 's03' },
    ]);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    controller.advance(timings.evictionPassS * 3);
    expect(controller.take()).toEqual([]);
  },

  portalRequestWaitsBehindSerialHealing(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: SERIAL_1 }, inspect);
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    controller.send({ type: 'portal.request', requestId: 'r1' });
    expect(controller.context().queue).toEqual([{ kind: 'management', requestId: 'r1' }]);
    controller.advance(timings.instanceStartS);
    expect(controller.take()).toEqual([]);
    controller.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
    controller.advance(timings.managementServiceS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
    expect(controller.nowS()).toBe(timings.detectionTimeoutS + timings.instanceStartS + timings.managementServiceS);
    expect(controller.context().inFlight).toEqual([]);
  },

  portalRequestsInTheirOwnLaneAreServedOneByOne(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: SERIAL_1, management: 'own-lane' }, inspect);
    expect(controller.state()).toBe('detection.watching | healing.steady | management.ownLane');
    controller.send({ type: 'server.heartbeatLost', serverId: 's00' });
    controller.advance(timings.detectionTimeoutS);
    controller.take();
    controller.send({ type: 'portal.request', requestId: 'r1' });
    controller.send({ type: 'portal.request', requestId: 'r2' });
    expect(controller.context()).toMatchObject({ ownLaneServing: 'r1', ownLane: ['r2'], queue: [] });
    controller.advance(timings.managementServiceS - 1);
    expect(controller.take()).toEqual([]);
    controller.advance(1);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
    expect(controller.context()).toMatchObject({ ownLaneServing: 'r2', ownLane: [] });
    controller.advance(timings.managementServiceS);
    expect(controller.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r2' }]);
    expect(controller.context()).toMatchObject({ ownLaneServing: null, inFlight: [moveItem(FRONT_0, 's00', 0)] });
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
      { type: 'controller.evict', serverId: 's00', fence: true },
      { type: 'controller.move', instanceId: FRONT_0, serverId: 's03' },
    ]);
    expect(controller.context().placement).toEqual({ [FRONT_0]: 's03', [FRONT_1]: 's03' });
    expect(controller.context().servers.map((s) => s.status)).toEqual(['dead', 'dead', 'dead', 'up']);
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
    expect(controller.take()).toEqual(['s00', 's01', 's02', 's03'].map((serverId) => ({ type: 'controller.serverRestored', serverId })));
    expect(controller.context().servers.map((s) => [s.status, s.load])).toEqual([['up', 1], ['suspect', 0], ['suspect', 0], ['suspect', 1]]);
    expect(controller.context()).toMatchObject({ queue: [], placement: { [FRONT_0]: 's00', [FRONT_1]: 's03' } });
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
    expect(controller.take()).toEqual(['s01', 's02', 's03'].map((serverId) => ({ type: 'controller.serverRestored', serverId })));
    expect(controller.context().servers.map((s) => s.status)).toEqual(['dead', 'up', 'suspect', 'suspect']);
    expect(controller.context()).toMatchObject({ queue: [], placement: { [FRONT_0]: 's02', [FRONT_1]: 's03' } });
  },

  adaptiveControllerStopsWatchingASuspectThatAnswersInABlackout(inspect?: Inspect) {
    const controller = driveController(ONE_ROLE, { healing: ADAPTIVE }, inspect);
    for (const serverId of ['s00', 's01', 's02', 's03']) controller.send({ type: 'server.heartbeatLost', serverId });
    expect(controller.matches({ detection: 'blackout' })).toBe(true);
    controller.send({ type: 'server.heartbeatRestored', serverId: 's02' });
    expect(controller.matches({ detection: 'watching' })).toBe(true);
    expect(controller.take()).toEqual([]);
    expect(serverNamed(controller, 's02')).toMatchObject({ status: 'up', placeable: true });
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
