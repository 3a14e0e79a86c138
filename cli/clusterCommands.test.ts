/**
 * `check --cluster`, `simulate --cluster --events-out` and `observe`, run as a user runs them
 * (the bin, in a child process, on the shipped examples), and their bad inputs: exit code 2,
 * `fabric-verify: error: FILE:LINE: …`, and nothing already written touched.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { judgeTrace } from '../observe/judgeLog.ts';
import { verdictOf } from '../observe/observationSummary.ts';
import { PROJECT_ROOT, expectBadInput, fabricVerify } from './cliProcess.ts';
import { EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';

const CLUSTER = join('examples', 'cluster');
const LOG = join('examples', 'cluster-events.json');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-cluster-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verdicts = (summary: { properties: { id: string; verdict: string }[] }) => Object.fromEntries(summary.properties.map((p) => [p.id, p.verdict]));

describe('fabric-verify check --cluster', () => {
  it('checks the example cluster, finds what the README says, and writes replayable counterexamples', async () => {
    const out = join(dir, 'check');
    const outcome = await fabricVerify('check', '--cluster', CLUSTER, '--runs', '20', '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_VERDICT_MISMATCH);
    expect(outcome.stdout).toContain('Cluster cluster: 6 nodes (+1 surge for the upgrade) in 3 zones (europe-west1-b, europe-west1-c, europe-west1-d), 6 upgrade batches, drained pods rescheduled');
    expect(outcome.stderr).toMatch(/warning: examples\/cluster\/workloads\.yaml:\d+: ConfigMap\/shop\/storefront-config: a kind the model does not read; skipped/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.cluster.apps.map((a: { app: string }) => a.app)).toEqual(['shop/orders-db', 'shop/storefront', 'shop/payment-webhook']);
    expect(verdicts(summary)).toMatchObject({ 'single-instance-never-down': 'fails', 'multi-instance-never-fully-down': 'holds', 'pdb-respected': 'fails', 'no-duplicate-running-instance': 'holds' });
    const replay = await fabricVerify('replay', join(out, 'counterexamples', 'single-instance-never-down--cluster.json'));
    expect(replay.status, replay.stdout).toBe(EXIT_OK);
    expect(replay.stdout).toContain('Replayed: the property breaks again exactly as recorded.');
    // The cluster's own property replays from its file alone: the file carries the budgets.
    const pdbFile = join(out, 'counterexamples', 'pdb-respected--cluster.json');
    const pdb = JSON.parse(readFileSync(pdbFile, 'utf8'));
    expect(pdb.budgets).toEqual({ 'shop/orders-db': { pdb: expect.stringContaining('orders-db'), minAvailable: 2 }, 'shop/storefront': { pdb: expect.stringContaining('storefront'), minAvailable: 2 } });
    const pdbReplay = await fabricVerify('replay', pdbFile);
    expect(pdbReplay.status, pdbReplay.stderr).toBe(EXIT_OK);
    expect(pdbReplay.stdout).toContain('Replayed: the property breaks again exactly as recorded.');
    // With a floor the drain did not cross, the same story no longer breaks it.
    const looser = join(dir, 'pdb-looser.json');
    writeFileSync(looser, JSON.stringify({ ...pdb, budgets: Object.fromEntries(Object.entries(pdb.budgets).map(([app, floor]) => [app, { ...(floor as object), minAvailable: 0 }])) }));
    expect((await fabricVerify('replay', looser)).stdout).not.toContain('breaks again exactly as recorded');
    const withoutBudgets = join(dir, 'pdb-without-budgets.json');
    writeFileSync(withoutBudgets, JSON.stringify({ ...pdb, budgets: undefined }));
    const refused = await fabricVerify('replay', withoutBudgets);
    expectBadInput(refused);
    expect(refused.stderr).toContain('budgets: expected the PodDisruptionBudget floors pdb-respected judges by');
  });

  it('runs on the worker pool: one and two workers write byte-identical verdicts and counterexamples (seed DEFAULT_SEED)', async () => {
    const args = ['check', '--cluster', CLUSTER, '--runs', '5', '--json'];
    const [one, two] = await Promise.all([fabricVerify(...args, '--workers', '1', '--out', join(dir, 'one')), fabricVerify(...args, '--workers', '2', '--out', join(dir, 'two'))]);
    expect([one.status, two.status], one.stderr + two.stderr).toEqual([EXIT_VERDICT_MISMATCH, EXIT_VERDICT_MISMATCH]);
    expect(two.stderr).not.toContain('--workers');
    const timeless = (out: string) => {
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      return JSON.stringify({ ...summary, durationMs: 0, properties: summary.properties.map((p: object) => ({ ...p, durationMs: 0 })) }, null, 2);
    };
    expect(timeless(join(dir, 'two'))).toBe(timeless(join(dir, 'one')));
    const summary = JSON.parse(readFileSync(join(dir, 'one', 'summary.json'), 'utf8'));
    // Every property of the cluster was checked, a failing one among them, so the comparison compares something.
    expect(summary.properties.length).toBeGreaterThan(5);
    expect(verdicts(summary)).toMatchObject({ 'single-instance-never-down': 'fails', 'pdb-respected': 'fails' });
    for (const file of ['single-instance-never-down--cluster.json', 'pdb-respected--cluster.json']) {
      expect(readFileSync(join(dir, 'two', 'counterexamples', file), 'utf8')).toBe(readFileSync(join(dir, 'one', 'counterexamples', file), 'utf8'));
    }
  });
});

describe('fabric-verify simulate --cluster --events-out, then observe', () => {
  it('writes the run as a kubectl event list that observe judges as the catalog judges the run', async () => {
    const events = join(dir, 'simulated-events.json');
    const simulated = await fabricVerify('simulate', '--cluster', CLUSTER, '--events-out', events);
    expect(simulated.status, simulated.stderr).toBe(EXIT_OK);
    expect(simulated.stderr).toMatch(/fabric-verify: \d+ events written to /);
    const list = JSON.parse(readFileSync(events, 'utf8'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(new Set(list.items.map((e: { reason: string }) => e.reason))).toEqual(new Set(['NodeNotReady', 'NodeReady', 'NodeNotSchedulable', 'NodeSchedulable', 'TaintManagerEviction', 'Scheduled', 'Started', 'Killing', 'RegisteredNode']));
    const out = join(dir, 'observed');
    const observed = await fabricVerify('observe', events, '--cluster', CLUSTER, '--since', '2026-01-01T00:00:00Z', '--out', out, '--json');
    const cluster = readCluster(join(PROJECT_ROOT, CLUSTER));
    // A run's verdict is whether the check found a violation ('vacuous' needs must-see situations, some of which no log shows).
    const broken = (v: string) => (v === 'fails' ? 'fails' : 'clean');
    const expected = Object.fromEntries(judgeTrace(cluster, simulate(cluster.scenario)).map((j) => [j.id, broken(verdictOf(j))]));
    const seen = Object.fromEntries(Object.entries(verdicts(JSON.parse(observed.stdout))).map(([id, v]) => [id, broken(v)]));
    expect(seen).toEqual(expected);
    expect(Object.values(expected)).toContain('fails');
    expect(observed.status).toBe(EXIT_VERDICT_MISMATCH);
  });
});

describe('fabric-verify observe', () => {
  it('judges the sample log: three violations with their events, clean properties, and what it cannot judge', async () => {
    const out = join(dir, 'sample');
    const outcome = await fabricVerify('observe', LOG, '--cluster', CLUSTER, '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_VERDICT_MISMATCH);
    expect(outcome.stdout).toMatch(/^125 events of examples\/cluster-events\.json, .* 8 properties judged, 3 broken\./);
    expect(outcome.stdout).toContain('Not judgeable from this log (15):');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(verdicts(summary)).toEqual({
      'single-instance-never-down': 'fails',
      'multi-instance-never-fully-down': 'holds',
      'upgrade-keeps-multi-instance-up': 'holds',
      'parallel-recovery-bounded': 'fails',
      'recovery-eventually-completes': 'holds',
      'all-suspect-stops-healing': 'vacuous',
      'pdb-respected': 'fails',
      'eviction-rate-limited': 'holds',
    });
    const violation = JSON.parse(readFileSync(join(out, 'violations', 'pdb-respected.json'), 'utf8'));
    expect(violation.evidence[0]).toMatchObject({ reason: 'Killing', object: 'Pod/shop/storefront-6f9c7d8b54-h2x9q' });
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('Not judgeable from this log');
    expect(page).toContain('<svg');
    expect(page).not.toContain('[object Object]');
    expect(page).toMatch(/ConfigMap\/shop\/storefront-config: a kind the model does not read; skipped/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('pdb-respected');
  });
});

describe('bad cluster and log inputs', () => {
  function badCluster(): string {
    const cluster = join(dir, 'bad-cluster');
    mkdirSync(cluster, { recursive: true });
    writeFileSync(join(cluster, 'nodes.yaml'), readFileSync(join(PROJECT_ROOT, CLUSTER, 'nodes.yaml'), 'utf8'));
    writeFileSync(join(cluster, 'kcm.flags'), '--node-monitor-grace-period=40s\n--unhealthy-zone-threshold=1.5\n');
    return cluster;
  }

  /** A report folder from an earlier run, which a failed run must leave as it was. */
  function earlierReport(name: string): string {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'summary.json'), '{"earlier": true}\n');
    return out;
  }

  it('a bad flag value: exit 2, the file and line, the report folder untouched, no events file', async () => {
    const out = earlierReport('kept-check');
    const check = await fabricVerify('check', '--cluster', badCluster(), '--out', out);
    expectBadInput(check);
    expect(check.stderr).toMatch(/^fabric-verify: error: .*bad-cluster\/kcm\.flags:2: --unhealthy-zone-threshold: expected a share of a zone's nodes, from 0 to 1, found "1\.5"\n$/);
    // Said once: the message names the file, the command line says it is an error.
    expect(check.stderr).not.toContain('error: error:');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"earlier": true}\n');
    const events = join(dir, 'never-written.json');
    expectBadInput(await fabricVerify('simulate', '--cluster', badCluster(), '--events-out', events));
    expect(existsSync(events)).toBe(false);
  });

  it('a malformed log line: exit 2, its line, the report folder untouched', async () => {
    const log = join(dir, 'broken.json');
    const good = JSON.parse(readFileSync(join(PROJECT_ROOT, LOG), 'utf8')).items.slice(0, 3);
    writeFileSync(log, `${good.map((e: unknown) => JSON.stringify(e)).join('\n')}\n{"reason": "Killing", "involvedObject": \n`);
    const out = earlierReport('kept-observe');
    const outcome = await fabricVerify('observe', log, '--cluster', CLUSTER, '--out', out);
    expectBadInput(outcome);
    expect(outcome.stderr).toMatch(/fabric-verify: error: .*broken\.json:4: \(log\): expected a complete JSON value \(the file ends inside it: truncated\?\)/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"earlier": true}\n');
  });

  it('options that do not go together, and a bad --since', async () => {
    expectBadInput(await fabricVerify('check', '--cluster', CLUSTER, '--config', 'examples/incident.json'));
    expectBadInput(await fabricVerify('simulate', '--events-out', join(dir, 'x.json')));
    const since = await fabricVerify('observe', LOG, '--cluster', CLUSTER, '--since', 'yesterday', '--out', join(dir, 'never'));
    expectBadInput(since);
    expect(since.stderr).toContain('--since: expected an RFC 3339 time such as 2026-01-01T09:30:00Z, found "yesterday"');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
