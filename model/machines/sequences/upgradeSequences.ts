/**
 * The upgrade walk's sequences: update domain 0 = s00, s01; update domain 1 = s02, s03; start
 * timeout 1800 s. The walk learns which instances it stopped from `instance.stopped` (each
 * instance reports its placed copy stopped in place), and which run again from
 * `instance.running`.
 */
import { expect } from 'vitest';
import { driveMachine } from '../machineHarness.ts';
import { type UpgradeInput, upgradeMachine } from '../upgradeMachine.ts';
import { BACK_0, FRONT_0, type Inspect, type Sequence, instanceReport, timings } from './fixtures.ts';

function driveUpgrade(input: Partial<UpgradeInput>, inspect?: Inspect) {
  const defaults: UpgradeInput = { domains: [['s00', 's01'], ['s02', 's03']], gate: 'continue-after-timeout', haltBudget: null, startTimeoutS: timings.upgradeStartTimeoutS };
  return driveMachine(upgradeMachine, { ...defaults, ...input }, inspect);
}

const domainStarted = (domainIndex: number, ...serverIds: string[]) => [
  { type: 'upgrade.domainStarted', domainIndex },
  ...serverIds.map((serverId) => ({ type: 'upgrade.upgradeServer', serverId })),
];

/** Seconds into the walk at which domain 0 has reported back and its gate starts waiting. */
const FIRST_DOMAIN_REPORTED_S = 840;

/** Domain 0 upgraded (at 840 s) while web/front/0, stopped on s00, has not run again yet. */
function firstDomainUpgradedWithOneInstanceDown(upgrade: ReturnType<typeof driveUpgrade>) {
  upgrade.send({ type: 'operator.startUpgrade' });
  upgrade.send(instanceReport('instance.stopped', FRONT_0, 's00'));
  upgrade.advance(600);
  upgrade.send({ type: 'server.upgraded', serverId: 's00' });
  upgrade.advance(FIRST_DOMAIN_REPORTED_S - 600);
  upgrade.send({ type: 'server.upgraded', serverId: 's01' });
  expect(upgrade.state()).toBe('walking.awaitingInstances');
  expect(upgrade.plainContext()).toMatchObject({ domainIndex: 0, pendingServers: [], awaitedInstances: [FRONT_0] });
  expect(upgrade.take()).toEqual(domainStarted(0, 's00', 's01'));
}

