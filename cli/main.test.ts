/**
 * The real command, run as a user runs it: `node bin/fabric-verify.js ...` in a child process.
 * Each run starts node and tsx, so the runs go concurrently.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { EXIT_OK } from './exitCodes.ts';
import { PROJECT_ROOT, expectBadInput, fabricVerify, fabricVerifyWith } from './cliProcess.ts';

const FIGURE_FIELDS = [
  'serversFailed',
  'appsDown',
  'appsDegraded',
  'restoreTimeS',
  'longestManagementWaitS',
  'storageWritesLost',
  'events',
  'eventsPerSecond',
] as const;

describe('fabric-verify simulate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fabric-verify-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function scenarioFile(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  }

  it.concurrent('--json prints the run’s figures as one JSON object', async () => {
    const outcome = await fabricVerify('simulate', '--scenario', 'incident-2009-03-13', '--json');
    expect(outcome.status).toBe(EXIT_OK);
    expect(outcome.stderr).toBe('');
    const figures = JSON.parse(outcome.stdout);
    for (const field of FIGURE_FIELDS) expect(typeof figures[field], field).toBe('number');
    expect(figures).toMatchObject({ scenario: 'incident-2009-03-13', serversFailed: 16, storageWritesLost: 0, events: 1269, upgrade: 'done' });
    expect(figures.eventsPerSecond).toBeGreaterThan(0);
  });

  it.concurrent('--policy holds a healing policy for the whole run', async () => {
    const outcome = await fabricVerify('simulate', '--scenario', 'incident-2009-03-13', '--policy', 'parallel', '--json');
    expect(outcome.status).toBe(EXIT_OK);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ policy: 'parallel', restoreTimeS: 2460, longestManagementWaitS: 60 });
  });

  it.concurrent('prints the key events on a timeline, then the figures', async () => {
    const outcome = await fabricVerify('simulate', '--scenario', 'incident-2009-03-13');
    expect(outcome.status).toBe(EXIT_OK);
    expect(outcome.stderr).toBe('');
    const text = outcome.stdout;
    expect(text).toMatch(/^incident-2009-03-13 — healing: serial then parallel \(operator\)/);
    const timeline = [
      '1:00:00  upgrade walks update domain 0',
      '1:00:00  network degrades: deployment calls take 1200s',
      '1:11:00  8 servers fail: s00 s05 s10 s15 s20 s25 s30 s35',
      '1:52:00  8 servers fail: s01 s06 s11 s16 s21 s26 s31 s36',
      '4:00:00  operator switches healing to parallel',
      // One instance was placed on update domain 4 just as the upgrade walked it (3:52), so it
      // ran again only when that walk ended: both lines fall at 4:22, the upgrade's first.
      '4:22:00  upgrade finished',
      '4:22:00  every lost instance runs again',
    ];
    let from = 0;
    for (const line of timeline) {
      const at = text.indexOf(line, from);
      expect(at, `timeline line in order: ${line}`).toBeGreaterThan(-1);
      from = at;
    }
    const figures = text.slice(text.indexOf('\nFigures\n'));
    expect(figures).toMatch(/servers failed\s+16\n/);
    expect(figures).toMatch(/apps down at some point\s+44 \(single-instance 40, multi-instance 4 of 10\)/);
    expect(figures).toMatch(/time to restore\s+3h 11m/);
    expect(figures).toMatch(/longest management wait\s+2h 07m \(48 requests\)/);
    expect(figures).toMatch(/storage writes lost\s+0\n/);
    expect(figures).toMatch(/upgrade\s+done\n/);
    expect(figures).toMatch(/simulated\s+13h 52m \(quiescent\), 1269 events, [\d,]+ events\/s/);
  });

  it.concurrent('runs a scenario file with the same figures as the built-in scenario', async () => {
    const path = scenarioFile('incident.json', incidentScenario());
    const [fromFile, builtIn] = await Promise.all([
      fabricVerify('simulate', '--scenario', path, '--json'),
      fabricVerify('simulate', '--scenario', 'incident-2009-03-13', '--json'),
    ]);
    expect(fromFile.status).toBe(EXIT_OK);
    const withoutTiming = ({ eventsPerSecond: _, wallMs: __, ...figures }: Record<string, unknown>) => figures;
    expect(withoutTiming(JSON.parse(fromFile.stdout))).toEqual(withoutTiming(JSON.parse(builtIn.stdout)));
  });

  it.concurrent('an unknown --policy is bad input (exit 2), listing the choices', async () => {
    const outcome = await fabricVerify('simulate', '--scenario', 'incident-2009-03-13', '--policy', 'fastest');
    expectBadInput(outcome);
    expect(outcome.stderr).toBe('fabric-verify: error: --policy: expected one of serial, parallel, adaptive, kubernetes, found "fastest"\n');
  });

  it.concurrent('a missing scenario file is bad input (exit 2), naming the file', async () => {
    const missing = join(tmpdir(), 'fabric-verify-no-such-scenario.json');
    const outcome = await fabricVerify('simulate', '--scenario', missing);
    expectBadInput(outcome);
    expect(outcome.stderr).toContain(missing);
    expect(outcome.stderr).toContain('no such file');
  });

  it.concurrent('a scenario file with a bad field is bad input (exit 2), naming the field', async () => {
    const scenario: any = JSON.parse(JSON.stringify(incidentScenario()));
    scenario.topology.servers[2].capacity = 'six';
    const path = scenarioFile('bad-capacity.json', scenario);
    const outcome = await fabricVerify('simulate', '--scenario', path);
    expectBadInput(outcome);
    expect(outcome.stderr).toBe(`fabric-verify: error: ${path}: topology.servers.2.capacity: expected number, found "six"\n`);
  });

  it.concurrent('a scenario file that is not JSON is bad input (exit 2)', async () => {
    const path = scenarioFile('broken.json', '{ "name": ');
    const outcome = await fabricVerify('simulate', '--scenario', path);
    expectBadInput(outcome);
    expect(outcome.stderr).toContain(`${path}: (top level): expected valid JSON`);
  });

  it.concurrent('an unknown option is bad input (exit 2)', async () => {
    const outcome = await fabricVerify('simulate', '--seed', '7');
    expectBadInput(outcome);
    expect(outcome.stderr).toBe("fabric-verify: error: unknown option '--seed'\n");
  });

  it.concurrent('a mistyped built-in scenario gets a did-you-mean', async () => {
    const scenario = await fabricVerify('simulate', '--scenario', 'incident-2009-03-31');
    expectBadInput(scenario);
    expect(scenario.stderr).toMatch(/^fabric-verify: error: incident-2009-03-31: .*no such file; did you mean incident-2009-03-13\?\n$/);
  });
});

describe('fabric-verify conventions', () => {
  it.concurrent('--version prints the package version on stdout', async () => {
    const outcome = await fabricVerify('--version');
    expect(outcome.status).toBe(EXIT_OK);
    expect(outcome.stdout).toBe(`${JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it.concurrent('NO_COLOR and FORCE_COLOR decide the colours of a piped error', async () => {
    const [plain, forced, both] = await Promise.all([
      fabricVerifyWith({ FORCE_COLOR: '' }, 'chek'),
      fabricVerifyWith({ FORCE_COLOR: '1' }, 'chek'),
      fabricVerifyWith({ FORCE_COLOR: '1', NO_COLOR: '1' }, 'chek'),
    ]);
    // The real command, end to end; the other messages are checked in-process (errorMessages.test.ts).
    expectBadInput(plain);
    expect(plain.stderr).toBe("fabric-verify: error: unknown command 'chek'; did you mean check?\n");
    expect(forced.stderr).toContain('\x1b[31m');
    expect(both.stderr).not.toContain('\x1b[');
  });
});
