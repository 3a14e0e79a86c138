import { describe, expect, it } from 'vitest';
import { instanceMachine } from './instanceMachine.ts';
import { driveMachine } from './machineHarness.ts';
import { FRONT_0, copy, instanceReport, timings } from './sequences/fixtures.ts';
import { instanceSequences as instance } from './sequences/instanceSequences.ts';

describe('instanceMachine', () => {
  it('an instance placed when the story begins is already running', () => instance.placedInstanceRunsFromTheStart());
  it('an unplaced instance starts where the controller moves it, after the instance start time', () => instance.unplacedInstanceStartsWhereMoved());
  it('a copy lost while starting is reported lost and then queued again; losses on other servers are ignored', () =>
    instance.startingCopyLostIsQueuedAgain());
  it('a move while starting restarts the start clock on the new server', () => instance.moveWhileStartingRestartsTheClock());
  it('a starting copy stopped by its server mid-upgrade is reported stopped and waits for the restart', () =>
    instance.startingCopyParkedOnUpgradingServer());
  it('a running copy stopped for its server’s upgrade is reported stopped and starts again when that server restarts it', () =>
    instance.runningCopyStoppedForUpgradeRestarts());
  it('a stopped copy lost with its server is reported lost and can be moved', () => instance.stoppedCopyLostThenMoved());
  it('moving a stopped copy leaves no stray behind', () => instance.stoppedCopyMovedLeavesNoStray());
  it('a running copy lost with its server is queued and placed again', () => instance.runningCopyLostIsQueuedAndPlaced());
  it('moving a running copy leaves a stray until its old server loses it', () => instance.moveOffARunningCopyLeavesAStrayUntilItsServerLosesIt());
  it('a stray ends when its old server stops it, and its stop is not reported', () => instance.strayStoppedByItsServer());
});

describe('instanceMachine: a stray copy', () => {
  it('serves on while the server it moved to stops the placed copy, and ends when its own server stops it', () => {
    const instance = driveMachine(instanceMachine, { instanceId: FRONT_0, serverId: 's00', timings });
    instance.send({ type: 'controller.move', instanceId: FRONT_0, serverId: 's01' });
    instance.send(copy('server.copyStopped', FRONT_0, 's01'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.serving');
    expect(instance.context()).toMatchObject({ serverId: 's01', strayServerId: 's00' });
    expect(instance.take()).toEqual([instanceReport('instance.stopped', FRONT_0, 's01')]);
    instance.send(copy('server.copyStopped', FRONT_0, 's00'));
    expect(instance.state()).toBe('lifecycle.stopped | stray.none');
    expect(instance.context().strayServerId).toBeNull();
  });
});
