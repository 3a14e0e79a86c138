/**
 * Which campaign tasks take one machine transition, and in what share of their runs (a sample
 * of plain schedules): where a coverage gap on some seeds comes from.
 *
 *   npx tsx bench/seedsReach.ts "<transition key>" [samples]
 */
import fc from 'fast-check';
import { simulate } from '../model/simulator/simulate.ts';
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { allMachines, campaignTasks } from '../properties/campaign.ts';
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { scenariosFor } from '../properties/checkProperty.ts';
const KEY = process.argv[2] ?? '';
const n = Number(process.argv[3] ?? 100);
for (const task of campaignTasks(DEFAULT_CONFIG)) {
  const scenarios = fc.sample(scenariosFor(task.property, task.variant ?? undefined, false), { seed: 5, numRuns: n });
  let hits = 0;
  for (const s of scenarios) {
    const rec = new CoverageRecorder(allMachines());
    simulate(s, { inspect: rec.inspect });
    if (rec.raw().some((m) => m.transitionsTaken.includes(KEY))) hits++;
  }
  if (hits) console.log(task.property.id, task.variant?.label ?? '', hits / n);
}
