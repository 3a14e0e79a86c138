/**
 * One exploration: a fabric under one policy, the faults it may suffer, the hypothesis that
 * restricts their combinations, the bound, and the properties checked on every run of it.
 * Properties that share all of these share one exploration.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { Expectation, PropertyDefinition, PropertyVariant } from '../../properties/propertyDefinition.ts';
import type { ExplorationBound } from './explorationBound.ts';
import type { FaultChoice } from './faultChoice.ts';
import type { ScheduleRestriction } from './restriction.ts';

/**
 * `stretch`: the check's verdict is decided by what happens between two choice points given
 * the composed state at the first (a safety property of states and transitions), and it
 * reports a violation at an entry of the stretch (a state change, a delivery), never from the
 * start states alone; so equal states may merge, each stretch is checked on its own, and a
 * stretch in which nothing happened needs no check. `whole-run`: the check reads the run's
 * history (when an instance was lost, what the controller was told earlier), so every
 * schedule is run and checked whole, without merging.
 */
export type CheckScope = 'stretch' | 'whole-run';

export interface ExploredProperty {
  readonly definition: PropertyDefinition;
  readonly variant: PropertyVariant | null;
  readonly expected: Expectation;
  readonly scope: CheckScope;
}

export interface ExplorationSpace {
  /** For reports: the policy and faults, in a few words. */
  readonly label: string;
  /** The fabric, policy and timings; `faults` empty, `horizonS` the end of every run. */
  readonly scenario: Scenario;
  readonly alphabet: readonly FaultChoice[];
  readonly restriction: ScheduleRestriction | null;
  readonly bound: ExplorationBound;
  readonly scope: CheckScope;
  readonly properties: readonly ExploredProperty[];
}
