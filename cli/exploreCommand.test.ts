/**
 * `fabric-verify explore`, run as a user runs it, on the small fabric with one fault.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCounterexample } from '../properties/counterexample.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { expectBadInput, fabricVerify } from './cliProcess.ts';
import { EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-explore-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summaryIn = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;

describe('fabric-verify explore', () => {
  it.concurrent('explores the bound, prints verdicts and figures, writes reports a replay reads', async () => {
    const out = join(dir, 'one-fault');
    const outcome = await fabricVerify('explore', '--config', 'examples/small.json', '--faults', '1', '--property', 'single-instance-never-down', '--property', 'no-duplicate-running-instance', '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    expect(outcome.stdout).toContain('Exhaustive exploration: ≤ 1 fault, one per 300s grid point up to 3600s');
    expect(outcome.stdout).toMatch(/single-instance-never-down\s+│ fails\s+│ ✓ fails\s+│\s+79 │ 1 fault, 1 failed server/);
    expect(outcome.stdout).toMatch(/no-duplicate-running-instance \(fencing off\)\s+│ fails\s+│ ✓ fails/);
    expect(outcome.stdout).toMatch(/distinct states where states merge \(\d+ states\/s\)/);
    expect(outcome.stdout).toContain('every bound explored completely');
    expect(outcome.stdout).toContain('server b crashes');

    const summary = summaryIn(out);
    expect(summary.complete).toBe(true);
    expect(summary.properties.map((p) => [p.id, p.variant, p.verdict, p.method])).toEqual([
      ['single-instance-never-down', null, 'fails', 'exhaustive'],
      ['no-duplicate-running-instance', null, 'holds', 'exhaustive'],
      ['no-duplicate-running-instance', 'fencing off', 'fails', 'exhaustive'],
    ]);
    expect(summary.properties[1]).toMatchObject({ failureRateBelow: 0, bound: { maxFaults: 1, horizonS: 3600, granularityS: 300, complete: true, schedules: 235, symmetry: false } });
    expect(summary.exploration?.searches).toHaveLength(3);

    const file = join(out, 'counterexamples/single-instance-never-down.json');
    const counterexample = parseCounterexample(JSON.parse(readFileSync(file, 'utf8')));
    expect(counterexample).toMatchObject({ seed: 0, path: '', shrinks: 0, exhaustive: { maxFaults: 1, depth: 0 } });
    expect(counterexample.scenario.faults).toEqual([{ kind: 'crash', serverId: 'b', atS: 0 }]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('single-instance-never-down');
    const replay = await fabricVerify('replay', file);
    expect(replay.status, replay.stderr).toBe(EXIT_OK);
    expect(replay.stdout).toContain('Replayed: the property breaks again exactly as recorded.');
  });

  it.concurrent('a bound too small for an expected failure is a verdict that differs, exit 1', async () => {
    const out = join(dir, 'too-small');
    const outcome = await fabricVerify('explore', '--config', 'examples/small.json', '--faults', '1', '--property', 'multi-instance-correlated-failure', '--out', out, '--json');
    expect(outcome.status, outcome.stderr).toBe(EXIT_VERDICT_MISMATCH);
    expect(JSON.parse(outcome.stdout).properties[0]).toMatchObject({ verdict: 'holds', expected: 'fails', matches: false, method: 'exhaustive' });
  });

  it.concurrent('--agreement compares with random testing of the same space', async () => {
    const out = join(dir, 'agreement');
    const outcome = await fabricVerify('explore', '--config', 'examples/small.json', '--faults', '1', '--property', 'single-instance-never-down', '--agreement', '--runs', '50', '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    expect(outcome.stdout).toMatch(/single-instance-never-down\s+│ fails\s+│ fails\s+│ yes\s+│ \d+\s+│ 1 \/ 1\s+│ yes/);
    expect(summaryIn(out).exploration?.agreement?.[0]).toMatchObject({ property: 'single-instance-never-down', agree: true, exhaustiveFaults: 1, randomFaults: 1, asShort: true });
  });

  it.concurrent('a config without an explore section, or with a bad one, is bad input', async () => {
    const none = await fabricVerify('explore', '--config', 'examples/incident.json', '--out', join(dir, 'none'));
    expectBadInput(none);
    expect(none.stderr).toContain('explore: expected an explore section');
    const bad = join(dir, 'bad.json');
    const small = JSON.parse(readFileSync('examples/small.json', 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...small, explore: { ...small.explore, granularityS: 0, faults: { ...small.explore.faults, meteor: true } } }));
    const outcome = await fabricVerify('explore', '--config', bad, '--out', join(dir, 'bad'));
    expectBadInput(outcome);
    expect(outcome.stderr).toContain('explore.granularityS');
    expect(outcome.stderr).toContain('explore.faults.meteor');
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});
