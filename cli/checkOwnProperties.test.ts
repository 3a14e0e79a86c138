/**
 * `check --properties MODULE`: a user's own properties checked beside the catalog's from the
 * command line, on the worker pool, named by `--property` like the catalog's; and the ways it
 * is misused (a misspelt id, a module that is not there, beside --cluster): exit code 2.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBadInput, fabricVerify, fabricVerifyWith } from './cliProcess.ts';
import { EXIT_OK } from './exitCodes.ts';

const MODULE = join('properties', 'userPropertyFixture.ts');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-own-properties-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fabric-verify check --properties', () => {
  it("checks the module's properties beside a catalog one, on two workers, and writes the counterexample of the one that fails", async () => {
    const out = join(dir, 'own');
    const regressions = join(dir, 'regressions');
    const outcome = await fabricVerifyWith({ FV_REGRESSIONS: regressions }, 'check', '--properties', MODULE, '--property', 'fixture.no-crash,fixture.run-ends,default-template-fits-quota', '--runs', '20', '--workers', '2', '--out', out, '--json');
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const verdicts = Object.fromEntries(summary.properties.filter((p: { variant: string | null }) => p.variant === null).map((p: { id: string; verdict: string }) => [p.id, p.verdict]));
    expect(verdicts).toMatchObject({ 'fixture.no-crash': 'fails', 'fixture.run-ends': 'holds', 'default-template-fits-quota': 'holds' });
    const failing = summary.properties.find((p: { id: string }) => p.id === 'fixture.no-crash');
    expect(failing.counterexample.violation.expected).toBe('no crash');
    expect(readFileSync(join(out, failing.counterexample.file), 'utf8')).toContain('"propertyId": "fixture.no-crash"');
    // The regression database replays without the module: it keeps none of the module's counterexamples.
    const stored = existsSync(regressions) ? readdirSync(regressions).map((f) => readFileSync(join(regressions, f), 'utf8')) : [];
    expect(stored.filter((text) => text.includes('fixture.'))).toEqual([]);
  });

  it('names a misspelt id of the module with a did-you-mean, and a module that is not there', async () => {
    const misspelt = await fabricVerify('check', '--properties', MODULE, '--property', 'fixture.no-crsh', '--out', join(dir, 'misspelt'));
    expectBadInput(misspelt);
    expect(misspelt.stderr).toContain(`--property: expected a catalog property id or one of ${MODULE}'s, found "fixture.no-crsh"; did you mean fixture.no-crash?`);
    const missing = await fabricVerify('check', '--properties', 'no/such/module.mjs', '--out', join(dir, 'missing'));
    expectBadInput(missing);
    expect(missing.stderr).toContain('no/such/module.mjs');
  });

  it('refuses a property of its own beside --cluster, and names an id the cluster does not check', async () => {
    const beside = await fabricVerify('check', '--cluster', join('examples', 'cluster'), '--properties', MODULE, '--out', join(dir, 'cluster'));
    expectBadInput(beside);
    expect(beside.stderr).toContain('--properties');
    const unknown = await fabricVerify('check', '--cluster', join('examples', 'cluster'), '--property', 'pdb-respectd', '--out', join(dir, 'cluster-unknown'));
    expectBadInput(unknown);
    expect(unknown.stderr).toContain('--property: expected a property checked on this cluster, found "pdb-respectd"; did you mean pdb-respected?');
  });
});
