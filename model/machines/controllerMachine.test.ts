import { describe, expect, it } from 'vitest';
import { controllerMachine } from './controllerMachine.ts';
import { machineGraph } from '../coverage/machineGraph.ts';
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { withHealingPolicies } from '../healingPolicies/registry.ts';
import { kubernetesDefaults } from '../policy.ts';
import { driveMachine } from './machineHarness.ts';
import { controllerInput, controllerSequences as controller } from './sequences/controllerSequences.ts';
import { FRONT_0, FRONT_1, timings } from './sequences/fixtures.ts';

const ONE_ROLE = { [FRONT_0]: 's00', [FRONT_1]: 's03' };
const moveItem = (instanceId: string, fromServerId: string, fromFaultDomain: number) => ({ kind: 'move', instanceId, fromServerId, fromFaultDomain });
const statusOf = (actor: ReturnType<typeof driveController>, serverId: string) => actor.plainContext().servers.find((s) => s.id === serverId)!.status;

/**
 * A user's policy that never starts anything and asks to decide again every 10 s while moves
 * wait; its memory is what it saw of the controller at the start.
 */
const patient: HealingPolicyDefinition<{ kind: 'patient' }, { queued: number; inFlight: number; evicted: number }> = {
  kind: 'patient',
  summary: 'starts nothing, deciding again every 10 s while moves wait',
  honoursBlackouts: false,
  initialMemory: (_params, view) => ({ queued: view.queue.length, inFlight: view.inFlight.length, evicted: view.evictedServers.size }),
  decide: (_params, _view, memory) => ({ start: [], memory }),
  paceS: () => 10,
};

function driveController(...args: Parameters<typeof controllerInput>) {
  return driveMachine(controllerMachine, controllerInput(...args));
}

/** s00 goes silent and is declared dead; its instance moves to s02 and s00 is evicted (fenced, or abandoned without fencing). */
function withS00Evicted(...args: Parameters<typeof controllerInput>) {
  const actor = driveController(...args);
  actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
  actor.advance(timings.detectionTimeoutS);
  expect(actor.take()).toContainEqual({ type: 'controller.evict', serverId: 's00', fence: args[1]?.fencing ?? true });
  return actor;
}

