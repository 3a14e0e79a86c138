/**
 * Writes JSON so a reader never sees half a file (write-file-atomic, through the project's
 * one atomic write: reports/writeFileAtomically.ts).
 */
import { writeFileAtomically } from '../reports/writeFileAtomically.ts';

export function writeJsonAtomically(file: string, value: unknown): void {
  writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}
