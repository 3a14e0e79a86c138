import { describe, expect, it } from 'vitest';
import { upgradeSequences as upgrade } from './sequences/upgradeSequences.ts';
import { driveMachine } from './machineHarness.ts';
import { upgradeMachine } from './upgradeMachine.ts';

describe('upgradeMachine', () => {
  it('a walk over no update domains finishes at once', () => upgrade.walkWithNoDomainsFinishesAtOnce());
  it('walks one update domain at a time, waiting for the instances it stopped', () => upgrade.walkWaitsForStoppedInstancesBetweenDomains());
  it('moves on to the next domain exactly at the start timeout when instances stay down', () => upgrade.walkMovesOnAfterTheStartTimeout());
  it('a walk gated on recovery waits past the start timeout until every stopped instance runs', () => upgrade.gatedWalkWaitsForRecovery());
  it('halts once more servers fail than the budget allows, leaving the rest of the domain alone', () =>
    upgrade.walkHaltsOnceFailuresExceedTheBudget());

  it('without a halt budget, walks on through failures to the end', () => {
    const walk = driveMachine(upgradeMachine, { domains: [['s00', 's01'], ['s02']], gate: 'continue-after-timeout', haltBudget: null, startTimeoutS: 1800 });
    walk.send({ type: 'operator.startUpgrade' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's00' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's01' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's02' });
    expect(walk.state()).toBe('done');
    expect(walk.context().failedServers).toBe(3);
    expect(walk.take().at(-1)).toEqual({ type: 'upgrade.finished' });
  });
});
