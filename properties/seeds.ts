/**
 * Seeds and run counts for the catalog. Fixed by default so every run is reproducible;
 * FV_SEED and FV_RUNS override them, and FV_FRESH=1 draws a fresh seed for exploration
 * (printed, so whatever it finds can be replayed). FV_SWARM=0 turns swarm schedules off.
 */
export const DEFAULT_SEED = 20_090_313;

/**
 * Plain schedules by default: swarm schedules (properties/arbitraries/swarm.ts) do not find the
 * catalog's expected failures faster (`npm run swarm-eval`, README "Swarm schedules").
 */
export const DEFAULT_SWARM = false;

export interface SeedChoice {
  readonly seed: number;
  readonly fresh: boolean;
}

export function chooseSeed(env: NodeJS.ProcessEnv = process.env): SeedChoice {
  if (env['FV_FRESH'] === '1') return { seed: Math.floor(Math.random() * 2 ** 31), fresh: true };
  const given = env['FV_SEED'];
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`FV_SEED: expected an integer, found ${JSON.stringify(given)}`);
    return { seed, fresh: false };
  }
  return { seed: DEFAULT_SEED, fresh: false };
}

export function chooseRuns(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): number {
  const given = env['FV_RUNS'];
  if (given === undefined || given === '') return defaultRuns;
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FV_RUNS: expected a whole number of runs ≥ 1, found ${JSON.stringify(given)}`);
  return runs;
}

/** FV_PATH replays one shrunk case (with its FV_SEED) instead of a whole run. */
export function choosePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['FV_PATH'];
  return given === undefined || given === '' ? undefined : given;
}

/** FV_SWARM=0 draws plain fault schedules, FV_SWARM=1 swarm ones; a seed replays only in the mode it ran in. */
export function chooseSwarm(env: NodeJS.ProcessEnv = process.env): boolean {
  const given = env['FV_SWARM'];
  if (given === undefined || given === '') return DEFAULT_SWARM;
  if (given === '0' || given === 'false' || given === 'off') return false;
  if (given === '1' || given === 'true' || given === 'on') return true;
  throw new Error(`FV_SWARM: expected 0 or 1, found ${JSON.stringify(given)}`);
}
