import { describe, expect, it } from 'vitest';
import { driveMachine } from './machineHarness.ts';
import { BACK_0, FRONT_0, copy, timings } from './sequences/fixtures.ts';
import { serverSequences as server } from './sequences/serverSequences.ts';
import { serverMachine } from './serverMachine.ts';

describe('serverMachine', () => {
  it('an upgraded server drains, installs, reboots at its exact deadlines and restarts its copies, parked ones included', () =>
    server.upgradeDrainsInstallsAndReboots());
  it('a reschedule drain evicts the copies for the controller to place elsewhere, and the server comes back empty', () =>
    server.rescheduleDrainEvictsAndComesBackEmpty());
  it('a surge server is absent, refusing copies, until the walk boots it; then it runs empty', () => server.surgeServerAbsentUntilTheWalkBootsIt());
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

describe('serverMachine: a copy moved to a server that already hosts it', () => {
  const drive = () =>
    driveMachine(serverMachine, { spec: { id: 's00', faultDomain: 0, updateDomain: 0, capacity: 4 }, hosted: [FRONT_0, BACK_0], timings });

  it('is hosted once, so a crash loses it once', () => {
    const server = drive();
    server.send({ type: 'controller.move', instanceId: FRONT_0, serverId: 's00' });
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0]);
    server.send({ type: 'fault.crash' });
    expect(server.take()).toEqual([copy('server.copyLost', FRONT_0), copy('server.copyLost', BACK_0), { type: 'server.heartbeatLost', serverId: 's00' }]);
  });

  it('mid-upgrade is parked again but restarted once after the reboot', () => {
    const server = drive();
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.advance(timings.drainS);
    server.take();
    server.send({ type: 'controller.move', instanceId: BACK_0, serverId: 's00' });
    expect(server.take()).toEqual([copy('server.copyStopped', BACK_0)]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0]);
    server.send({ type: 'deployment.completed', serverId: 's00' });
    server.advance(timings.rebootS);
    expect(server.take()).toEqual([{ type: 'server.upgraded', serverId: 's00' }, copy('server.copyRestarted', FRONT_0), copy('server.copyRestarted', BACK_0)]);
  });
});
