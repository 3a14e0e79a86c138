/**
 * `simulate --compare`, run as a user runs it: the policies side by side on one fault
 * schedule. Each column must be exactly what `simulate --policy P` says on its own (the same
 * faults, only the policy differs), the chart must show every policy, and the page must carry
 * the same curves as the JSON.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_OK } from './exitCodes.ts';
import { expectBadInput, fabricVerify, fabricVerifyWith } from './cliProcess.ts';

const POLICIES = ['serial', 'parallel', 'adaptive'] as const;
const dir = mkdtempSync(join(tmpdir(), 'fabric-verify-compare-'));
const withoutTiming = ({ eventsPerSecond: _, wallMs: __, ...figures }: Record<string, unknown>) => figures;

describe('fabric-verify simulate --compare', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.concurrent('each column is what `simulate --policy` gives for that policy alone', async () => {
    const [compared, ...alone] = await Promise.all([
      fabricVerify('simulate', '--compare', POLICIES.join(','), '--json'),
      ...POLICIES.map((policy) => fabricVerify('simulate', '--policy', policy, '--json')),
    ]);
    expect(compared!.status).toBe(EXIT_OK);
    const comparison = JSON.parse(compared!.stdout);
    expect(comparison).toMatchObject({ scenario: 'incident-2009-03-13', apps: 50 });
    expect(comparison.runs.map((r: { policy: string }) => r.policy)).toEqual([...POLICIES]);
    for (const [i, outcome] of alone.entries()) expect(comparison.runs[i].figures).toEqual(withoutTiming(JSON.parse(outcome.stdout)));
    // The incident's lesson, read from the curves: serially healed, multi-instance apps go down too.
    const mostDown = (run: { apps: { down: number }[] }) => Math.max(...run.apps.map((p) => p.down));
    expect(mostDown(comparison.runs[0])).toBeGreaterThan(mostDown(comparison.runs[1]));
  });

  it.concurrent('prints the figures side by side and every policy on one time axis', async () => {
    const plain = await fabricVerify('simulate', '--compare', 'serial', '--compare', 'parallel,adaptive');
    expect(plain.status).toBe(EXIT_OK);
    expect(plain.stdout).toMatch(/^incident-2009-03-13 — the same \d+ faults under serial, parallel, adaptive/);
    expect(plain.stdout).toMatch(/│\s+│\s+serial │\s+parallel │\s+adaptive │/);
    expect(plain.stdout).toMatch(/│ time to restore\s+│\s+4h 41m │\s+41m 00s │\s+41m 00s │/);
    expect(plain.stdout).toContain('Apps down over time (of 50;');
    // Without colours each policy has its own strip, on the same scale.
    for (const policy of POLICIES) expect(plain.stdout).toMatch(new RegExp(`^  ${policy}\\n\\s+\\d+ [┼┤]`, 'm'));
    expect(plain.stdout).toContain('adaptive: the same curve as parallel');
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await fabricVerifyWith({ FORCE_COLOR: '1' }, 'simulate', '--compare', 'serial,parallel');
    expect(coloured.status).toBe(EXIT_OK);
    // With colours, one overlaid chart and a legend naming each colour.
    expect(coloured.stdout).toContain('serial (blue)');
    expect(coloured.stdout).toContain('parallel (red)');
    expect(coloured.stdout).toContain('\u001b[34m');
  });

  it.concurrent('--html writes a self-contained page carrying the same curves', async () => {
    const page = join(dir, 'compare', 'policies.html');
    const [withPage, json] = await Promise.all([
      fabricVerify('simulate', '--compare', 'serial,parallel', '--html', page),
      fabricVerify('simulate', '--compare', 'serial,parallel', '--json'),
    ]);
    expect(withPage.status).toBe(EXIT_OK);
    expect(withPage.stderr).toContain(`comparison page written to ${page}`);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain('Content-Security-Policy');
    expect(text).not.toMatch(/<script[^>]+src=/);
    const data = JSON.parse(/<script type="application\/json" id="comparison-data">(.*?)<\/script>/s.exec(text)![1]!);
    const runs = JSON.parse(json.stdout).runs;
    expect(data.runs.map((r: { policy: string; apps: unknown }) => [r.policy, r.apps])).toEqual(runs.map((r: { policy: string; apps: unknown }) => [r.policy, r.apps]));
    expect(data.toS).toBeGreaterThan(0);
  });

  it.concurrent('one policy, an unknown policy, or --policy beside it is bad input (exit 2); nothing is written', async () => {
    const page = join(dir, 'kept.html');
    writeFileSync(page, 'the page from before');
    const one = await fabricVerify('simulate', '--compare', 'serial', '--html', page);
    expectBadInput(one);
    expect(one.stderr).toMatch(/^fabric-verify: error: .*--compare.*two or more distinct healing policies/s);
    const typo = await fabricVerify('simulate', '--compare', 'serial,paralel', '--html', page);
    expectBadInput(typo);
    expect(typo.stderr).toBe('fabric-verify: error: --compare: expected one of serial, parallel, adaptive, kubernetes, found "paralel"; did you mean parallel?\n');
    const both = await fabricVerify('simulate', '--compare', 'serial,parallel', '--policy', 'adaptive', '--html', page);
    expectBadInput(both);
    expect(both.stderr).toContain('--policy');
    const events = await fabricVerify('simulate', '--compare', 'serial,parallel', '--events-out', join(dir, 'events.json'));
    expectBadInput(events);
    expect(events.stderr).toContain('--events-out');
    expect(existsSync(join(dir, 'events.json'))).toBe(false);
    const alone = await fabricVerify('simulate', '--html', page);
    expectBadInput(alone);
    expect(alone.stderr).toContain('--compare');
    expect(readFileSync(page, 'utf8')).toBe('the page from before');
  });
});
