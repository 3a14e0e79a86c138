/**
 * Per-run rates behind seed robustness: for every campaign task, the share of generated runs
 * that break the property and the share that reach each must-see situation, over many draws.
 * A `fails` property missed on a seed means its per-run failure rate p gave (1 − p)^runs a
 * real chance; a must-see too close to its bar makes its verdict seed-dependent.
 *
 *   npx tsx bench/seedsRates.ts [--samples N] [--property ID ...]
 */
import fc from 'fast-check';
import { simulate } from '../model/simulator/simulate.ts';
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { campaignTasks } from '../properties/campaign.ts';
import { scenariosFor, violationOf } from '../properties/checkProperty.ts';

const args = process.argv.slice(2);
const samples = Number(args[args.indexOf('--samples') + 1] ?? 300) || 300;
const only = args.flatMap((a, i) => (args[i - 1] === '--property' ? [a] : []));

for (const task of campaignTasks(DEFAULT_CONFIG)) {
  if (only.length > 0 && !only.includes(task.property.id)) continue;
  const expected = task.variant?.expectation ?? task.property.expectation;
  const scenarios = fc.sample(scenariosFor(task.property, task.variant ?? undefined, false), { seed: 7, numRuns: samples });
  let failures = 0;
  const reached = task.property.mustSee.map(() => 0);
  for (const scenario of scenarios) {
    const trace = simulate(scenario);
    if (violationOf(task.property, scenario, trace) !== null) failures++;
    task.property.mustSee.forEach((m, i) => {
      if (m.reached(scenario, trace)) reached[i]!++;
    });
  }
  const p = failures / samples;
  const runs = task.property.runs ?? 100;
  const miss = expected === 'fails' ? ` P(miss in ${runs})=${Math.pow(1 - p, runs).toExponential(1)}` : '';
  const seen = task.property.mustSee.map((m, i) => `${m.id} ${(reached[i]! / samples).toFixed(2)}/${m.minShare}`).join(', ');
  console.log(`${task.property.id}${task.variant ? ` (${task.variant.label})` : ''} [${expected}] fail ${p.toFixed(3)}${miss}${seen ? ` | ${seen}` : ''}`);
}
