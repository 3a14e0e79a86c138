/**
 * Parsing command-line values into what the campaign needs, with errors that name the flag,
 * say what was expected and, for a mistyped name, what was probably meant.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { InputError } from '../model/inputError.ts';
import type { Shard } from '../properties/campaign.ts';
import { catalog } from '../properties/catalog/index.ts';
import { didYouMean } from '../model/didYouMean.ts';
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

/**
 * `--property A B`, `--property A,B` and `--property A --property B` all name A and B (the
 * option is variadic and repeatable; commander hands each word to this parser in turn).
 */
export function propertyIds(value: string, previous: string[] = []): string[] {
  const named = propertyIdList(value, previous);
  knownPropertyIds(named, catalog.map((p) => p.id), 'a catalog property id');
  return named;
}

/** `--property` ids as written (A B, A,B, or repeated), checked later against what is known (check's own properties too). */
export function propertyIdList(value: string, previous: string[] = []): string[] {
  const named = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (named.length === 0) throw new InvalidArgumentError(`--property: expected a catalog property id, found ${JSON.stringify(value)}`);
  return [...new Set([...previous, ...named])];
}

/** Every named id is one of `ids`; else the first that is not, with a did-you-mean (or the list). */
export function knownPropertyIds(named: readonly string[], ids: readonly string[], expected: string): void {
  for (const id of named) {
    if (!ids.includes(id)) {
      const hint = didYouMean(id, ids);
      throw new InvalidArgumentError(`--property: expected ${expected}, found ${JSON.stringify(id)}${hint || ` (the ids: ${ids.join(', ')})`}`);
    }
  }
}

/** One of a fixed list of words, e.g. a healing policy. */
export function oneOf<T extends string>(flag: string, choices: readonly T[]) {
  return (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${flag}: expected one of ${choices.join(', ')}, found ${JSON.stringify(value)}${didYouMean(value, choices)}`);
  };
}

/** A file to write (`--junit`, `--sarif`): a path, not an existing folder, in a folder that can be made. */
export function outputFile(flag: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(`${flag}: expected a file path, found ""`);
    if (existsSync(value) && statSync(value).isDirectory()) throw new InvalidArgumentError(`${flag}: expected a file path, found the folder ${JSON.stringify(value)}`);
    expectFolderCanBeMade(flag, dirname(resolve(value)));
    return value;
  };
}

/** A folder to write (`--out`): an existing folder, or one that can be made; checked before any run, so no work is lost to a bad path. */
export function outputFolder(flag: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(`${flag}: expected a folder path, found ""`);
    expectFolderCanBeMade(flag, resolve(value));
    return value;
  };
}

/** The nearest existing ancestor must be a folder we may write in. */
function expectFolderCanBeMade(flag: string, folder: string): void {
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) throw new InvalidArgumentError(`${flag}: expected a folder that can be written, found the file ${JSON.stringify(existing)} in the way`);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new InvalidArgumentError(`${flag}: expected a folder that can be written, found ${JSON.stringify(existing)} read-only`);
  }
}

/** `--compare serial,parallel` (or repeated): two or more distinct words of a fixed list, in the order given. */
export function listOf<T extends string>(flag: string, choices: readonly T[]) {
  const one = oneOf(flag, choices);
  return (value: string, previous: T[] = []): T[] => {
    const named = value.split(',').map((word) => word.trim()).filter((word) => word !== '');
    if (named.length === 0) throw new InvalidArgumentError(`${flag}: expected a comma-separated list of ${choices.join(', ')}, found ${JSON.stringify(value)}`);
    return [...new Set([...previous, ...named.map(one)])];
  };
}
