import { describe, it } from 'vitest';
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
