/**
 * One seed of the catalog in this thread, task by task: verdict, runs drawn (the must-see
 * judgement may draw more than asked) and time. `npx tsx bench/seedsOne.ts SEED [RUNS]`
 */
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { campaignTasks } from '../properties/campaign.ts';
import { checkProperty } from '../properties/checkProperty.ts';

const seed = Number(process.argv[2] ?? 1);
const runs = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
for (const task of campaignTasks(DEFAULT_CONFIG)) {
  const result = checkProperty(task.property, { seed, ...(runs ? { runs } : {}), ...(task.variant ? { variant: task.variant } : {}) });
  const judged = result.mustSee.map((m) => `${m.id} ${m.reached}/${result.runs} ${m.judgement}`).join(', ');
  console.log(`${task.property.id}${task.variant ? ` (${task.variant.label})` : ''}: ${result.verdict} (expected ${result.expected}) ${result.runs} runs ${result.durationMs} ms${judged ? ` | ${judged}` : ''}`);
}
