/**
 * A report clears only what a report wrote: the rest of its folder moves over to the next one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FILES, replaceReportFolder } from './reportFolder.ts';

const dir = mkdtempSync(join(tmpdir(), 'fabric-verify-report-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (file: string, text = 'x') => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};

describe('replaceReportFolder', () => {
  it('replaces the files the last report wrote and carries over every other, nested or whole folders', () => {
    const out = join(dir, 'kept');
    replaceReportFolder(out, new Map([['summary.json', 'one'], ['counterexamples/a.json', 'a'], ['counterexamples/b.json', 'b']]));
    put(join(out, 'counterexamples', 'a.html'), 'replay page');
    put(join(out, 'coverage', 'index.html'), 'coverage');
    put(join(out, 'notes.txt'), 'mine');
    replaceReportFolder(out, new Map([['summary.json', 'two'], ['counterexamples/b.json', 'b2']]));
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('two');
    expect(readFileSync(join(out, 'counterexamples', 'b.json'), 'utf8')).toBe('b2');
    expect(existsSync(join(out, 'counterexamples', 'a.json'))).toBe(false);
    expect(readFileSync(join(out, 'counterexamples', 'a.html'), 'utf8')).toBe('replay page');
    expect(readFileSync(join(out, 'coverage', 'index.html'), 'utf8')).toBe('coverage');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, REPORT_FILES), 'utf8')).toBe('counterexamples/b.json\nsummary.json\n');
  });

  it('a folder without the list (an older report) keeps only what it is told to', () => {
    const out = join(dir, 'older');
    put(join(out, 'summary.json'), 'old');
    put(join(out, 'counterexamples', 'a.json'), 'a');
    put(join(out, 'coverage', 'index.html'), 'coverage');
    replaceReportFolder(out, new Map([['summary.json', 'new']]), ['coverage']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'counterexamples'))).toBe(false);
    expect(existsSync(join(out, 'coverage', 'index.html'))).toBe(true);
  });
});
