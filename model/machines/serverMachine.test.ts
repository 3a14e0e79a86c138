import { describe, it } from 'vitest';
import { serverSequences as server } from './sequences/serverSequences.ts';

describe('serverMachine', () => {
  it('an upgraded server drains, installs, reboots at its exact deadlines and restarts its copies, parked ones included', () =>
    server.upgradeDrainsInstallsAndReboots());
  it('a server whose deployment call outlasts the timeout fails and loses its copies', () => server.deploymentCallOutlastsTimeout());
  it('a server that crashes mid-upgrade fails the upgrade and never asks for the deployment', () => server.crashMidUpgrade());
  it('a crashed server refuses copies and upgrades until it is repaired, and comes back empty', () => server.crashedServerIsRepairedEmpty());
  it('a silent server keeps its copies serving, refuses new ones and skips the upgrade until its heartbeats return', () =>
    server.silentServerAnswersBeforeDeclaredDead());
  it('a server declared dead but not yet evicted returns to service with its copies', () => server.serverDeclaredDeadAnswersBeforeEviction());
  it('a fenced server loses its copies and is reimaged before it serves again', () => server.fencedServerIsReimagedWhenItAnswers());
  it('an abandoned server rejoins with the copies it kept running', () => server.abandonedServerRejoinsWithItsCopies());
  it('a silent server that then crashes loses its copies without reporting its heartbeats twice', () => server.silentServerCrashes());
  it('a server that crashes after it was declared dead goes straight to repair (no second declaration comes)', () =>
    server.serverCrashingAfterItWasDeclaredDeadGoesStraightToRepair());
  it('a server fenced in the second its heartbeats came back stops its copies and rejoins empty', () =>
    server.serverFencedInTheSecondItsHeartbeatsCameBackRejoinsEmpty());
  it('a server abandoned in the second its heartbeats came back rejoins with its copies', () =>
    server.serverAbandonedInTheSecondItsHeartbeatsCameBackRejoinsWithItsCopies());
});
