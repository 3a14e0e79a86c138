/**
 * Counterexamples on disk: written whole or not at all (a temporary file renamed into place),
 * read back through the same validation as any other input.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readInputDocument } from '../model/inputFile.ts';
import { type Counterexample, counterexampleFileName, parseCounterexample } from './counterexample.ts';

export function writeCounterexample(directory: string, counterexample: Counterexample): string {
  const file = join(directory, counterexampleFileName(counterexample));
  writeAtomically(file, `${JSON.stringify(counterexample, null, 2)}\n`);
  return file;
}

export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

export function readCounterexample(file: string): Counterexample {
  return parseCounterexample(readInputDocument(file, 'a readable counterexample file'), file);
}
