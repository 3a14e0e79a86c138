/**
 * Parsing command-line values into what the campaign needs, with errors that name the flag.
 */
import { InvalidArgumentError } from 'commander';
import { InputError } from '../model/inputError.ts';
import type { Shard } from '../properties/campaign.ts';
import { catalog } from '../properties/catalog/index.ts';
import { DEFAULT_RUNS } from '../properties/checkProperty.ts';

export function wholeNumber(flag: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${flag}: expected a whole number ≥ ${min}, found ${JSON.stringify(value)}`);
    return n;
  };
}

export function seedValue(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n >= 2 ** 31) throw new InvalidArgumentError(`--seed: expected a whole number in [0, 2^31), found ${JSON.stringify(value)}`);
  return n;
}

/** `--coverage-cap` bounds the runs a must-see judgement may add: below the runs it could not even allow them. */
export function coverageCapAtLeastRuns(cap: number | undefined, runs: number | null): void {
  if (cap === undefined) return;
  const least = runs ?? DEFAULT_RUNS;
  if (cap < least) throw new InputError('check', [{ path: '--coverage-cap', expected: `a whole number ≥ the runs per property (${least}${runs === null ? ', the default' : ''})`, received: String(cap) }]);
}

export function shardValue(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`--shard: expected I/N with 1 ≤ I ≤ N (e.g. 2/4), found ${JSON.stringify(value)}`);
  return { index, count };
}

export function propertyIds(value: string, previous: string[] = []): string[] {
  if (!catalog.some((p) => p.id === value)) {
    throw new InvalidArgumentError(`--property: expected a catalog property id (${catalog.map((p) => p.id).join(', ')}), found ${JSON.stringify(value)}`);
  }
  return [...previous, value];
}
