/**
 * For the seed-robustness tests: the whole catalog (every variant) on one seed at a short run
 * count, and what did not come out as expected — a `holds` may come back `inconclusive`
 * (undecided at the coverage cap), never `vacuous`, and no expected failure may be missed.
 */
import { DEFAULT_CONFIG } from './campaignConfig.ts';
import { campaignTasks } from './campaign.ts';
import { checkProperty } from './checkProperty.ts';

export function unexpectedVerdictsOnSeed(seed: number, runs: number): string[] {
  const wrong: string[] = [];
  for (const task of campaignTasks(DEFAULT_CONFIG)) {
    const result = checkProperty(task.property, { seed, runs, ...(task.variant ? { variant: task.variant } : {}) });
    const ok = result.verdict === result.expected || (result.expected === 'holds' && result.verdict === 'inconclusive');
    if (!ok) wrong.push(`${task.property.id}${task.variant ? ` (${task.variant.label})` : ''}: expected ${result.expected}, ${result.verdict} after ${result.runs} runs (replay: FV_SEED=${seed} FV_RUNS=${runs})`);
  }
  return wrong;
}