export const upgradeSequences = {
  walkWithNoDomainsFinishesAtOnce(inspect?: Inspect) {
    const upgrade = driveUpgrade({ domains: [] }, inspect);
    expect(upgrade.state()).toBe('idle');
    upgrade.send({ type: 'operator.startUpgrade' });
    expect(upgrade.state()).toBe('done');
    expect(upgrade.take()).toEqual([{ type: 'upgrade.finished' }]);
  },

  walkWaitsForStoppedInstancesBetweenDomains(inspect?: Inspect) {
    const upgrade = driveUpgrade({}, inspect);
    upgrade.send({ type: 'operator.startUpgrade' });
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.take()).toEqual(domainStarted(0, 's00', 's01'));
    upgrade.send(instanceReport('instance.stopped', FRONT_0, 's00'));
    upgrade.send(instanceReport('instance.stopped', BACK_0, 's00'));
    // The same instance stopped twice is awaited once.
    upgrade.send(instanceReport('instance.stopped', FRONT_0, 's00'));
    upgrade.send({ type: 'server.upgraded', serverId: 's00' });
    expect(upgrade.plainContext()).toMatchObject({ pendingServers: ['s01'], awaitedInstances: [FRONT_0, BACK_0] });
    upgrade.send({ type: 'server.upgradeSkipped', serverId: 's01' });
    expect(upgrade.state()).toBe('walking.awaitingInstances');
    upgrade.send(instanceReport('instance.running', FRONT_0, 's00'));
    expect(upgrade.state()).toBe('walking.awaitingInstances');
    expect(upgrade.plainContext().awaitedInstances).toEqual([BACK_0]);
    expect(upgrade.take()).toEqual([]);
    upgrade.send(instanceReport('instance.running', BACK_0, 's00'));
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.plainContext()).toMatchObject({ domainIndex: 1, pendingServers: ['s02', 's03'], awaitedInstances: [] });
    expect(upgrade.take()).toEqual(domainStarted(1, 's02', 's03'));
    upgrade.send({ type: 'server.upgraded', serverId: 's02' });
    upgrade.send({ type: 'server.upgraded', serverId: 's03' });
    expect(upgrade.state()).toBe('done');
    expect(upgrade.take()).toEqual([{ type: 'upgrade.finished' }]);
  },

  walkMovesOnAfterTheStartTimeout(inspect?: Inspect) {
    const upgrade = driveUpgrade({ gate: 'continue-after-timeout' }, inspect);
    firstDomainUpgradedWithOneInstanceDown(upgrade);
    upgrade.advance(timings.upgradeStartTimeoutS - 1);
    expect(upgrade.state()).toBe('walking.awaitingInstances');
    expect(upgrade.take()).toEqual([]);
    upgrade.advance(1);
    expect(upgrade.nowS()).toBe(FIRST_DOMAIN_REPORTED_S + timings.upgradeStartTimeoutS);
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.take()).toEqual(domainStarted(1, 's02', 's03'));
    // The instance still down stays awaited across domains.
    expect(upgrade.plainContext()).toMatchObject({ domainIndex: 1, awaitedInstances: [FRONT_0] });
  },

  gatedWalkWaitsForRecovery(inspect?: Inspect) {
    const upgrade = driveUpgrade({ gate: 'gated-on-recovery' }, inspect);
    firstDomainUpgradedWithOneInstanceDown(upgrade);
    upgrade.advance(timings.upgradeStartTimeoutS * 3);
    expect(upgrade.state()).toBe('walking.awaitingInstances');
    expect(upgrade.take()).toEqual([]);
    upgrade.send(instanceReport('instance.running', FRONT_0, 's01'));
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.take()).toEqual(domainStarted(1, 's02', 's03'));
  },

  walkHaltsOnceFailuresExceedTheBudget(inspect?: Inspect) {
    const upgrade = driveUpgrade({ domains: [['s00', 's01', 's02'], ['s03']], haltBudget: 1 }, inspect);
    upgrade.send({ type: 'operator.startUpgrade' });
    upgrade.take();
    upgrade.send({ type: 'server.upgradeFailed', serverId: 's00' });
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.plainContext()).toMatchObject({ failedServers: 1, pendingServers: ['s01', 's02'] });
    expect(upgrade.take()).toEqual([]);
    upgrade.send({ type: 'server.upgradeFailed', serverId: 's01' });
    expect(upgrade.state()).toBe('halted');
    expect(upgrade.take()).toEqual([{ type: 'upgrade.halted', failedServers: 2 }]);
    expect(upgrade.plainContext()).toMatchObject({ failedServers: 2, pendingServers: ['s02'] });
  },

  /**
   * The failure of a domain's last server that takes the walk past its budget halts it then
   * and there: no gate opens on that report, so the next domain never starts.
   */
  lastFailureOfADomainOverTheBudgetHaltsBeforeTheNextDomainStarts(inspect?: Inspect) {
    const upgrade = driveUpgrade({ haltBudget: 0 }, inspect);
    upgrade.send({ type: 'operator.startUpgrade' });
    upgrade.take();
    upgrade.send({ type: 'server.upgraded', serverId: 's00' });
    upgrade.send({ type: 'server.upgradeFailed', serverId: 's01' });
    expect(upgrade.state()).toBe('halted');
    expect(upgrade.take()).toEqual([{ type: 'upgrade.halted', failedServers: 1 }]);
    expect(upgrade.plainContext()).toMatchObject({ domainIndex: 0, pendingServers: [], failedServers: 1 });
    // Halted is final: nothing more happens, not even at the start timeout.
    upgrade.advance(timings.upgradeStartTimeoutS);
    expect(upgrade.take()).toEqual([]);
  },

  /** A failure within the budget is counted like a report: the gate opens and the walk goes on. */
  failureWithinTheBudgetLetsTheWalkGoOn(inspect?: Inspect) {
    const upgrade = driveUpgrade({ haltBudget: 1 }, inspect);
    upgrade.send({ type: 'operator.startUpgrade' });
    upgrade.take();
    upgrade.send({ type: 'server.upgraded', serverId: 's00' });
    upgrade.send({ type: 'server.upgradeFailed', serverId: 's01' });
    expect(upgrade.state()).toBe('walking.upgradingDomain');
    expect(upgrade.plainContext()).toMatchObject({ domainIndex: 1, failedServers: 1 });
    expect(upgrade.take()).toEqual(domainStarted(1, 's02', 's03'));
    upgrade.send({ type: 'server.upgradeFailed', serverId: 's03' });
    expect(upgrade.state()).toBe('halted');
    expect(upgrade.take()).toEqual([{ type: 'upgrade.halted', failedServers: 2 }]);
    expect(upgrade.plainContext().pendingServers).toEqual(['s02']);
  },
} satisfies Record<string, Sequence>;
