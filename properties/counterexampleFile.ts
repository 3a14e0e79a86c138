/**
 * Counterexamples on disk: written whole or not at all (a temporary file renamed into place),
 * read back through the same validation as any other input.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../model/inputError.ts';
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, [{ path: '', expected: 'a readable counterexample file', received: code === 'ENOENT' ? 'no such file' : String(code ?? error) }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, [{ path: '', expected: 'valid JSON', received: (error as Error).message }]);
  }
  return parseCounterexample(json, file);
}
