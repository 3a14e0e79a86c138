// Type-checked against the installed package's .d.ts (never run): the public types resolve
// and are real — each @ts-expect-error below must find an error, or tsc fails.
import { type CampaignRun, type HealingView, type PropertyResult, type UserHealingPolicy, type Verdict, catalog, checkProperty, runCampaign, simulate, incidentScenario } from 'fabric-verify';

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

// A campaign over a property of your own beside the catalog's, and a module for the pool.
export const campaign: Promise<CampaignRun> = runCampaign({ name: 'mine', campaign: { properties: ['mine'] } }, { seed: 1, runs: 1, shard: null, properties: [{ ...catalog[0]!, id: 'mine' }], propertyModules: ['./myProperties.mjs'] });
export const inCallingThread: readonly string[] | undefined = (await campaign).inCallingThread;

// @ts-expect-error properties are definitions, not ids
runCampaign({ name: 'mine' }, { seed: 1, runs: 1, shard: null, properties: ['mine'] });
