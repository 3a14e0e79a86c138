/**
 * Writing the report folder whole or not at all: everything goes to a fresh sibling folder,
 * which then replaces the old one by rename. An interrupted or failed write leaves the
 * previous report as it was.
 *
 * A report clears only what a report wrote: the folder keeps a list of the files its last
 * report wrote (REPORT_FILES), and every other file in it (a `replay --html` page beside a
 * counterexample, code coverage, benchmarks) moves over to the new report. A folder without
 * the list (written before it existed) keeps only `keep`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type ReportFiles = ReadonlyMap<string, string>;

/** The files the last report wrote, relative to the folder, one a line. */
export const REPORT_FILES = '.report-files';

function writtenBefore(target: string): Set<string> | null {
  const list = join(target, REPORT_FILES);
  if (!existsSync(list)) return null;
  return new Set(readFileSync(list, 'utf8').split('\n').filter((line) => line !== ''));
}

/**
 * Moves from `from` to `to` every entry that neither the last report (`written`) nor this one
 * (`files`) names: a folder holding none of theirs moves whole, else entry by entry.
 */
function carryOver(from: string, to: string, prefix: string, written: ReadonlySet<string>, files: ReportFiles): void {
  for (const entry of readdirSync(join(from, prefix), { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      const inside = `${name}/`;
      const ours = [...written, ...files.keys()].some((file) => file.startsWith(inside));
      if (ours) carryOver(from, to, inside, written, files);
      else moveInto(from, to, name);
    } else if (!written.has(name) && !files.has(name) && name !== REPORT_FILES) {
      moveInto(from, to, name);
    }
  }
}

function moveInto(from: string, to: string, name: string): void {
  mkdirSync(dirname(join(to, name)), { recursive: true });
  renameSync(join(from, name), join(to, name));
}

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
  writeFileSync(join(staging, REPORT_FILES), `${[...files.keys()].sort().join('\n')}\n`);
  if (existsSync(target)) {
    const written = writtenBefore(target);
    if (written !== null) carryOver(target, staging, '', written, files);
    else {
      // Outputs of other commands that live in the same folder (code coverage, benchmarks) move over.
      for (const name of keep) {
        if (existsSync(join(target, name)) && !files.has(name)) renameSync(join(target, name), join(staging, name));
      }
    }
  }
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
