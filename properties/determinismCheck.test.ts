import { describe, expect, it } from 'vitest';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { propertyById } from './catalog/index.ts';
import { checkProperty } from './checkProperty.ts';
import { NondeterminismError, RECHECK_EVERY, firstDifference, recheckDeterminism } from './determinismCheck.ts';

describe('re-running a share of the simulations (FoundationDB)', () => {
  const scenario = incidentScenario('serial');
  const trace = simulate(scenario);

  it('finds the incident identical when simulated again', () => {
    expect(firstDifference(trace, simulate(scenario))).toBeNull();
    expect(() => recheckDeterminism(scenario, trace)).not.toThrow();
  });

  it('names the first trace entry where a second simulation tells another story', () => {
    const drifted = (): Trace => ({ ...trace, entries: trace.entries.map((e, i) => (i === 7 ? { ...e, t: e.t + 1 } : e)) });
    expect(() => recheckDeterminism(scenario, trace, drifted)).toThrow(NondeterminismError);
    expect(() => recheckDeterminism(scenario, trace, drifted)).toThrow(/scenario "incident-2009-03-13" simulated twice differs at trace entry 7: /);
  });

  it('notices a story that only ends differently, or ends early', () => {
    expect(firstDifference(trace, { ...trace, endS: trace.endS + 60 })).toBe(`endS: ${trace.endS} the first time, ${trace.endS + 60} the second`);
    expect(firstDifference(trace, { ...trace, entries: trace.entries.slice(0, -1) })).toMatch(new RegExp(`^trace entry ${trace.entries.length - 1}: .* the first time, null the second$`));
  });

  it('checkProperty simulates the first run and one in every RECHECK_EVERY again, and reports how many', () => {
    const result = checkProperty(propertyById('multi-instance-never-fully-down')!, { seed: 20090313, runs: 2 * RECHECK_EVERY + 1 });
    expect(result.verdict).toBe('holds');
    expect(result.determinismRechecks).toBe(3);
  });
});
