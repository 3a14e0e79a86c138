/**
 * The server's sequences: s00 runs web/front/0 and web/back/0 (drain 60 s, call timeout
 * 600 s, reboot 540 s, repair 43 200 s).
 */
import { expect } from 'vitest';
import { driveMachine } from '../machineHarness.ts';
import type { UpgradeDrain } from '../../policy.ts';
import { serverMachine } from '../serverMachine.ts';
import { BACK_0, BACK_1, FRONT_0, FRONT_1, type Inspect, type Sequence, copy, timings } from './fixtures.ts';

function driveServer(inspect?: Inspect, drain: UpgradeDrain = 'restart-in-place') {
  const spec = { id: 's00', faultDomain: 0, updateDomain: 0, capacity: 4 };
  return driveMachine(serverMachine, { spec, hosted: [FRONT_0, BACK_0], timings, drain }, inspect);
}

/** A draining server with nothing to restart: its drain, its install and its reboot, and it runs again empty. */
function comesBackEmpty(server: ReturnType<typeof driveServer>, serverId: string): void {
  server.advance(timings.drainS + timings.deploymentCallS);
  server.send({ type: 'deployment.completed', serverId });
  server.advance(timings.rebootS);
  expect(server.state()).toBe('running');
  expect(server.take()).toEqual([{ type: 'server.deploymentRequested', serverId }, { type: 'server.upgraded', serverId }]);
}

