/**
 * vitest's global setup: the work tree is listed before the tests and again after them, and
 * the run fails if any file appeared, vanished or changed. Tests write only to temporary
 * folders, so a user's `reports/out/` (and every other file of the clone) survives `npm test`.
 * Dependencies, git's own files, the build the tests may run from (`dist/`) and the coverage
 * report `npm run coverage` asks for are not the tests' doing and are left out.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIPPED_NAMES = new Set(['node_modules', '.git']);
const SKIPPED_PATHS = new Set(['reports/out/coverage', 'dist']);
const SHOWN_MAX = 20;

/** Every file and folder under `root`, by relative path, with what would show a rewrite. */
export function listTree(root: string): Map<string, string> {
  const listing = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(root, path).split('\\').join('/');
      if (SKIPPED_NAMES.has(entry.name) || entry.name.startsWith('.stryker-tmp') || SKIPPED_PATHS.has(name)) continue;
      if (entry.isDirectory()) {
        listing.set(`${name}/`, 'folder');
        walk(path);
      } else {
        const stat = statSync(path, { throwIfNoEntry: false });
        if (stat) listing.set(name, `${stat.size} bytes, modified ${stat.mtimeMs}`);
      }
    }
  };
  walk(root);
  return listing;
}

/** What differs between two listings, one line each (`+ added`, `- removed`, `~ changed`). */
export function treeChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, state] of after) {
    const was = before.get(path);
    if (was === undefined) changes.push(`+ ${path}`);
    else if (was !== state) changes.push(`~ ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`- ${path}`);
  return changes.sort((a, b) => a.slice(2).localeCompare(b.slice(2)));
}

export default function setup(): () => void {
  const before = listTree(ROOT);
  return () => {
    const changes = treeChanges(before, listTree(ROOT));
    if (changes.length === 0) return;
    const shown = changes.slice(0, SHOWN_MAX).map((c) => `  ${c}`);
    if (changes.length > SHOWN_MAX) shown.push(`  … and ${changes.length - SHOWN_MAX} more`);
    // vitest reports an error thrown here but still exits 0, so the exit code is set as well.
    process.exitCode = 1;
    throw new Error(
      `the tests changed the work tree (tests must write only to temporary folders, e.g. mkdtempSync(join(tmpdir(), '…'))):\n${shown.join('\n')}\n` +
        '(a file edited by hand while the tests ran shows here too)',
    );
  };
}
