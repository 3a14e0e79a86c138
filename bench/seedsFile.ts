/** Where the seed-robustness figures sit in a report folder, and reading them back. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_ROBUSTNESS_FORMAT, type SeedRobustness } from './seedsSummary.ts';

export const SEED_ROBUSTNESS_FILE = 'seed-robustness.json';

/** The folder's seed-robustness figures, or null if it has none (or an unreadable file, which the page then leaves out). */
export function readSeedRobustness(folder: string): SeedRobustness | null {
  const file = join(folder, SEED_ROBUSTNESS_FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as SeedRobustness;
    return parsed.format === SEED_ROBUSTNESS_FORMAT ? parsed : null;
  } catch {
    return null;
  }
}

