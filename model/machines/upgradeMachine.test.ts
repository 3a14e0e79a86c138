import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { upgradeSequences as upgrade } from './sequences/upgradeSequences.ts';
import { driveMachine } from './machineHarness.ts';
import { upgradeMachine } from './upgradeMachine.ts';

describe('upgradeMachine', () => {
  it('a walk over no update domains finishes at once', () => upgrade.walkWithNoDomainsFinishesAtOnce());
  it('walks one update domain at a time, waiting for the instances reported stopped', () => upgrade.walkWaitsForStoppedInstancesBetweenDomains());
  it('moves on to the next domain exactly at the start timeout when instances stay down', () => upgrade.walkMovesOnAfterTheStartTimeout());
  it('a walk gated on recovery waits past the start timeout until every stopped instance runs', () => upgrade.gatedWalkWaitsForRecovery());
  it('halts once more servers fail than the budget allows, leaving the rest of the domain alone', () =>
    upgrade.walkHaltsOnceFailuresExceedTheBudget());
  it('a domain\'s last failure over the budget halts the walk before the next domain starts', () =>
    upgrade.lastFailureOfADomainOverTheBudgetHaltsBeforeTheNextDomainStarts());
  it('a failure within the budget opens the gate like any report, and a later one over it halts', () =>
    upgrade.failureWithinTheBudgetLetsTheWalkGoOn());

  it('awaits no instance stopped before the walk starts', () => {
    const walk = driveMachine(upgradeMachine, { domains: [['s00']], gate: 'gated-on-recovery', haltBudget: null, startTimeoutS: 1800 });
    walk.send({ type: 'instance.stopped', instanceId: 'web/front/0', serverId: 's00' });
    walk.send({ type: 'operator.startUpgrade' });
    expect(walk.plainContext().awaitedInstances).toEqual([]);
    walk.send({ type: 'server.upgraded', serverId: 's00' });
    expect(walk.state()).toBe('done');
  });

  it('without a halt budget, walks on through failures to the end', () => {
    const walk = driveMachine(upgradeMachine, { domains: [['s00', 's01'], ['s02']], gate: 'continue-after-timeout', haltBudget: null, startTimeoutS: 1800 });
    walk.send({ type: 'operator.startUpgrade' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's00' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's01' });
    walk.send({ type: 'server.upgradeFailed', serverId: 's02' });
    expect(walk.state()).toBe('done');
    expect(walk.plainContext().failedServers).toBe(3);
    expect(walk.take().at(-1)).toEqual({ type: 'upgrade.finished' });
  });

  it('a walk not started yet, or over no domains, has no server pending and no failure counted', () => {
    const input = { domains: [], gate: 'gated-on-recovery', haltBudget: null, startTimeoutS: 1800 } as const;
    const walk = driveMachine(upgradeMachine, input);
    expect(walk.plainContext()).toMatchObject({ domainIndex: 0, pendingServers: [], awaitedInstances: [], failedServers: 0 });
    walk.send({ type: 'operator.startUpgrade' });
    expect(walk.plainContext()).toMatchObject({ domainIndex: 0, pendingServers: [], awaitedInstances: [], failedServers: 0 });
  });

  // The simulator delivers nothing more to a machine that is no longer active.
  it.each([
    ['finished', [{ type: 'server.upgraded', serverId: 's00' }], 'done'],
    ['halted', [{ type: 'server.upgradeFailed', serverId: 's00' }], 'halted'],
  ] as const)('a %s walk is over: its actor is done', (_ending, reports, state) => {
    const walk = createActor(upgradeMachine, { input: { domains: [['s00']], gate: 'continue-after-timeout', haltBudget: 0, startTimeoutS: 1800 } });
    walk.start();
    walk.send({ type: 'operator.startUpgrade' });
    expect(walk.getSnapshot().status).toBe('active');
    for (const report of reports) walk.send(report);
    expect(walk.getSnapshot().value).toBe(state);
    expect(walk.getSnapshot().status).toBe('done');
  });
});
