/**
 * Writing the report folder whole or not at all: everything goes to a fresh sibling folder,
 * which then replaces the old one by rename. An interrupted or failed write leaves the
 * previous report as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type ReportFiles = ReadonlyMap<string, string>;

export function replaceReportFolder(out: string, files: ReportFiles, keep: readonly string[] = []): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.writing-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [name, text] of files) {
    const file = join(staging, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // Outputs of other commands that live in the same folder (code coverage, benchmarks) move over.
  for (const name of keep) {
    if (existsSync(join(target, name)) && !files.has(name)) renameSync(join(target, name), join(staging, name));
  }
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
