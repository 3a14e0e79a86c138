// Type-checked against the installed package's .d.ts (never run): the public types resolve
// and are real — each @ts-expect-error below must find an error, or tsc fails.
import { type HealingView, type PropertyResult, type UserHealingPolicy, type Verdict, catalog, checkProperty, simulate, incidentScenario } from 'fabric-verify';

const first: UserHealingPolicy<{ kind: 'first' }, null> = {
  kind: 'first',
  decide: (_params, view: HealingView) => ({ start: view.queue.length > 0 ? [0] : [], memory: null }),
};

const result: PropertyResult = checkProperty(catalog[0]!, { seed: 1, runs: 1, healingPolicies: [first] });
export const verdict: Verdict = result.verdict;
export const steps: number = simulate(incidentScenario(), { healingPolicies: [first] }).steps;

// @ts-expect-error a verdict is a word, not a number
export const wrong: number = result.verdict;

// @ts-expect-error runs is a number
checkProperty(catalog[0]!, { seed: 1, runs: 'many' });

// @ts-expect-error a policy needs its decision function
export const undecided: UserHealingPolicy = { kind: 'undecided' };
