/**
 * The rolling OS upgrade: one update domain at a time, every server of the domain at once.
 * Between domains it waits for the instances it stopped; the gate either gives up after the
 * start timeout and walks on (Azure's documented rule) or stays closed until every one of
 * them runs again somewhere. With a halt budget it stops once too many servers fail.
 */
import { OrderedSet } from 'immutable';
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import type { UpgradeGate } from '../policy.ts';

export interface UpgradeInput {
  /** Server ids of each update domain, in walk order. */
  readonly domains: readonly (readonly string[])[];
  readonly gate: UpgradeGate;
  readonly haltBudget: number | null;
  readonly startTimeoutS: number;
}

export interface UpgradeContext {
  readonly domains: readonly (readonly string[])[];
  readonly gate: UpgradeGate;
  readonly haltBudget: number | null;
  readonly startTimeoutS: number;
  readonly domainIndex: number;
  /**
   * Servers of the current domain that have not reported back, and instances the walk stopped
   * that do not run again yet (kept across domains): persistent sets in insertion order
   * (immutable's OrderedSet), so a report costs a path copy, not a copy of the domain.
   */
  readonly pendingServers: OrderedSet<string>;
  readonly awaitedInstances: OrderedSet<string>;
  readonly failedServers: number;
}

export type UpgradeEvent =
  | { type: 'operator.startUpgrade' }
  | { type: 'server.upgraded'; serverId: string }
  | { type: 'server.upgradeSkipped'; serverId: string }
  | { type: 'server.upgradeFailed'; serverId: string }
  | { type: 'instance.stopped'; instanceId: string; serverId: string }
  | { type: 'instance.running'; instanceId: string; serverId: string };

export type UpgradeEmitted =
  | { type: 'upgrade.upgradeServer'; serverId: string }
  | { type: 'upgrade.domainStarted'; domainIndex: number }
  | { type: 'upgrade.finished' }
  | { type: 'upgrade.halted'; failedServers: number };

export const upgradeMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as UpgradeInput,
    context: {} as UpgradeContext,
    events: {} as UpgradeEvent,
    emitted: {} as UpgradeEmitted,
  },
  delays: {
    upgradeStartTimeout: ({ context }) => context.startTimeoutS * 1000,
  },
  guards: {
    domainServersReported: ({ context }) => context.pendingServers.size === 0,
    restartedInstancesRunning: ({ context }) => context.awaitedInstances.size === 0,
    continuesAfterTimeout: ({ context }) => context.gate === 'continue-after-timeout',
    /** This failure takes the walk past its budget (checked before counting it). */
    failureExceedsBudget: ({ context }) => context.haltBudget !== null && context.failedServers + 1 > context.haltBudget,
    walkedEveryDomain: ({ context }) => context.domainIndex + 1 >= context.domains.length,
    hasNoDomains: ({ context }) => context.domains.length === 0,
  },
  actions: {
    beginDomain: enqueueActions(({ context, enqueue }) => {
      // A domain begins only while the walk has one left (see hasNoDomains and walkedEveryDomain).
      const servers = context.domains[context.domainIndex]!;
      enqueue.assign({ pendingServers: OrderedSet(servers) });
      enqueue.emit({ type: 'upgrade.domainStarted', domainIndex: context.domainIndex });
      for (const serverId of servers) enqueue.emit({ type: 'upgrade.upgradeServer', serverId });
    }),
    serverReported: assign({
      pendingServers: ({ context, event }) => ('serverId' in event ? context.pendingServers.delete(event.serverId) : context.pendingServers),
    }),
    countFailure: assign({ failedServers: ({ context }) => context.failedServers + 1 }),
    awaitInstance: assign({
      awaitedInstances: ({ context, event }) => {
        assertEvent(event, 'instance.stopped');
        return context.awaitedInstances.add(event.instanceId);
      },
    }),
    instanceRestarted: assign({
      awaitedInstances: ({ context, event }) => {
        assertEvent(event, 'instance.running');
        return context.awaitedInstances.delete(event.instanceId);
      },
    }),
    advanceDomain: assign({ domainIndex: ({ context }) => context.domainIndex + 1 }),
    reportFinished: emit({ type: 'upgrade.finished' as const }),
    reportHalted: emit(({ context }) => ({ type: 'upgrade.halted' as const, failedServers: context.failedServers })),
  },
}).createMachine({
  id: 'upgrade',
  context: ({ input }) => ({
    domains: input.domains,
    gate: input.gate,
    haltBudget: input.haltBudget,
    startTimeoutS: input.startTimeoutS,
    domainIndex: 0,
    pendingServers: OrderedSet<string>(),
    awaitedInstances: OrderedSet<string>(),
    failedServers: 0,
  }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'operator.startUpgrade': [{ guard: 'hasNoDomains', target: 'done' }, { target: 'walking' }],
      },
    },
    walking: {
      initial: 'upgradingDomain',
      on: {
        // Halting is decided on the failure itself, before any gate could open on it.
        'server.upgradeFailed': [
          { guard: 'failureExceedsBudget', target: 'halted', actions: ['serverReported', 'countFailure'] },
          { actions: ['serverReported', 'countFailure'] },
        ],
        'instance.stopped': { actions: 'awaitInstance' },
        'instance.running': { actions: 'instanceRestarted' },
      },
      states: {
        upgradingDomain: {
          entry: 'beginDomain',
          on: {
            'server.upgraded': { actions: 'serverReported' },
            'server.upgradeSkipped': { actions: 'serverReported' },
          },
          always: { guard: 'domainServersReported', target: 'awaitingInstances' },
        },
        /** The gate between update domains. */
        awaitingInstances: {
          always: { guard: 'restartedInstancesRunning', target: 'nextDomain' },
          after: { upgradeStartTimeout: { guard: 'continuesAfterTimeout', target: 'nextDomain' } },
        },
        nextDomain: {
          always: [
            { guard: 'walkedEveryDomain', target: '#upgrade.done' },
            { target: 'upgradingDomain', actions: 'advanceDomain' },
          ],
        },
      },
    },
    done: { type: 'final', entry: 'reportFinished' },
    halted: { type: 'final', entry: 'reportHalted' },
  },
});