export const serverSequences = {
  rescheduleDrainEvictsAndComesBackEmpty(inspect?: Inspect) {
    const server = driveServer(inspect, 'reschedule');
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    expect(server.state()).toBe('upgrading.draining');
    // The controller is told what the drain evicted; the copies stop and are no longer this server's.
    expect(server.take()).toEqual([{ type: 'server.draining', serverId: 's00', evicted: [FRONT_0, BACK_0] }, copy('server.copyStopped', FRONT_0), copy('server.copyStopped', BACK_0)]);
    expect(server.context().hosted).toEqual([]);
    // Nothing restarts: the reboot brings it back empty.
    comesBackEmpty(server, 's00');
  },

  surgeServerAbsentUntilTheWalkBootsIt(inspect?: Inspect) {
    const spec = { id: 's09', faultDomain: 0, updateDomain: 0, capacity: 4, surge: true };
    const server = driveMachine(serverMachine, { spec, hosted: [], timings, drain: 'reschedule' }, inspect);
    expect(server.state()).toBe('absent');
    // Not there: a copy sent to it is lost at once.
    server.send({ type: 'controller.move', instanceId: FRONT_1, serverId: 's09' });
    expect(server.take()).toEqual([copy('server.copyLost', FRONT_1, 's09')]);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's09' });
    expect(server.state()).toBe('upgrading.draining');
    expect(server.take()).toEqual([{ type: 'server.draining', serverId: 's09', evicted: [] }]);
    comesBackEmpty(server, 's09');
  },

  upgradeDrainsInstallsAndReboots(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    expect(server.state()).toBe('upgrading.draining');
    expect(server.take()).toEqual([{ type: 'server.draining', serverId: 's00' }, copy('server.copyStopped', FRONT_0), copy('server.copyStopped', BACK_0)]);
    server.advance(timings.drainS - 1);
    expect(server.take()).toEqual([]);
    server.advance(1);
    expect(server.state()).toBe('upgrading.installing');
    expect(server.take()).toEqual([{ type: 'server.deploymentRequested', serverId: 's00' }]);
    // A copy the controller places here mid-upgrade is parked until the reboot.
    server.send({ type: 'controller.move', instanceId: FRONT_1, serverId: 's00' });
    expect(server.take()).toEqual([copy('server.copyStopped', FRONT_1)]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0, FRONT_1]);
    server.advance(timings.deploymentCallS);
    server.send({ type: 'deployment.completed', serverId: 's00' });
    expect(server.state()).toBe('upgrading.rebooting');
    server.advance(timings.rebootS - 1);
    expect(server.take()).toEqual([]);
    server.advance(1);
    expect(server.nowS()).toBe(timings.drainS + timings.deploymentCallS + timings.rebootS);
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([
      { type: 'server.upgraded', serverId: 's00' },
      copy('server.copyRestarted', FRONT_0),
      copy('server.copyRestarted', BACK_0),
      copy('server.copyRestarted', FRONT_1),
    ]);
  },

  deploymentCallOutlastsTimeout(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.advance(timings.drainS);
    server.take();
    server.advance(timings.deploymentCallTimeoutS - 1);
    expect(server.state()).toBe('upgrading.installing');
    expect(server.take()).toEqual([]);
    server.advance(1);
    expect(server.state()).toBe('failed');
    expect(server.take()).toEqual([copy('server.copyLost', FRONT_0), copy('server.copyLost', BACK_0), { type: 'server.upgradeFailed', serverId: 's00' }]);
    expect(server.context().hosted).toEqual([]);
    // The answer that comes too late changes nothing.
    server.send({ type: 'deployment.completed', serverId: 's00' });
    expect(server.state()).toBe('failed');
  },

  crashMidUpgrade(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.take();
    server.advance(timings.drainS / 2);
    server.send({ type: 'fault.crash' });
    expect(server.state()).toBe('failed');
    expect(server.take()).toEqual([copy('server.copyLost', FRONT_0), copy('server.copyLost', BACK_0), { type: 'server.upgradeFailed', serverId: 's00' }]);
    server.advance(timings.drainS);
    expect(server.take()).toEqual([]);
  },

  crashedServerIsRepairedEmpty(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'controller.move', instanceId: FRONT_1, serverId: 's00' });
    expect(server.take()).toEqual([]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0, FRONT_1]);
    server.send({ type: 'fault.crash' });
    expect(server.state()).toBe('failed');
    expect(server.take()).toEqual([
      copy('server.copyLost', FRONT_0),
      copy('server.copyLost', BACK_0),
      copy('server.copyLost', FRONT_1),
      { type: 'server.heartbeatLost', serverId: 's00' },
    ]);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.send({ type: 'controller.move', instanceId: BACK_1, serverId: 's00' });
    expect(server.take()).toEqual([{ type: 'server.upgradeSkipped', serverId: 's00' }, copy('server.copyLost', BACK_1)]);
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    expect(server.state()).toBe('repairing');
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.send({ type: 'controller.move', instanceId: BACK_1, serverId: 's00' });
    expect(server.take()).toEqual([{ type: 'server.upgradeSkipped', serverId: 's00' }, copy('server.copyLost', BACK_1)]);
    server.advance(timings.repairS - 1);
    expect(server.take()).toEqual([]);
    server.advance(1);
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.repaired', serverId: 's00' }]);
    expect(server.context().hosted).toEqual([]);
  },

  silentServerAnswersBeforeDeclaredDead(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    expect(server.state()).toBe('unreachable.suspected');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }]);
    server.send({ type: 'upgrade.upgradeServer', serverId: 's00' });
    server.send({ type: 'controller.move', instanceId: FRONT_1, serverId: 's00' });
    expect(server.state()).toBe('unreachable.suspected');
    expect(server.take()).toEqual([{ type: 'server.upgradeSkipped', serverId: 's00' }, copy('server.copyLost', FRONT_1)]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0]);
    server.send({ type: 'fault.heartbeatRestored' });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.heartbeatRestored', serverId: 's00' }]);
  },

  serverDeclaredDeadAnswersBeforeEviction(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    expect(server.state()).toBe('unreachable.declaredDead');
    server.send({ type: 'fault.heartbeatRestored' });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }, { type: 'server.heartbeatRestored', serverId: 's00' }]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0]);
  },

  fencedServerIsReimagedWhenItAnswers(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    server.send({ type: 'controller.evict', serverId: 's00', fence: true });
    expect(server.state()).toBe('unreachable.fenced');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }, copy('server.copyLost', FRONT_0), copy('server.copyLost', BACK_0)]);
    server.send({ type: 'fault.heartbeatRestored' });
    expect(server.state()).toBe('repairing');
    server.advance(timings.repairS - 1);
    expect(server.take()).toEqual([]);
    server.advance(1);
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.repaired', serverId: 's00' }]);
  },

  abandonedServerRejoinsWithItsCopies(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    server.send({ type: 'controller.evict', serverId: 's00', fence: false });
    expect(server.state()).toBe('unreachable.abandoned');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }]);
    server.send({ type: 'fault.heartbeatRestored' });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.rejoined', serverId: 's00', hosted: [FRONT_0, BACK_0] }]);
  },

  silentServerCrashes(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'fault.crash' });
    expect(server.state()).toBe('failed');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }, copy('server.copyLost', FRONT_0), copy('server.copyLost', BACK_0)]);
  },

  serverCrashingAfterItWasDeclaredDeadGoesStraightToRepair(inspect?: Inspect) {
    const cases = [
      { evict: null, state: 'unreachable.declaredDead', lostOnCrash: [FRONT_0, BACK_0] },
      { evict: { fence: false }, state: 'unreachable.abandoned', lostOnCrash: [FRONT_0, BACK_0] },
      // Fencing already stopped its copies: the crash has nothing left to lose.
      { evict: { fence: true }, state: 'unreachable.fenced', lostOnCrash: [] },
    ] as const;
    for (const { evict, state, lostOnCrash } of cases) {
      const server = driveServer(inspect);
      server.send({ type: 'fault.heartbeatLoss' });
      server.send({ type: 'controller.declaredDead', serverId: 's00' });
      if (evict) server.send({ type: 'controller.evict', serverId: 's00', fence: evict.fence });
      expect(server.state()).toBe(state);
      server.take();
      // No second declaration will come: the crash sends it to repair at once, copies gone.
      server.send({ type: 'fault.crash' });
      expect(server.state()).toBe('repairing');
      expect(server.take()).toEqual(lostOnCrash.map((instanceId) => copy('server.copyLost', instanceId)));
      expect(server.context().hosted).toEqual([]);
      server.advance(timings.repairS - 1);
      expect(server.take()).toEqual([]);
      server.advance(1);
      expect(server.state()).toBe('running');
      expect(server.take()).toEqual([{ type: 'server.repaired', serverId: 's00' }]);
    }
  },

  /**
   * Declared dead, then its heartbeats came back in the very second the controller fenced it
   * (the eviction was on its way): it stops its copies and rejoins empty, so the controller,
   * which ignores the heartbeats of a server it evicted, learns it is back.
   */
  serverFencedInTheSecondItsHeartbeatsCameBackRejoinsEmpty(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    server.send({ type: 'fault.heartbeatRestored' });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.heartbeatLost', serverId: 's00' }, { type: 'server.heartbeatRestored', serverId: 's00' }]);
    server.send({ type: 'controller.evict', serverId: 's00', fence: true });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([
      copy('server.copyLost', FRONT_0),
      copy('server.copyLost', BACK_0),
      { type: 'server.rejoined', serverId: 's00', hosted: [] },
    ]);
    expect(server.context().hosted).toEqual([]);
    // It serves on at once: no reimage, no repair.
    server.advance(timings.repairS);
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([]);
    server.send({ type: 'controller.move', instanceId: FRONT_1, serverId: 's00' });
    expect(server.context().hosted).toEqual([FRONT_1]);
    expect(server.take()).toEqual([]);
  },

  /** Declared dead, then its heartbeats came back in the very second the controller abandoned it. */
  serverAbandonedInTheSecondItsHeartbeatsCameBackRejoinsWithItsCopies(inspect?: Inspect) {
    const server = driveServer(inspect);
    server.send({ type: 'fault.heartbeatLoss' });
    server.send({ type: 'controller.declaredDead', serverId: 's00' });
    server.send({ type: 'fault.heartbeatRestored' });
    server.take();
    server.send({ type: 'controller.evict', serverId: 's00', fence: false });
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([{ type: 'server.rejoined', serverId: 's00', hosted: [FRONT_0, BACK_0] }]);
    expect(server.context().hosted).toEqual([FRONT_0, BACK_0]);
    // Nothing else was scheduled: no repair follows.
    server.advance(timings.repairS);
    expect(server.state()).toBe('running');
    expect(server.take()).toEqual([]);
  },
} satisfies Record<string, Sequence>;
