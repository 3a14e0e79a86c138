/**
 * Transitions and states of the machines that no catalog hypothesis can take, and why. They
 * stay in the coverage denominator (the machines' full definitions); the seed-robustness bar
 * judges each machine on the others. Every reason is checked by
 * properties/unreachableByDesign.test.ts, against every catalog generator.
 */
export interface UnreachableTransition {
  readonly machine: string;
  /** The transition's key, as model/coverage/machineGraph.ts names it. */
  readonly transition: string;
  readonly reason: string;
}

export interface UnreachableState {
  readonly machine: string;
  /** The state's key, as model/coverage/machineGraph.ts names it. */
  readonly state: string;
  readonly reason: string;
}

const NO_SURGE = 'a surge server, which only a node pool upgrade with maxSurge adds (check --cluster): no catalog topology has one';

export const UNREACHABLE_STATES_BY_DESIGN: readonly UnreachableState[] = [{ machine: 'server', state: 'server.absent', reason: NO_SURGE }];

export const UNREACHABLE_BY_DESIGN: readonly UnreachableTransition[] = [
  {
    machine: 'upgrade',
    transition: 'upgrade.idle --operator.startUpgrade[hasNoDomains]--> upgrade.done',
    reason: 'an upgrade of a fabric without update domains: every catalog topology has at least one server, so at least one update domain',
  },
  {
    machine: 'instance',
    transition: 'instance.lifecycle.deploying --always--> instance.lifecycle.placing',
    reason: 'an instance with no room when the story begins: every catalog topology raises capacity to hold every instance (a scenario file may ask for more)',
  },
  { machine: 'server', transition: 'server.created --always[isSurge]--> server.absent', reason: NO_SURGE },
  { machine: 'server', transition: 'server.absent --upgrade.upgradeServer--> server.upgrading', reason: NO_SURGE },
  { machine: 'server', transition: 'server.absent --controller.move--> (stays)', reason: NO_SURGE },
];
