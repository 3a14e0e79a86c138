/**
 * `check --junit --sarif` under GitHub Actions, run as a CI job runs it: the files parse back
 * and agree with summary.json, the annotations go to stderr (stdout stays the table or JSON),
 * and summary.md is appended to the job summary, not written over it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../reports/summary.ts';
import { expectBadInput, fabricVerify, fabricVerifyWith } from './cliProcess.ts';
import { EXIT_OK } from './exitCodes.ts';
import { writeCiOutputs } from './ciOutputs.ts';
import { ciFixture } from '../reports/ciFormatsFixture.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-ci-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fabric-verify check in CI', () => {
  it.concurrent('writes JUnit XML and SARIF, annotates on stderr and appends the job summary', async () => {
    const out = join(dir, 'out');
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, '# an earlier step\n');
    const junit = join(dir, 'ci', 'junit.xml');
    const sarif = join(dir, 'ci', 'fabric-verify.sarif');
    const outcome = await fabricVerifyWith(
      { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary },
      'check', '--property', 'single-instance-never-down,default-template-fits-quota', '--runs', '10', '--workers', '1', '--out', out, '--junit', junit, '--sarif', sarif, '--json',
    );
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    const summary = JSON.parse(outcome.stdout) as CampaignSummary;
    const names = summary.properties.map((p) => (p.variant ? `${p.id} (${p.variant})` : p.id));

    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const suites = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' }).parse(xml).testsuites;
    expect(suites.testsuite.testcase.map((c: { name: string }) => c.name)).toEqual(names);
    expect(suites).toMatchObject({ tests: String(names.length), failures: '0', errors: '0' });

    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r: { kind: string }) => r.kind)).toEqual(names.map(() => 'pass'));

    // single-instance-never-down fails as expected: a notice, not an error.
    expect(outcome.stderr).toMatch(/^::notice title=fabric-verify%3A single-instance-never-down::fails as expected/m);
    expect(outcome.stderr).not.toMatch(/^::error/m);
    const job = readFileSync(stepSummary, 'utf8');
    expect(job.startsWith('# an earlier step\n# fabric-verify: default campaign\n')).toBe(true);
    expect(job).toContain('| single-instance-never-down | fails | ✅ fails |');
  });

  it.concurrent('--junit naming a folder is bad input, before any run', async () => {
    const outcome = await fabricVerify('check', '--junit', dir);
    expectBadInput(outcome);
    expect(outcome.stderr).toBe(`fabric-verify: error: --junit: expected a file path, found the folder ${JSON.stringify(dir)}\n`);
  });
});

describe('writeCiOutputs', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, write: (text: string) => lines.push(text) };
  };

  it('annotates only under GitHub Actions, and writes no file it was not asked for', () => {
    const outside = capture();
    writeCiOutputs(ciFixture(), 'out', {}, { CI: 'true' }, outside);
    expect(outside.lines).toEqual([]);
    const inside = capture();
    writeCiOutputs(ciFixture(), 'out', {}, { GITHUB_ACTIONS: 'true' }, inside);
    expect(inside.lines.map((l) => l.slice(0, 9))).toEqual(['::notice ', '::error t']);
  });

  it('a job summary it cannot append to costs a warning, not the run', () => {
    const err = capture();
    const missing = join(dir, 'no-such-folder', 'summary.md');
    expect(() => writeCiOutputs(ciFixture(), 'out', {}, { GITHUB_STEP_SUMMARY: missing }, err)).not.toThrow();
    expect(err.lines).toEqual([`fabric-verify: warning: GITHUB_STEP_SUMMARY: could not append to ${missing} (ENOENT)\n`]);
  });
});
