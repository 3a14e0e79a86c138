/**
 * A finding of the search as a counterexample file, in the format random testing writes
 * (`fabric-verify replay` and the HTML report read it unchanged): the scenario with the
 * shortest schedule, `seed` 0 and an empty `path` (nothing to replay with fast-check), and
 * the bound it was found in. The schedule is simulated again with `simulate` and checked with
 * the catalog's check on the whole trace: the file records what a replay will see, and a
 * finding the simulator does not confirm is a bug of the explorer, reported as such.
 */
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { violationOf, type Minimality } from '../properties/checkProperty.ts';
import { COUNTEREXAMPLE_FORMAT, type Counterexample } from '../properties/counterexample.ts';
import type { Finding } from './search/breadthFirst.ts';
import type { ExplorationSpace, ExploredProperty } from './space/explorationSpace.ts';

export class ExplorerInconsistencyError extends Error {}

export interface ExhaustiveCounterexample {
  readonly counterexample: Counterexample;
  readonly trace: Trace;
  readonly minimality: Minimality | null;
}

export function exhaustiveCounterexample(space: ExplorationSpace, property: ExploredProperty, finding: Finding): ExhaustiveCounterexample {
  const scenario = { ...space.scenario, faults: [...finding.faults] };
  const trace = simulate(scenario);
  const violation = violationOf(property.definition, scenario, trace);
  const name = `${property.definition.id}${property.variant ? ` (${property.variant.label})` : ''}`;
  if (violation === null) {
    throw new ExplorerInconsistencyError(`${name}: the explorer saw "${finding.violation.seen}" at ${finding.violation.atS}s, but simulate() of the same schedule does not break the property`);
  }
  const counterexample: Counterexample = {
    format: COUNTEREXAMPLE_FORMAT,
    propertyId: property.definition.id,
    variant: property.variant?.label ?? null,
    seed: 0,
    path: '',
    shrinks: 0,
    violation,
    scenario,
    exhaustive: { ...space.bound, depth: finding.depth },
  };
  const story = property.variant ? property.variant.expectedCounterexample : property.definition.expectedCounterexample;
  let minimality: Minimality | null = null;
  if (story) {
    const detail = story.notMinimal(scenario, trace);
    minimality = { expected: story.description, minimal: detail === null, detail };
  }
  return { counterexample, trace, minimality };
}
