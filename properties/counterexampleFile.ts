/**
 * Counterexamples on disk: written whole or not at all (write-file-atomic, through
 * reports/writeFileAtomically.ts), read back through the same validation as any other input.
 */
import { join } from 'node:path';
import { writeFileAtomically } from '../reports/writeFileAtomically.ts';
import { readInputDocument } from '../model/inputFile.ts';
import { type Counterexample, counterexampleFileName, parseCounterexample } from './counterexample.ts';

export function writeCounterexample(directory: string, counterexample: Counterexample): string {
  const file = join(directory, counterexampleFileName(counterexample));
  writeAtomically(file, `${JSON.stringify(counterexample, null, 2)}\n`);
  return file;
}

/** The one atomic write (kept under this name for its callers). */
export const writeAtomically = writeFileAtomically;

export function readCounterexample(file: string): Counterexample {
  return parseCounterexample(readInputDocument(file, 'a readable counterexample file'), file);
}
