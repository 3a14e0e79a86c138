import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, treeChanges } from './workTreeGuard.ts';

describe('the work-tree guard', () => {
  it('sees a file added, one rewritten and one removed, and leaves dependencies out', () => {
    const root = mkdtempSync(join(tmpdir(), 'fabric-verify-guard-'));
    try {
      mkdirSync(join(root, 'reports', 'out'), { recursive: true });
      writeFileSync(join(root, 'reports', 'out', 'index.html'), 'the user’s report');
      writeFileSync(join(root, 'gone.txt'), 'x');
      const before = listTree(root);
      writeFileSync(join(root, 'reports', 'out', 'index.html'), 'a test fixture, longer');
      writeFileSync(join(root, 'reports', 'out', 'report.png'), 'png');
      rmSync(join(root, 'gone.txt'));
      mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
      writeFileSync(join(root, 'node_modules', 'x', 'cache.json'), '{}');
      expect(treeChanges(before, listTree(root))).toEqual(['- gone.txt', '~ reports/out/index.html', '+ reports/out/report.png']);
      expect(treeChanges(before, before)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
