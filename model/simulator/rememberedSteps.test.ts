/**
 * `simulate` steps the machines through their `transition` and remembers the steps of a fabric
 * it meets again; with `inspect` it runs live actors. All of them must write the same trace,
 * byte for byte: a fabric met the first time (nothing remembered), the second time (remembering
 * as it goes), the third (answered from memory), under another fault schedule of the same
 * fabric, and on live actors. The golden hash (goldenTraces.test.ts) was recorded on live actors.
 */
import { describe, expect, it } from 'vitest';
import { type AnyUserHealingPolicy, withHealingPolicies } from '../healingPolicies/registry.ts';
import type { Scenario } from '../scenario.ts';
import { incidentScenario } from '../scenarios/incident20090313.ts';
import { goldenScenarios } from './goldenCorpus.ts';
import { simulate } from './simulate.ts';
import { forgetStartedFabrics, startedFabricFor } from './startedFabrics.ts';

/** Starts the newest piece of work first, one at a time. */
const newestFirst: AnyUserHealingPolicy = {
  kind: 'newest-first',
  decide: (_params, view) => ({ start: view.inFlight.length === 0 && view.queue.length > 0 ? [view.queue.length - 1] : [], memory: null }),
};

const text = (run: () => unknown): string => {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return `error: ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`;
  }
};
const live = (scenario: Scenario) => text(() => simulate(scenario, { inspect: () => {} }));

// Every third scenario of the golden corpus (every fault kind and policy among them) and every incident.
const corpus = goldenScenarios().filter((s, i) => i % 3 === 0 || s.name.startsWith('incident'));

describe('remembered steps change nothing', () => {
  it.each(corpus.map((s) => [s.name, s] as const))('%s: first, second and third run and live actors write one trace', (_, scenario) => {
    forgetStartedFabrics();
    const expected = live(scenario);
    const runs = [1, 2, 3].map(() => text(() => simulate(scenario)));
    expect(runs).toEqual([expected, expected, expected]);
  });

  it('a remembered fabric under another fault schedule writes the live trace', () => {
    forgetStartedFabrics();
    const base = incidentScenario('parallel');
    const schedules = [base, { ...base, faults: base.faults.slice(0, 3) }, base, { ...base, faults: base.faults.slice(2) }, { ...base, faults: [] }];
    for (const scenario of schedules) expect(text(() => simulate(scenario))).toBe(live(scenario));
  });

  it('the third run of a fabric computes no step: every one is remembered', () => {
    forgetStartedFabrics();
    const scenario = incidentScenario('adaptive');
    simulate(scenario);
    simulate(scenario);
    const before = startedFabricFor(scenario).transitions.counts;
    const trace = simulate(scenario);
    const after = startedFabricFor(scenario).transitions.counts;
    expect(after.computed).toBe(before.computed);
    expect(after.remembered - before.remembered).toBe(trace.steps);
  });

  it('a fabric met once remembers nothing, and one under a policy of the user’s own is never kept', () => {
    forgetStartedFabrics();
    const scenario = incidentScenario('serial');
    simulate(scenario);
    expect(startedFabricFor(scenario).transitions.size).toBe(0);
    const custom = { ...scenario, policy: { ...scenario.policy, healing: { kind: 'newest-first' } } };
    withHealingPolicies([newestFirst], () => {
      expect(startedFabricFor(custom)).not.toBe(startedFabricFor(custom));
      expect(text(() => simulate(custom))).toBe(live(custom));
    });
  });
});
