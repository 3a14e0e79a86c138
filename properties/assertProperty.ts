/**
 * For a property written as a test in a user's own suite (with @fast-check/vitest or
 * fc.assert): simulate the scenario, check the property, and on a violation throw an error
 * whose message is the whole story — what broke, the fault schedule in words and the
 * timeline — so the test runner's failure message reads like a counterexample report.
 */
import { simulate } from '../model/simulator/simulate.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { counterexampleText } from '../reports/counterexampleText.ts';
import { violationOf } from './checkProperty.ts';
import { COUNTEREXAMPLE_FORMAT } from './counterexample.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';

export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
}

export function assertProperty(definition: PropertyDefinition, scenario: Scenario): Trace {
  const trace = simulate(scenario);
  const violation = violationOf(definition, scenario, trace);
  if (violation) {
    const story = counterexampleText({ format: COUNTEREXAMPLE_FORMAT, propertyId: definition.id, variant: null, seed: 0, path: '', shrinks: 0, violation, scenario }, trace, { maxLines: 40 });
    throw new PropertyViolation(story.replace(/\nReproduce:[\s\S]*?\n\n/, '\n\n'));
  }
  return trace;
}
