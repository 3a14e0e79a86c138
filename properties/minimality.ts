/**
 * Generic minimality: a shrunk schedule is 1-minimal when dropping any single fault makes the
 * property hold again — every fault in it is part of the story.
 */
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import type { Violation } from './propertyDefinition.ts';

export function firstUnneededFault(scenario: Scenario, check: (scenario: Scenario, trace: Trace) => Violation | null): string | null {
  for (let i = 0; i < scenario.faults.length; i++) {
    const without = { ...scenario, faults: scenario.faults.filter((_, j) => j !== i) };
    if (check(without, simulate(without)) !== null) return `fault ${i} (${scenario.faults[i]!.kind} at ${scenario.faults[i]!.atS}s) can be dropped and the property still breaks`;
  }
  return null;
}
