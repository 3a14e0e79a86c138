/**
 * Swarm testing (Groce et al., "Swarm testing", ISSTA 2012) for fault schedules. Each run
 * first draws which of a hypothesis's optional fault kinds it may use, and their weights, then
 * the schedule from those: a run with many crashes and no heartbeat losses explores what a run
 * with a little of everything hides.
 *
 * - Half the runs are swarm runs: each kind is enabled or not (even odds); the other half use
 *   every kind, as plain mode does, so swarm mode adds mixes without giving up the plain one.
 * - Weights (1 to SWARM_WEIGHTS) set the mix between the enabled kinds: the heaviest keeps
 *   every fault its plan drew, a kind of half its weight the first half of them, and so on.
 * - Shrinking goes toward swarm runs, the enabled flags toward "disabled" and the weights
 *   toward all equal (every enabled kind in full): whole kinds drop first, then the plans
 *   shrink as in plain mode.
 *
 * Only kinds the hypothesis lets a run go without belong in a swarm (a plan must allow any
 * prefix of its faults, none included); mandatory faults stay outside, beside it. With swarm
 * mode off the schedule is drawn exactly as `fc.tuple(...plans).map(allOf)` draws it.
 */
import fc from 'fast-check';
import type { Fault } from '../../model/faultSchedule.ts';
import type { Topology } from '../../model/topology.ts';
import { type FaultPlan, allOf } from './faultArbitraries.ts';
import { swarmMode } from './swarmMode.ts';

export const SWARM_WEIGHTS = 4;

/** What one run drew: the kinds it may use and their weights, in the order the kinds were named. */
export interface SwarmChoice {
  readonly enabled: readonly boolean[];
  readonly weights: readonly number[];
}

export interface SwarmOptions {
  /**
   * Never disable every kind: for a swarm that is the whole schedule, where a run without any
   * kind is a fault-free run that checks nothing. One kind (the first, once shrunk) stays on.
   */
  readonly atLeastOne?: boolean;
}

/** The first ⌈n · weight / heaviest⌉ of a kind's n faults. */
export function dose(faults: readonly Fault[], weight: number, heaviest: number): Fault[] {
  return faults.slice(0, Math.ceil((faults.length * weight) / heaviest));
}

/** The kinds a choice enables, each thinned to its weight relative to the heaviest enabled kind. */
export function swarmPlan(plans: readonly FaultPlan[], choice: SwarmChoice): FaultPlan {
  const heaviest = Math.max(1, ...choice.weights.filter((_, i) => choice.enabled[i]));
  return (topology: Topology) => plans.flatMap((plan, i) => (choice.enabled[i] ? dose(plan(topology), choice.weights[i]!, heaviest) : []));
}

/** Which kinds a run may use, and their weights. */
export function swarmChoices(kinds: number, options: SwarmOptions = {}): fc.Arbitrary<SwarmChoice> {
  const everyKind = Array.from({ length: kinds }, () => true);
  const evenWeights = Array.from({ length: kinds }, () => 1);
  return fc
    .record({
      // false (a swarm run) is where shrinking goes.
      plainRun: fc.boolean(),
      lead: options.atLeastOne ? fc.integer({ min: 0, max: kinds - 1 }) : fc.constant(-1),
      flags: fc.array(fc.boolean(), { minLength: kinds, maxLength: kinds }),
      weights: fc.array(fc.integer({ min: 1, max: SWARM_WEIGHTS }), { minLength: kinds, maxLength: kinds }),
    })
    .map(({ plainRun, lead, flags, weights }) =>
      plainRun ? { enabled: everyKind, weights: evenWeights } : { enabled: flags.map((on, i) => on || i === lead), weights },
    );
}

/** Named optional fault plans, mixed swarm-style in swarm mode, all together otherwise. */
export function swarm(kinds: Readonly<Record<string, fc.Arbitrary<FaultPlan>>>, options: SwarmOptions = {}): fc.Arbitrary<FaultPlan> {
  const plans = Object.values(kinds);
  if (!swarmMode()) return fc.tuple(...plans).map((drawn) => allOf(...drawn));
  return fc.tuple(swarmChoices(plans.length, options), fc.tuple(...plans)).map(([choice, drawn]) => swarmPlan(drawn, choice));
}
