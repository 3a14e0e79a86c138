/**
 * Which catalog properties the explorer checks, and how: the faults each one's hypothesis
 * allows (drawn from those the config allows), the policy it fixes, the restriction its
 * hypothesis puts on schedules, and whether its check is decided stretch by stretch or reads
 * the whole run (explorationSpace.ts `CheckScope`). A property without a profile here is
 * reported as not explored, with the reason.
 */
import type { FaultKind } from '../model/faultSchedule.ts';
import type { ControllerPolicy } from '../model/policy.ts';
import type { Topology } from '../model/topology.ts';
import { isMultiInstance, isSingleInstance } from '../properties/appKinds.ts';
import type { CheckScope } from './space/explorationSpace.ts';
import { type ScheduleRestriction, singleFaultDomain } from './space/restriction.ts';

export interface ExploreProfile {
  readonly propertyId: string;
  /** A variant of the catalog's (its policy and expectation come from the catalog); null for the property itself. */
  readonly variant: string | null;
  readonly faultKinds: readonly FaultKind[];
  /** What the hypothesis fixes of the policy, on top of the config's. */
  readonly policy?: Partial<ControllerPolicy>;
  readonly restriction?: (topology: Topology) => ScheduleRestriction;
  /** Why the property says nothing about this topology; null when it does. */
  readonly needs?: (topology: Topology) => string | null;
  readonly scope: CheckScope;
  /** Why that scope is sound for this check, in one sentence. */
  readonly why: string;
}

const hasSingleInstanceApp = (topology: Topology) => (topology.apps.some(isSingleInstance) ? null : 'no app with one instance per role');
const hasMultiInstanceApp = (topology: Topology) => (topology.apps.some(isMultiInstance) ? null : 'no app with two or more instances per role');

const APP_DOWN = 'an app goes down at a state change, judged from the instances\' states alone';
const HARDWARE: readonly FaultKind[] = ['crash', 'rack-failure'];
const COMPUTE: readonly FaultKind[] = ['crash', 'heartbeat-loss', 'rack-failure'];
const PARALLEL: Partial<ControllerPolicy> = { healing: { kind: 'parallel', concurrency: 1_000_000 } };

export const EXPLORE_PROFILES: readonly ExploreProfile[] = [
  { propertyId: 'single-instance-never-down', variant: null, faultKinds: ['crash'], needs: hasSingleInstanceApp, scope: 'stretch', why: APP_DOWN },
  {
    propertyId: 'multi-instance-never-fully-down',
    variant: null,
    faultKinds: HARDWARE,
    restriction: (topology) => singleFaultDomain(topology, 2),
    needs: hasMultiInstanceApp,
    scope: 'stretch',
    why: APP_DOWN,
  },
  { propertyId: 'multi-instance-correlated-failure', variant: null, faultKinds: ['crash'], needs: hasMultiInstanceApp, scope: 'stretch', why: APP_DOWN },
  {
    propertyId: 'no-duplicate-running-instance',
    variant: null,
    faultKinds: ['heartbeat-loss', 'crash'],
    policy: { fencing: true },
    scope: 'stretch',
    why: 'copies serving per role are counted from the instances\' states at each state change',
  },
  {
    propertyId: 'no-duplicate-running-instance',
    variant: 'fencing off',
    faultKinds: ['heartbeat-loss', 'crash'],
    scope: 'stretch',
    why: 'copies serving per role are counted from the instances\' states at each state change',
  },
  {
    propertyId: 'capacity-and-spread-respected',
    variant: null,
    faultKinds: COMPUTE,
    scope: 'whole-run',
    why: 'a move is judged against which servers the controller had been told were up, earlier in the run',
  },
  {
    propertyId: 'recovery-eventually-completes',
    variant: null,
    faultKinds: ['crash', 'heartbeat-loss'],
    scope: 'whole-run',
    why: 'a recovery is judged at the end of the run, from when the instance was lost',
  },
  {
    propertyId: 'parallel-recovery-bounded',
    variant: null,
    faultKinds: HARDWARE,
    policy: PARALLEL,
    restriction: (topology) => singleFaultDomain(topology, 2),
    scope: 'whole-run',
    why: 'a recovery\'s duration runs from the loss, earlier in the run',
  },
  {
    propertyId: 'serial-recovery-bounded',
    variant: null,
    faultKinds: HARDWARE,
    policy: { healing: { kind: 'serial', concurrency: 2 } },
    restriction: (topology) => singleFaultDomain(topology, 2),
    scope: 'whole-run',
    why: 'a recovery\'s duration runs from the loss, earlier in the run',
  },
  {
    propertyId: 'alert-raised-in-time',
    variant: null,
    faultKinds: COMPUTE,
    scope: 'whole-run',
    why: 'an alert is due a window after the dead servers crossed the threshold, earlier in the run',
  },
];

/** Why the other catalog properties are not explored (yet): the faults or actions they need. */
export const NOT_EXPLORED: Readonly<Record<string, string>> = {
  'upgrade-keeps-multi-instance-up': 'needs the rolling upgrade and a fault-free run; its space is one schedule',
  'upgrade-continue-anyway': 'needs an upgrade under a slow deployment service (timings beyond the explorer\'s grid)',
  'upgrade-gated-on-recovery': 'needs an upgrade under a slow deployment service (timings beyond the explorer\'s grid)',
  'backlog-drains-after-trigger': 'needs a stream of work arriving faster than it is served',
  'management-responsive-shared-queue': 'needs portal requests behind a backlog of moves',
  'management-responsive-own-lane': 'needs portal requests behind a backlog of moves',
  'false-positive-churn-bounded': 'needs heartbeat losses on many servers at once',
  'all-suspect-stops-healing': 'needs every fault domain dark at once',
  'upgrade-terminates': 'needs the rolling upgrade',
  'halt-bounds-upgrade-damage': 'needs the rolling upgrade',
  'storage-unaffected': 'needs a stream of storage writes',
  'default-template-fits-quota': 'a deployment check, no fault schedule to explore',
};
