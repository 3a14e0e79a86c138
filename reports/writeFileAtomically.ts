/**
 * Every output file is written whole or not at all (write-file-atomic: a temporary file in
 * the same folder, fsync'd, then renamed over the old one, and removed if anything fails), so
 * an interrupted or failed write never leaves a half-overwritten report or counterexample.
 * Its temporary names also differ between worker threads of one process, which a name made
 * of the process id alone did not.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic.sync(file, text, { encoding: 'utf8' });
}