describe('controllerMachine', () => {
  describe('detection', () => {
    it('declares a silent server dead exactly at the detection timeout, moves its instance away from its sibling, and welcomes it back repaired', () =>
      controller.silentServerDeclaredDeadAndHealedThenRepaired());
    it('a server whose heartbeats return before the timeout is never declared dead', () => controller.heartbeatsBackBeforeTheDetectionTimeout());
    it('a dead server that answers before its moves start keeps its instances', () =>
      controller.deadServerAnsweringBeforeItsMovesStartKeepsItsInstances());
    it('a failed upgrade declares the server dead at once', () => controller.failedUpgradeIsDeclaredDeadAtOnce());
    it('a server mid-upgrade takes no copies until it is upgraded', () => controller.upgradingServerTakesNoCopiesUntilUpgraded());
    it('an abandoned server rejoins and reclaims the moves still queued for what it kept running', () =>
      controller.abandonedServerRejoinsAndReclaimsItsQueuedMoves());

    it('ignores a lost heartbeat from a server mid-upgrade', () => {
      const actor = driveMachine(controllerMachine, controllerInput({ 'web/front/0': 's00', 'web/front/1': 's03' }));
      actor.send({ type: 'server.draining', serverId: 's00' });
      actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
      actor.advance(600);
      expect(actor.take()).toEqual([]);
      expect(actor.plainContext().servers[0]!.status).toBe('upgrading');
    });

    it('heartbeats from a server mid-upgrade leave it upgrading, taking no copies', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'server.draining', serverId: 's02' });
      actor.send({ type: 'server.heartbeatRestored', serverId: 's02' });
      expect(actor.take()).toEqual([]);
      expect(actor.plainContext().servers.find((s) => s.id === 's02')).toMatchObject({ status: 'upgrading', placeable: false });
    });

    it('heartbeats from a server that is up change nothing', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's00' });
      expect(actor.take()).toEqual([]);
      expect(actor.plainContext().servers.map((s) => [s.status, s.load])).toEqual([['up', 1], ['up', 0], ['up', 0], ['up', 1]]);
    });

    it('a fenced server whose heartbeats return stays dead, its copy moved away, until it is repaired', () => {
      const actor = withS00Evicted(ONE_ROLE);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's00' });
      expect(actor.take()).toEqual([]);
      expect(statusOf(actor, 's00')).toBe('dead');
      expect(actor.plainContext()).toMatchObject({ evictedServers: ['s00'], placement: { [FRONT_0]: 's02' } });
    });

    it('an empty server declared dead and answering again is welcomed back with nothing to reclaim', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'server.heartbeatLost', serverId: 's01' });
      actor.advance(timings.detectionTimeoutS);
      expect(actor.take()).toEqual([{ type: 'controller.declaredDead', serverId: 's01' }]);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's01' });
      expect(actor.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's01' }]);
      expect(statusOf(actor, 's01')).toBe('up');
    });

    it('a fabric with no servers is not a blackout', () => {
      const actor = driveController({}, {}, []);
      expect(actor.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    });

    it('repairing one of two fenced servers leaves the other fenced', () => {
      const actor = withS00Evicted(ONE_ROLE);
      actor.send({ type: 'server.heartbeatLost', serverId: 's03' });
      actor.advance(timings.detectionTimeoutS);
      expect(actor.take()).toContainEqual({ type: 'controller.evict', serverId: 's03', fence: true });
      actor.send({ type: 'server.repaired', serverId: 's00' });
      expect(actor.plainContext().evictedServers).toEqual(['s03']);
    });

    it('an abandoned server that rejoins with none of its moves still queued reclaims nothing, and the other abandoned server stays abandoned', () => {
      const actor = withS00Evicted(ONE_ROLE, { fencing: false });
      actor.send({ type: 'server.heartbeatLost', serverId: 's03' });
      actor.advance(timings.detectionTimeoutS);
      actor.take();
      actor.send({ type: 'server.rejoined', serverId: 's00', hosted: [FRONT_0] });
      expect(actor.take()).toEqual([{ type: 'controller.serverRestored', serverId: 's00' }]);
      expect(actor.plainContext().evictedServers).toEqual(['s03']);
    });
  });

  describe('blackout: every fault domain looks dead at once', () => {
    it('a serial controller simply stops watching a suspect that answers; the others keep their deadlines', () =>
      controller.serialControllerWelcomesBackASuspectThatAnswersInABlackout());
    it('a serial controller welcomes back a dead server that answers and heals onto it', () =>
      controller.serialControllerWelcomesBackADeadServerThatAnswersInABlackout());
    it('an adaptive controller gives every server declared dead a fresh grace period when the first one answers, reclaiming their queued moves', () =>
      controller.adaptiveControllerGivesDeadServersAFreshGracePeriodAfterABlackout());
    it('an adaptive controller leaves a server it already evicted dead, and times the others afresh', () =>
      controller.adaptiveControllerGivesNoGracePeriodToAServerAlreadyEvicted());
    it('an adaptive controller stops watching a suspect that answers and gives every other suspect a fresh grace period', () =>
      controller.adaptiveControllerStopsWatchingASuspectThatAnswersInABlackoutAndGivesTheOtherSuspectsAFreshGracePeriod());
    it('ends when an evicted server comes back repaired', () => controller.blackoutEndsWhenAnEvictedServerComesBackRepaired());

    it('a server repaired during the fresh grace period after a blackout stays up when the grace period ends', () => {
      const actor = driveController(ONE_ROLE, { healing: { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 } });
      for (const serverId of ['s00', 's01', 's02', 's03']) actor.send({ type: 'server.heartbeatLost', serverId });
      actor.advance(timings.detectionTimeoutS);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's01' });
      expect(statusOf(actor, 's00')).toBe('suspect');
      actor.advance(timings.detectionTimeoutS / 2);
      actor.send({ type: 'server.repaired', serverId: 's00' });
      actor.take();
      actor.advance(timings.detectionTimeoutS / 2);
      expect(actor.take()).toEqual([
        { type: 'controller.declaredDead', serverId: 's02' },
        { type: 'controller.declaredDead', serverId: 's03' },
        { type: 'controller.queued', instanceId: FRONT_1 },
        { type: 'controller.evict', serverId: 's03', fence: true },
        { type: 'controller.move', instanceId: FRONT_1, serverId: 's01' },
      ]);
      expect(statusOf(actor, 's00')).toBe('up');
    });

    it('every answer in a blackout leads back to watching, as the coverage report names its transitions', () => {
      const answers = machineGraph(controllerMachine).transitions.filter((key) => key.startsWith('controller.detection.blackout --server.heartbeatRestored'));
      expect(answers).toEqual([
        'controller.detection.blackout --server.heartbeatRestored[and]--> controller.detection.watching #0',
        'controller.detection.blackout --server.heartbeatRestored[and]--> controller.detection.watching #1',
        'controller.detection.blackout --server.heartbeatRestored[serverIsSuspect]--> controller.detection.watching',
        'controller.detection.blackout --server.heartbeatRestored[serverDeadNotEvicted]--> controller.detection.watching',
      ]);
    });

    it('does not end when a fenced server answers: it is still dead until repaired', () => {
      const actor = withS00Evicted(ONE_ROLE);
      for (const serverId of ['s01', 's02', 's03']) actor.send({ type: 'server.heartbeatLost', serverId });
      expect(actor.matches({ detection: 'blackout' })).toBe(true);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's00' });
      expect(actor.matches({ detection: 'blackout' })).toBe(true);
      expect(actor.take()).toEqual([]);
      expect(statusOf(actor, 's00')).toBe('dead');
    });
  });

  describe('healing', () => {
    it('an operator switching to parallel healing starts the waiting moves at once', () => controller.operatorSwitchesSerialHealingToParallel());
    it('adaptive healing takes a rack narrow when it decides moves while the rack is partly dark, and keeps it so while any server of it looks dead', () =>
      controller.adaptiveTakesAPartlyDarkRackNarrowWhenItDecidesMovesAndKeepsItWhileAnyServerLooksDead());
    it('adaptive healing heals a whole-rack failure wide, though the rack passes through partly dark as its heartbeats stop one by one', () =>
      controller.adaptiveHealsAWholeRackFailureWideThoughItsHeartbeatsStopOneByOne());
    it('a server repaired since its instance was queued is not evicted when the move starts, and is not stuck dead', () =>
      controller.repairedServerIsNotEvictedWhenItsQueuedMoveStarts());
    it('kubernetes evicts one server per zone per token, deciding again every eviction pass while a move waits for one', () =>
      controller.kubernetesPacesEvictionsPerZone());
    it('kubernetes keeps deciding every eviction pass until a slow zone has earned its token', () =>
      controller.kubernetesDecidesAgainEveryEvictionPassUntilATokenIsEarned());
    it('kubernetes tokens refill by the simulated time that passed: a server declared dead 10 s after the last eviction goes at once', () =>
      controller.kubernetesEarnsTokensByElapsedTime());
    it('kubernetes moves off a server repaired while its move waited, with no token and no eviction', () =>
      controller.kubernetesMovesOffARepairedServerWithoutAToken());
    it('an operator switching kubernetes to parallel drops its tokens and starts the move that waited for one', () =>
      controller.operatorSwitchesKubernetesToParallelWhileAMoveWaitsForAToken());
    it('a healing policy passed in by the user decides for the controller, with its parameters and its memory', () =>
      controller.customPolicyRegisteredByKindDecidesForTheController());

    it('a move whose target is declared dead before the copy runs is queued again from there, and no longer counts as in flight', () => {
      const actor = withS00Evicted(ONE_ROLE, { healing: { kind: 'serial', concurrency: 1 } });
      expect(actor.plainContext().inFlight).toEqual([moveItem(FRONT_0, 's00', 0)]);
      actor.send({ type: 'server.heartbeatLost', serverId: 's02' });
      actor.advance(timings.detectionTimeoutS);
      // Serial, one at a time: the new move starts only because the lost one left the slot.
      expect(actor.take()).toEqual([
        { type: 'controller.declaredDead', serverId: 's02' },
        { type: 'controller.queued', instanceId: FRONT_0 },
        { type: 'controller.evict', serverId: 's02', fence: true },
        { type: 'controller.move', instanceId: FRONT_0, serverId: 's01' },
      ]);
      expect(actor.plainContext()).toMatchObject({ queue: [], inFlight: [moveItem(FRONT_0, 's02', 0)], placement: { [FRONT_0]: 's01' } });
    });

    it('kubernetes with a token but no server with room waits for something to happen, not for the next eviction pass', () => {
      // s01, s02 and s03 are full.
      const placement = { 'a/x/0': 's00', 'b/x/0': 's01', 'b/x/1': 's02', 'c/x/0': 's01', 'c/x/1': 's02', 'd/x/0': 's03', 'd/x/1': 's03' };
      const actor = driveController(placement, { healing: kubernetesDefaults });
      actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
      actor.advance(timings.detectionTimeoutS);
      expect(actor.take()).toEqual([
        { type: 'controller.declaredDead', serverId: 's00' },
        { type: 'controller.queued', instanceId: 'a/x/0' },
      ]);
      expect(actor.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
      expect(actor.plainContext()).toMatchObject({ queue: [moveItem('a/x/0', 's00', 0)], healingMemory: { tokens: { 0: 1, 1: 1 }, atS: 0 } });
    });

    it("a user's policy is set up from a fresh controller's view: nothing queued, in flight or evicted", () => {
      withHealingPolicies([patient], () => {
        const actor = driveController(ONE_ROLE, { healing: { kind: 'patient' } });
        expect(actor.plainContext().healingMemory).toEqual({ queued: 0, inFlight: 0, evicted: 0 });
      });
    });

    it('a paced policy decides again every pass while moves wait, not while only portal requests do', () => {
      withHealingPolicies([patient], () => {
        const actor = driveController(ONE_ROLE, { healing: { kind: 'patient' } });
        actor.send({ type: 'portal.request', requestId: 'r1' });
        expect(actor.plainContext().queue).toEqual([{ kind: 'management', requestId: 'r1' }]);
        expect(actor.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
        actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
        actor.advance(timings.detectionTimeoutS);
        expect(actor.state()).toBe('detection.watching | healing.pacing | management.sharedQueue');
      });
    });

    it('kubernetes with nothing queued does not decide every eviction pass', () => {
      const actor = driveController(ONE_ROLE, { healing: kubernetesDefaults });
      expect(actor.state()).toBe('detection.watching | healing.steady | management.sharedQueue');
    });

    it('never changes a snapshot it has handed out: readers compare each with the last one they saw', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
      const { queue, inFlight, evictedServers, placement, servers } = actor.plainContext();
      const seen = structuredClone({ queue, inFlight, evictedServers, placement, servers });
      actor.advance(timings.detectionTimeoutS);
      expect(actor.take()).toContainEqual({ type: 'controller.evict', serverId: 's00', fence: true });
      expect({ queue, inFlight, evictedServers, placement, servers }).toEqual(seen);
    });
  });

  describe('management', () => {
    it('a portal request sharing the healing queue waits until serial healing frees a slot', () => controller.portalRequestWaitsBehindSerialHealing());
    it('portal requests in their own lane are served one by one while healing is busy', () =>
      controller.portalRequestsInTheirOwnLaneAreServedOneByOne());

    it('a portal request queued behind healing keeps its place when a server answers again and reclaims its queued moves', () => {
      const actor = driveController(ONE_ROLE, { healing: { kind: 'serial', concurrency: 1 } });
      actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
      actor.send({ type: 'server.heartbeatLost', serverId: 's03' });
      actor.advance(timings.detectionTimeoutS);
      actor.send({ type: 'portal.request', requestId: 'r1' });
      expect(actor.plainContext().queue).toEqual([moveItem(FRONT_1, 's03', 1), { kind: 'management', requestId: 'r1' }]);
      actor.send({ type: 'server.heartbeatRestored', serverId: 's03' });
      expect(actor.plainContext().queue).toEqual([{ kind: 'management', requestId: 'r1' }]);
      actor.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
      actor.take();
      actor.advance(timings.managementServiceS);
      expect(actor.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
    });

    it('a portal request in flight stays in flight while a server is declared dead and a moved copy starts running', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'server.heartbeatLost', serverId: 's00' });
      actor.advance(timings.detectionTimeoutS - 20);
      actor.send({ type: 'portal.request', requestId: 'r1' });
      actor.advance(20);
      expect(actor.plainContext().inFlight).toEqual([{ kind: 'management', requestId: 'r1' }, moveItem(FRONT_0, 's00', 0)]);
      actor.send({ type: 'instance.running', instanceId: FRONT_0, serverId: 's02' });
      expect(actor.plainContext().inFlight).toEqual([{ kind: 'management', requestId: 'r1' }]);
    });

    it('a lane of their own with no portal requests serves nothing', () => {
      const actor = driveController(ONE_ROLE, { management: 'own-lane' });
      expect(actor.plainContext()).toMatchObject({ ownLane: [], ownLaneServing: null });
      actor.advance(timings.managementServiceS);
      expect(actor.take()).toEqual([]);
    });

    it('portal requests in flight together are each answered after their own service time', () => {
      const actor = driveController(ONE_ROLE);
      actor.send({ type: 'portal.request', requestId: 'r1' });
      actor.advance(timings.managementServiceS / 2);
      actor.send({ type: 'portal.request', requestId: 'r2' });
      expect(actor.plainContext().inFlight).toEqual([{ kind: 'management', requestId: 'r1' }, { kind: 'management', requestId: 'r2' }]);
      actor.advance(timings.managementServiceS / 2);
      expect(actor.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r1' }]);
      expect(actor.plainContext().inFlight).toEqual([{ kind: 'management', requestId: 'r2' }]);
      actor.advance(timings.managementServiceS / 2);
      expect(actor.take()).toEqual([{ type: 'controller.managementAnswered', requestId: 'r2' }]);
      expect(actor.plainContext().inFlight).toEqual([]);
    });
  });
});
