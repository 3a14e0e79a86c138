import { describe, expect, it } from 'vitest';
import { controllerMachine } from './controllerMachine.ts';
import { driveMachine } from './machineHarness.ts';
import { controllerInput, controllerSequences as controller } from './sequences/controllerSequences.ts';

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
      expect(actor.context().servers[0]!.status).toBe('upgrading');
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
    it('a healing policy registered by the user decides for the controller, with its parameters and its memory', () =>
      controller.customPolicyRegisteredByKindDecidesForTheController());
  });

  describe('management', () => {
    it('a portal request sharing the healing queue waits until serial healing frees a slot', () => controller.portalRequestWaitsBehindSerialHealing());
    it('portal requests in their own lane are served one by one while healing is busy', () =>
      controller.portalRequestsInTheirOwnLaneAreServedOneByOne());
  });
});
