import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTimeOrder, type Fault } from '../../model/faultSchedule.ts';
import type { HealingPolicyKind } from '../../model/policy.ts';
import type { Scenario } from '../../model/scenario.ts';
import { incidentScenario } from '../../model/scenarios/incident20090313.ts';
import { simulate } from '../../model/simulator/simulate.ts';
import type { Trace, TraceEntry } from '../../model/simulator/trace.ts';
import { catalog } from '../../properties/catalog/index.ts';
import { advance } from './advance.ts';
import { buildFabricModel } from './fabricModel.ts';
import { inject } from './inject.ts';
import { finishRun, runOnEngine } from './wholeRun.ts';

const text = (trace: Trace) => JSON.stringify(trace);

describe('the explorer engine runs a scenario exactly as simulate does', () => {
  it.each(['as it happened', 'serial', 'parallel', 'adaptive', 'kubernetes'])('the incident (%s): the same trace, byte for byte', (policy) => {
    const scenario = incidentScenario(policy === 'as it happened' ? undefined : (policy as HealingPolicyKind));
    expect(text(runOnEngine(scenario))).toBe(text(simulate(scenario)));
  });

  // Two scenarios of every catalog property and variant: every fault kind, policy, gate and fencing.
  const samples = catalog.flatMap((property) =>
    [undefined, ...(property.variants ?? [])].flatMap((variant) => {
      const scenarios = fc.sample(property.scenarios(variant?.policy), { numRuns: 2, seed: 7 });
      return scenarios.map((s, i): [string, Scenario] => [`${property.id}${variant ? ` (${variant.label})` : ''} #${i}`, variant?.adjust ? variant.adjust(s) : s]);
    }),
  );

  it.each(samples)('%s: the same trace, byte for byte', (_, scenario) => {
    expect(text(runOnEngine(scenario))).toBe(text(simulate(scenario)));
  });

  it('one model serves many schedules: its remembered steps change nothing', () => {
    const base = incidentScenario('parallel');
    const model = buildFabricModel(base);
    for (const scenario of [base, { ...base, faults: base.faults.slice(0, 3) }, base]) {
      expect(text(runOnEngine(scenario, model))).toBe(text(simulate(scenario)));
    }
    expect(model.transitions.counts.remembered).toBeGreaterThan(0);
  });
});

describe('a run resumed in stretches is the run in one go', () => {
  /** Advance to each grid point, injecting each fault only when the run has reached its time. */
  function inStretches(scenario: Scenario, gridS: number): Trace {
    const model = buildFabricModel(scenario);
    let state = model.initial;
    const entries: TraceEntry[] = [...model.initialEntries];
    const pending = inTimeOrder(scenario.faults);
    const lastS = Math.max(0, ...pending.map((f) => f.atS));
    for (let t = 0; t <= lastS; t += gridS) {
      const due: Fault[] = [];
      while (pending.length > 0 && pending[0]!.atS < t + gridS) due.push(pending.shift()!);
      // Faults due inside the stretch enter at its start, queued for their own time.
      state = inject(model, state, due);
      const stretch = advance(model, state, { untilS: t + gridS, throughHorizon: false, stepLimit: Number.POSITIVE_INFINITY });
      entries.push(...stretch.entries);
      state = stretch.state;
    }
    return finishRun(model, state, entries, scenario.horizonS);
  }

  const property = catalog.find((p) => p.id === 'capacity-and-spread-respected')!;
  const scenarios = fc.sample(property.scenarios(), { numRuns: 6, seed: 11 });

  it.each(scenarios.map((s, i) => [i, s] as const))('mixed faults #%s, stretches of 300 s', (_, scenario) => {
    expect(text(inStretches(scenario, 300))).toBe(text(simulate(scenario)));
  });

  it('a stretch that ends between two events leaves the later one pending', () => {
    const scenario = incidentScenario('serial');
    const model = buildFabricModel(scenario);
    const start = inject(model, model.initial, inTimeOrder(scenario.faults));
    const first = advance(model, start, { untilS: 1000, throughHorizon: false, stepLimit: Number.POSITIVE_INFINITY });
    expect(first.end).toBeNull();
    expect(first.state.nowS).toBe(1000);
    expect(first.state.pending.every((p) => p.atS >= 1000)).toBe(true);
    expect(first.entries.every((e) => e.t < 1000)).toBe(true);
  });
});

describe('time shifts', () => {
  // Merging states met at different times needs a fabric that behaves the same whenever a story starts.
  const shifted = (scenario: Scenario, byS: number): Scenario => ({ ...scenario, faults: scenario.faults.map((f) => ({ ...f, atS: f.atS + byS })), horizonS: scenario.horizonS + byS });
  const property = catalog.find((p) => p.id === 'recovery-eventually-completes')!;

  it.each(['serial', 'parallel', 'adaptive', 'kubernetes'] as const)('under %s healing, a story told 900 s later is the same story, 900 s later', (kind) => {
    const scenarios = fc.sample(property.scenarios(), { numRuns: 4, seed: 5 }).map((s) => ({ ...s, policy: { ...s.policy, healing: incidentScenario(kind).policy.healing } }));
    for (const scenario of scenarios) {
      const early = simulate(scenario).entries.map((e) => ({ ...e, t: e.t + 900 }));
      const late = simulate(shifted(scenario, 900)).entries;
      expect(JSON.stringify(late)).toBe(JSON.stringify(early));
    }
  });
});
