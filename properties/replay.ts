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
import type { PropertyDefinition, Violation } from './propertyDefinition.ts';
import { EVICTION_RATE_PROPERTY_ID, replayedEvictionRateProperty } from '../kubernetes/evictionRateLimited.ts';
import { PDB_PROPERTY_ID, replayedPdbProperty } from '../kubernetes/pdbRespected.ts';

export interface Replay {
  readonly trace: Trace;
  /** What the property says of the replayed trace now (null: it no longer fails). */
  readonly violation: Violation | null;
  /** The violation is the one recorded in the file, to the letter. */
  readonly reproduced: boolean;
}

/**
 * The property a counterexample breaks: the catalog's, or one a cluster built whose file
 * carries what it judges by (pdb-respected and its budgets, eviction-rate-limited and its zones). Null when neither.
 */
export function replayedProperty(counterexample: Counterexample, source = 'counterexample'): Pick<PropertyDefinition, 'id' | 'check'> | null {
  if (counterexample.propertyId === PDB_PROPERTY_ID) {
    if (counterexample.budgets === undefined) throw new InputError(source, [{ path: 'budgets', expected: `the PodDisruptionBudget floors ${PDB_PROPERTY_ID} judges by (written by check --cluster)`, received: 'nothing' }]);
    return replayedPdbProperty(counterexample.budgets);
  }
  if (counterexample.propertyId === EVICTION_RATE_PROPERTY_ID) {
    if (counterexample.zones === undefined) throw new InputError(source, [{ path: 'zones', expected: `the node lifecycle rules and zone names ${EVICTION_RATE_PROPERTY_ID} judges by (written by check --cluster)`, received: 'nothing' }]);
    return replayedEvictionRateProperty(counterexample.zones);
  }
  return propertyById(counterexample.propertyId) ?? null;
}

export function replayCounterexample(counterexample: Counterexample, source = 'counterexample'): Replay {
  const property = replayedProperty(counterexample, source);
  if (!property) throw new InputError(source, [{ path: 'propertyId', expected: 'the id of a catalog property', received: JSON.stringify(counterexample.propertyId) }]);
  const trace = simulate(counterexample.scenario);
  const violation = violationOf(property, counterexample.scenario, trace);
  return { trace, violation, reproduced: violation !== null && JSON.stringify(violation) === JSON.stringify(counterexample.violation) };
}
