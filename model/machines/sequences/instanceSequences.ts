/**
 * The instance's sequences: web/front/0 (instance start 900 s). It reports its placed copy
 * running, stopped in place (for the upgrade walk) or lost; never a stray copy.
 */
import { expect } from 'vitest';
import { instanceMachine } from '../instanceMachine.ts';
import { driveMachine } from '../machineHarness.ts';
import { FRONT_0, type Inspect, type Sequence, copy, instanceReport, timings } from './fixtures.ts';

function driveInstance(serverId: string | null, inspect?: Inspect) {
  return driveMachine(instanceMachine, { instanceId: FRONT_0, serverId, timings }, inspect);
}

const move = (serverId: string, instanceId = FRONT_0) => ({ type: 'controller.move' as const, instanceId, serverId });
const running = (serverId: string) => instanceReport('instance.running', FRONT_0, serverId);
const stopped = (serverId: string) => instanceReport('instance.stopped', FRONT_0, serverId);
const lost = (serverId: string) => instanceReport('instance.lost', FRONT_0, serverId);

export const instanceSequences = {
  placedInstanceRunsFromTheStart(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    expect(instance.state()).toBe('lifecycle.running | stray.none');
    expect(instance.take()).toEqual([]);
  },

  unplacedInstanceStartsWhereMoved(inspect?: Inspect) {
    const instance = driveInstance(null, inspect);
    expect(instance.state()).toBe('lifecycle.placing | stray.none');
    instance.send(move('s01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context().serverId).toBe('s01');
    instance.advance(timings.instanceStartS - 1);
    expect(instance.take()).toEqual([]);
    instance.advance(1);
    expect(instance.state()).toBe('lifecycle.running | stray.none');
    expect(instance.take()).toEqual([running('s01')]);
  },

  startingCopyLostIsQueuedAgain(inspect?: Inspect) {
    const instance = driveInstance(null, inspect);
    instance.send(move('s01'));
    instance.send(copy('server.copyLost', FRONT_0, 's02'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    instance.send(copy('server.copyLost', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.lost | stray.none');
    expect(instance.take()).toEqual([lost('s01')]);
    instance.advance(timings.instanceStartS);
    expect(instance.take()).toEqual([]);
    instance.send({ type: 'controller.queued', instanceId: FRONT_0 });
    expect(instance.state()).toBe('lifecycle.placing | stray.none');
  },

  moveWhileStartingRestartsTheClock(inspect?: Inspect) {
    const instance = driveInstance(null, inspect);
    instance.send(move('s01'));
    instance.advance(500);
    instance.send(move('s02'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context()).toMatchObject({ serverId: 's02', strayServerId: null });
    instance.advance(timings.instanceStartS - 1);
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.take()).toEqual([]);
    instance.advance(1);
    expect(instance.nowS()).toBe(500 + timings.instanceStartS);
    expect(instance.state()).toBe('lifecycle.running | stray.none');
    expect(instance.take()).toEqual([running('s02')]);
  },

  startingCopyParkedOnUpgradingServer(inspect?: Inspect) {
    const instance = driveInstance(null, inspect);
    instance.send(move('s01'));
    instance.advance(300);
    // A stop from another server is not about this copy.
    instance.send(copy('server.copyStopped', FRONT_0, 's02'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.take()).toEqual([]);
    instance.send(copy('server.copyStopped', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.none');
    // The walk hears of it, so its gate waits for this copy too.
    expect(instance.take()).toEqual([stopped('s01')]);
    // The start clock stopped with the copy: nothing runs at the old deadline.
    instance.advance(timings.instanceStartS);
    expect(instance.take()).toEqual([]);
    instance.send(copy('server.copyRestarted', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    instance.advance(timings.instanceStartS - 1);
    expect(instance.take()).toEqual([]);
    instance.advance(1);
    expect(instance.nowS()).toBe(300 + 2 * timings.instanceStartS);
    expect(instance.take()).toEqual([running('s01')]);
  },

  runningCopyStoppedForUpgradeRestarts(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(copy('server.copyStopped', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.running | stray.none');
    expect(instance.take()).toEqual([]);
    instance.send(copy('server.copyStopped', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.none');
    expect(instance.take()).toEqual([stopped('s00')]);
    instance.send(copy('server.copyRestarted', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.none');
    instance.send(copy('server.copyRestarted', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    instance.advance(timings.instanceStartS - 1);
    expect(instance.take()).toEqual([]);
    instance.advance(1);
    expect(instance.take()).toEqual([running('s00')]);
  },

  stoppedCopyLostThenMoved(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(copy('server.copyStopped', FRONT_0, 's00'));
    instance.send(copy('server.copyLost', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.none');
    instance.send(copy('server.copyLost', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.lost | stray.none');
    expect(instance.take()).toEqual([stopped('s00'), lost('s00')]);
    instance.send(move('s01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context()).toMatchObject({ serverId: 's01', strayServerId: null });
  },

  stoppedCopyMovedLeavesNoStray(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(copy('server.copyStopped', FRONT_0, 's00'));
    expect(instance.take()).toEqual([stopped('s00')]);
    instance.send(move('s01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context()).toMatchObject({ serverId: 's01', strayServerId: null });
    // The old server restarting its stopped copy later is not about the placed one.
    instance.send(copy('server.copyRestarted', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    instance.advance(timings.instanceStartS);
    expect(instance.take()).toEqual([running('s01')]);
  },

  runningCopyLostIsQueuedAndPlaced(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(copy('server.copyLost', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.running | stray.none');
    instance.send(copy('server.copyLost', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.lost | stray.none');
    expect(instance.take()).toEqual([lost('s00')]);
    instance.send({ type: 'controller.queued', instanceId: FRONT_0 });
    instance.send(move('s01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
  },

  moveOffARunningCopyLeavesAStrayUntilItsServerLosesIt(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(move('s01'));
    expect(instance.state()).toBe('lifecycle.starting | stray.serving');
    expect(instance.context()).toMatchObject({ serverId: 's01', strayServerId: 's00' });
    instance.send(copy('server.copyLost', FRONT_0, 's02'));
    expect(instance.state()).toBe('lifecycle.starting | stray.serving');
    instance.send(copy('server.copyLost', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context().strayServerId).toBeNull();
    expect(instance.take()).toEqual([]);
  },

  strayStoppedByItsServer(inspect?: Inspect) {
    const instance = driveInstance('s00', inspect);
    instance.send(move('s01'));
    instance.send(copy('server.copyStopped', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.starting | stray.none');
    expect(instance.context()).toMatchObject({ serverId: 's01', strayServerId: null });
    // A stray copy's stop is not reported: the walk never waits for it.
    expect(instance.take()).toEqual([]);
    instance.advance(timings.instanceStartS);
    expect(instance.take()).toEqual([running('s01')]);
  },
} satisfies Record<string, Sequence>;
