/**
 * Which seeds of a range give one task an unexpected verdict, and the counterexample's story:
 * `npx tsx bench/seedsFind.ts PROPERTY[:VARIANT] FIRST LAST`
 */
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { campaignTasks } from '../properties/campaign.ts';
import { checkProperty } from '../properties/checkProperty.ts';

const [name = '', first = '1', last = first] = process.argv.slice(2);
const [id, variant] = name.split(':');
const task = campaignTasks(DEFAULT_CONFIG).find((t) => t.property.id === id && (t.variant?.label ?? undefined) === variant);
if (!task) throw new Error(`no task ${name}`);
for (let seed = Number(first); seed <= Number(last); seed++) {
  const result = checkProperty(task.property, { seed, ...(task.variant ? { variant: task.variant } : {}) });
  if (result.verdict === result.expected) continue;
  console.log(`seed ${seed}: ${result.verdict} after ${result.runs} runs`);
  if (result.counterexample) console.log(JSON.stringify({ violation: result.counterexample.violation, path: result.counterexample.path, scenario: result.counterexample.scenario }));
}
