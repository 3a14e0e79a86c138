/**
 * A catalog property as fast-check runs it, rebuilt from the same parts checkProperty uses
 * (the definition's arbitrary under a variant's policy, simulate, violationOf), for
 * measurements checkProperty does not expose: every run to the end, and the moment of the
 * first failure.
 */
import fc from 'fast-check';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { violationOf } from '../properties/checkProperty.ts';
import type { PropertyDefinition, PropertyVariant } from '../properties/propertyDefinition.ts';

export function scenariosOf(definition: PropertyDefinition, variant: PropertyVariant | null): fc.Arbitrary<Scenario> {
  const scenarios = definition.scenarios(variant?.policy);
  return variant?.adjust ? scenarios.map(variant.adjust) : scenarios;
}

/** One run's work as checkProperty does it: simulate, count must-see situations, measure, check. */
export function runOnce(definition: PropertyDefinition, scenario: Scenario): boolean {
  const trace = simulate(scenario);
  for (const situation of definition.mustSee) situation.reached(scenario, trace);
  definition.measure?.(scenario, trace);
  return violationOf(definition, scenario, trace) === null;
}

export interface AllRuns {
  readonly runs: number;
  readonly failing: number;
  readonly servers: readonly number[];
}

/** Every run generated, simulated and checked; a failing run is counted, not shrunk, and the runs go on. */
export function checkAllRuns(definition: PropertyDefinition, variant: PropertyVariant | null, seed: number, runs: number): AllRuns {
  let performed = 0;
  let failing = 0;
  const servers: number[] = [];
  const property = fc.property(scenariosOf(definition, variant), (scenario) => {
    performed++;
    servers.push(scenario.topology.servers.length);
    if (!runOnce(definition, scenario)) failing++;
    return true;
  });
  fc.assert(property, { seed, numRuns: runs });
  return { runs: performed, failing, servers };
}
