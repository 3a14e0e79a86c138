/**
 * The regression database: every counterexample `check` finds, one JSON file each (the same
 * format as the report's counterexamples, so `fabric-verify replay` reads them), named by the
 * hash of what it is — property, variant and scenario. Storing is idempotent, and the folder
 * can be committed so that CI replays yesterday's failures before it generates anything new.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, describeIssue } from '../../model/inputError.ts';
import type { Counterexample } from '../counterexample.ts';
import { readCounterexample, writeAtomically } from '../counterexampleFile.ts';
import { canonicalJson } from './canonicalJson.ts';

/** Relative to the working directory; git-ignored, and fine to commit. */
export const DEFAULT_REGRESSIONS = '.fabric-verify/counterexamples';

export type Identity = Pick<Counterexample, 'propertyId' | 'variant' | 'scenario'>;

/** SHA-256 of the canonical JSON of the property id, the variant and the scenario. */
export function contentAddress({ propertyId, variant, scenario }: Identity): string {
  return createHash('sha256').update(canonicalJson({ propertyId, variant, scenario })).digest('hex');
}

export function regressionFileName(counterexample: Identity): string {
  return `${contentAddress(counterexample)}.json`;
}

/** Stores a counterexample unless the database holds it already (the first one found stays); returns its file. */
export function storeRegression(folder: string, counterexample: Counterexample): string {
  const file = join(folder, regressionFileName(counterexample));
  if (!existsSync(file)) writeAtomically(file, `${JSON.stringify(counterexample, null, 2)}\n`);
  return file;
}

export interface StoredRegression {
  readonly file: string;
  readonly counterexample: Counterexample;
}

export interface SkippedRegression {
  readonly file: string;
  readonly reason: string;
}

export interface RegressionDatabase {
  /** In file-name order. */
  readonly entries: readonly StoredRegression[];
  readonly skipped: readonly SkippedRegression[];
}

/**
 * Every stored counterexample; a file that does not parse is skipped with the reason, never
 * fatal. A path that is not a folder is bad input (InputError), found before any run.
 */
export function readRegressions(folder: string): RegressionDatabase {
  if (!existsSync(folder)) return { entries: [], skipped: [] };
  if (!statSync(folder).isDirectory()) throw new InputError(folder, [{ path: 'regressions', expected: 'a folder (the regression database)', received: 'a file' }]);
  const entries: StoredRegression[] = [];
  const skipped: SkippedRegression[] = [];
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of names) {
    const file = join(folder, name);
    try {
      entries.push({ file, counterexample: readCounterexample(file) });
    } catch (error) {
      skipped.push({ file, reason: `does not parse: ${reasonOf(error)}` });
    }
  }
  return { entries, skipped };
}

function reasonOf(error: unknown): string {
  if (error instanceof InputError) return error.issues.map(describeIssue).join('; ');
  return error instanceof Error ? error.message : String(error);
}
