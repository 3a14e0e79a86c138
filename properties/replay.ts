/**
 * Replaying a counterexample: simulate its scenario again and re-check its property. The
 * scenario alone determines the trace, so a replay is exact.
 */
import { InputError } from '../model/inputError.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { propertyById } from './catalog/index.ts';
import { violationOf } from './checkProperty.ts';
import type { Counterexample } from './counterexample.ts';
import type { Violation } from './propertyDefinition.ts';

export interface Replay {
  readonly trace: Trace;
  /** What the property says of the replayed trace now (null: it no longer fails). */
  readonly violation: Violation | null;
  /** The violation is the one recorded in the file, to the letter. */
  readonly reproduced: boolean;
}

export function replayCounterexample(counterexample: Counterexample, source = 'counterexample'): Replay {
  const property = propertyById(counterexample.propertyId);
  if (!property) throw new InputError(source, [{ path: 'propertyId', expected: 'the id of a catalog property', received: JSON.stringify(counterexample.propertyId) }]);
  const trace = simulate(counterexample.scenario);
  const violation = violationOf(property, counterexample.scenario, trace);
  return { trace, violation, reproduced: violation !== null && JSON.stringify(violation) === JSON.stringify(counterexample.violation) };
}
