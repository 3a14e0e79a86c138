/**
 * check, replay, sweep and merge, run as a user runs them, on small campaigns.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../reports/summary.ts';
import { expectBadInput, fabricVerify } from './cliProcess.ts';
import { EXIT_OK } from './exitCodes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-campaign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summaryIn = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;

describe('fabric-verify check', () => {
  it.concurrent('checks the chosen properties, prints the table and writes every report', async () => {
    const out = join(dir, 'check');
    const outcome = await fabricVerify('check', '--property', 'single-instance-never-down', '--property', 'upgrade-keeps-multi-instance-up', '--runs', '20', '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    expect(outcome.stdout).toMatch(/│ property\s+│ expected │ verdict\s+│ runs │\s+time │ counterexample\s+│/);
    expect(outcome.stdout).toMatch(/│ single-instance-never-down\s+│ fails\s+│ ✓ fails\s+│/);
    expect(outcome.stdout).toContain('every verdict matches its expectation');
    expect(outcome.stdout).toMatch(/Determinism: [1-9]\d* runs simulated twice, each story identical\./);
    // Not a terminal: progress comes as plain lines on stderr.
    expect(outcome.stderr).toMatch(/\[1\/2\] single-instance-never-down: expected fails, fails \(ok\)/);
    for (const file of ['summary.json', 'summary.md', 'index.html', 'counterexamples/single-instance-never-down.json']) expect(existsSync(join(out, file)), file).toBe(true);
    const summary = summaryIn(out);
    expect(summary.complete).toBe(true);
    expect(summary.properties.map((p) => [p.id, p.verdict, p.matches])).toEqual([
      ['single-instance-never-down', 'fails', true],
      ['upgrade-keeps-multi-instance-up', 'holds', true],
    ]);
    expect(summary.properties[0]!.counterexample).toMatchObject({ file: 'counterexamples/single-instance-never-down.json', faults: 1, minimal: true });
    // 3/N over the runs drawn: at least the 20 asked, more while a must-see is undecided.
    expect(summary.properties[1]!.runs).toBeGreaterThanOrEqual(20);
    expect(summary.properties[1]!.failureRateBelow).toBe(Math.round((3 / summary.properties[1]!.runs) * 10_000) / 10_000);
    expect(summary.coverage.machines.map((m) => m.id)).toEqual(['server', 'instance', 'controller', 'upgrade', 'deploymentService', 'monitoring', 'storage']);

    const replay = await fabricVerify('replay', join(out, 'counterexamples/single-instance-never-down.json'), '--html');
    expect(replay.status, replay.stderr).toBe(EXIT_OK);
    expect(replay.stdout).toContain('Replayed: the property breaks again exactly as recorded.');
    expect(replay.stdout).toMatch(/server s\d+ crashes/);
    const page = readFileSync(join(out, 'counterexamples/single-instance-never-down.html'), 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain("default-src 'none'");
  });

  it.concurrent('--json prints summary.json on stdout', async () => {
    const out = join(dir, 'json');
    const outcome = await fabricVerify('check', '--property', 'default-template-fits-quota', '--runs', '10', '--out', out, '--json');
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    expect(JSON.parse(outcome.stdout)).toEqual(summaryIn(out));
  });

  it.concurrent('shards split the campaign and merge joins them in catalog order, downtime as if run whole', async () => {
    // `--property A B`: the option is variadic (and repeatable, as the first test uses it).
    const args = ['--property', 'single-instance-never-down', 'default-template-fits-quota', '--runs', '10'];
    const [one, two, whole] = await Promise.all([
      fabricVerify('check', ...args, '--shard', '1/2', '--out', join(dir, 'shard1')),
      fabricVerify('check', ...args, '--shard', '2/2', '--out', join(dir, 'shard2')),
      fabricVerify('check', ...args, '--out', join(dir, 'unsharded')),
    ]);
    expect([one.status, two.status, whole.status]).toEqual([EXIT_OK, EXIT_OK, EXIT_OK]);
    const ids = (out: string) => summaryIn(out).properties.map((p) => `${p.id}${p.variant ? ` (${p.variant})` : ''}`);
    expect(ids(join(dir, 'shard1'))).toEqual(['single-instance-never-down', 'default-template-fits-quota (second instance counted)']);
    expect(ids(join(dir, 'shard2'))).toEqual(['default-template-fits-quota']);
    const merged = await fabricVerify('merge', join(dir, 'shard1'), join(dir, 'shard2'), '--out', join(dir, 'merged'), '--junit', join(dir, 'merged.xml'));
    expect(merged.status, merged.stderr).toBe(EXIT_OK);
    expect(ids(join(dir, 'merged'))).toEqual(['single-instance-never-down', 'default-template-fits-quota', 'default-template-fits-quota (second instance counted)']);
    // The merged JUnit XML has every shard's testcases, in the merged order.
    expect([...readFileSync(join(dir, 'merged.xml'), 'utf8').matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1])).toEqual(ids(join(dir, 'merged')));
    expect(existsSync(join(dir, 'merged', 'counterexamples', 'single-instance-never-down.json'))).toBe(true);
    // Downtime is joined across shards as if the campaign had run whole.
    const downtime = summaryIn(join(dir, 'merged')).downtime;
    expect(downtime.some((d) => d.instances === 1 && d.downAppRuns > 0)).toBe(true);
    expect(downtime).toEqual(summaryIn(join(dir, 'unsharded')).downtime);
  });

  it.concurrent('sweep shows where each property holds over the grid, and downtime by grid point', async () => {
    const config = join(dir, 'sweep.json');
    writeFileSync(config, JSON.stringify({ name: 'tiny sweep', sweep: { properties: ['false-positive-churn-bounded'], runs: 20, grid: { healing: ['serial', 'parallel'] } } }));
    const outcome = await fabricVerify('sweep', '--config', config, '--out', join(dir, 'sweep'));
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    expect(outcome.stdout).toMatch(/│ healing\s+│ false-positive-churn-bounded │/);
    expect(outcome.stdout).toMatch(/│ serial\s+│ holds\s+│/);
    expect(outcome.stdout).toMatch(/│ parallel\s+│ fails\s+│/);
    expect(summaryIn(join(dir, 'sweep')).sweep?.cells.map((c) => c.verdicts)).toEqual([{ 'false-positive-churn-bounded': 'holds' }, { 'false-positive-churn-bounded': 'fails' }]);
    // Downtime by grid point: the same faults under each, so the rows compare the policies.
    const downtime = summaryIn(join(dir, 'sweep')).downtime;
    expect([...new Set(downtime.map((d) => d.policy))]).toEqual(['healing=parallel', 'healing=serial']);
    expect(downtime.every((d) => d.appRuns > 0)).toBe(true);
    const page = readFileSync(join(dir, 'sweep', 'index.html'), 'utf8');
    expect(page).toContain('<section id="downtime">');
    expect(page).toContain('<th>grid point</th>');
  });
});

describe('bad input to the campaign commands (exit 2, the field named, nothing written)', () => {
  const cases: [string, string[], RegExp][] = [
    ['zero runs', ['check', '--runs', '0'], /--runs: expected a whole number ≥ 1, found "0"/],
    ['a fractional seed', ['check', '--seed', '1.5'], /--seed: expected a whole number/],
    ['a shard past the count', ['check', '--shard', '3/2'], /--shard: expected I\/N with 1 ≤ I ≤ N/],
    ['an unknown property', ['check', '--property', 'no-such-property'], /--property: expected a catalog property id, found "no-such-property" \(the ids: single-instance-never-down, /],
    ['a missing config', ['check', '--config', 'no-such-config.json'], /no-such-config\.json: \(top level\): expected a readable config file, found no such file/],
    ['a sweep without a config', ['sweep'], /required option '--config <file>'/],
    ['a missing counterexample', ['replay', 'no-such-file.json'], /no-such-file\.json: .*no such file/],
  ];
  for (const [name, args, message] of cases) {
    it.concurrent(name, async () => {
      const outcome = await fabricVerify(...args, ...(args[0] === 'replay' ? [] : ['--out', join(dir, 'never-written')]));
      expectBadInput(outcome);
      expect(outcome.stderr).toMatch(message);
      expect(existsSync(join(dir, 'never-written'))).toBe(false);
    });
  }

  it.concurrent('a config with a bad field names its path; an existing report stays as it was', async () => {
    const out = join(dir, 'kept');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'summary.json'), '{"kept": true}');
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'name: bad\ncampaign:\n  runs: -3\n  properties: [no-such-property]\n');
    const outcome = await fabricVerify('check', '--config', config, '--out', out);
    expectBadInput(outcome);
    expect(outcome.stderr).toContain('campaign.runs: expected a number ≥ 1, found -3');
    expect(outcome.stderr).toContain('campaign.properties.0: expected a property id of the catalog, found "no-such-property"');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"kept": true}');
  });
});
