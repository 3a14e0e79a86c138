/**
 * The package as a user gets it: `npm pack` (of the dist/ vitest's global setup just built),
 * installed into a fresh empty project, used there from plain Node with no TypeScript tooling —
 * the library imported by a .mjs program passing a policy and a property of its own, a campaign
 * over its own properties (a property module on compiled worker threads, objects), and the
 * installed `fabric-verify` command run (help, check with a JavaScript policy module in
 * compiled worker threads, replay, bad policy modules). Its types are checked by tsc against
 * the installed .d.ts, and publint lints the installed package.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONSUMER = join(ROOT, 'packaging', 'consumer');
const SEED = 20090313;

let project = '';
let out = '';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Plain `node` in the project; its PATH holds no tsx or TypeScript of the package's. */
function node(...args: string[]): Run {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '', FV_REGRESSIONS: join(out, 'regressions') } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fabricVerify = (...args: string[]) => node(join('node_modules', 'fabric-verify', 'bin', 'fabric-verify.js'), ...args);

beforeAll(() => {
  console.log(`pack-and-install test: seed ${SEED}`);
  project = mkdtempSync(join(tmpdir(), 'fabric-verify-consumer-'));
  out = join(project, 'out');
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The dependencies come from npm's cache when they are there (the package's own install put them there).
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(project, tarball)], { cwd: project, stdio: 'pipe' });
  for (const file of readdirSync(CONSUMER)) copyFileSync(join(CONSUMER, file), join(project, file));
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package, installed in a fresh project', () => {
  it('ships dist/, the bin and the README, and no TypeScript source or test', () => {
    const installed = join(project, 'node_modules', 'fabric-verify');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name).slice(installed.length + 1)]));
    const shipped = files(installed);
    expect(shipped).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/fabric-verify.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/properties/campaignWorker.js']));
    expect(shipped.filter((f) => /(?<!\.d)\.ts$/.test(f) || f.includes('.test.'))).toEqual([]);
    // No TypeScript tooling came with it.
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'typescript'))).toBe(false);
  });

  it('passes publint (exports, types, files, bin)', async () => {
    const { messages } = await publint({ pkgDir: join(project, 'node_modules', 'fabric-verify'), level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('plain Node imports the library, checks a property of its own under a policy of its own, and replays', () => {
    const run = node('useTheLibrary.mjs', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = JSON.parse(run.stdout);
    expect(seen.ours).toEqual({ verdict: 'holds', runs: 30, mustSeeMet: true, policy: 'one-at-a-time' });
    expect(seen.parallel.verdict).toBe('fails');
    expect(seen.parallel.seen).toMatch(/^\d+ in flight$/);
    expect(seen.parallel.reproduced).toBe(true);
    // The policy was passed to one call: the next call, without it, does not know its kind.
    expect(seen.forgotten).toMatch(/one-at-a-time/);
    expect(seen.catalog).toMatchObject({ verdict: 'fails', matchesExpectation: true });
    expect(seen.incident.steps).toBeGreaterThan(100);

    const replay = fabricVerify('replay', seen.catalog.file);
    expect(replay.stderr).toBe('');
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/single-instance-never-down/);
  });

  it('plain Node runs a campaign over a property of its own: a module on compiled workers, an object in its thread, a throwing one named', () => {
    const run = node('runACampaign.mjs');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = JSON.parse(run.stdout);
    expect(seen.onThePool).toMatchObject({ complete: true, inCallingThread: null, propertyFailure: null });
    expect(seen.onThePool.results.map(([id, verdict]: string[]) => [id, verdict])).toEqual([
      ['single-instance-never-down', 'fails'],
      ['consumer.at-most-one-in-flight', 'fails'],
    ]);
    expect(seen.onThePool.results[1][2]).toMatch(/^\d+ in flight$/);
    // The same property as an object: in the calling thread (said so), the same verdicts and counterexamples.
    expect(seen.asObjects).toEqual({ ...seen.onThePool, inCallingThread: ['consumer.at-most-one-in-flight'] });
    expect(seen.broken).toEqual({ complete: false, inCallingThread: null, propertyFailure: 'property "consumer.throws": check threw: no trace for me (checking consumer.throws)', results: [seen.onThePool.results[0]] });
    expect(seen.unknown).toBe('config: campaign.properties.0: expected the id of a catalog property or of one of your properties; did you mean consumer.at-most-one-in-flight?, found "consumer.at-most-one-in-fligt"');
    expect(seen.failure).toEqual({ isPropertyFailure: true, message: 'property "consumer.throws": check threw: no trace for me' });
  });

  it("the README's library example runs as written", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```js\n(\/\/ check\.mjs[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the README has a ```js block starting // check.mjs').toBeDefined();
    writeFileSync(join(project, 'check.mjs'), example!);
    const run = node('check.mjs');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('holds \nfails\n');
  });

  it('the installed command runs with plain Node', () => {
    const help = fabricVerify('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: fabric-verify[\s\S]*check[\s\S]*replay/);
  });

  it('check --policy runs a JavaScript policy module in compiled worker threads', () => {
    const run = fabricVerify('check', '--policy', 'oneAtATimePolicy.mjs', '--property', 'all-suspect-stops-healing', '--property', 'recovery-eventually-completes', '--runs', '10', '--workers', '2', '--seed', String(SEED), '--out', join(out, 'policy'), '--json');
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.complete).toBe(true);
    expect(summary.properties.map((p: { variant: string; verdict: string }) => [p.variant, p.verdict])).toEqual([
      ['policy one-at-a-time', 'holds'],
      ['policy one-at-a-time', 'holds'],
    ]);
  });

  describe('a bad policy module is bad input (exit 2), naming what is wrong', () => {
    it.each<[string, string, string, RegExp]>([
      ['without a decision', 'undecided', "export default { kind: 'undecided' };", /undecided\.mjs: default\.decide: expected a function \(params, view, memory\) => \{ start, memory \}, found undefined/],
      ['without a default export', 'nodefault', 'export const policy = {};', /nodefault\.mjs: default: expected a healing policy definition \(an object with kind and decide\), found undefined/],
      ['taking a built-in kind', 'builtin', "export default { kind: 'serial', decide: () => ({ start: [], memory: null }) };", /builtin\.mjs: default\.kind: expected a kind of your own/],
      ['that throws as it loads', 'throws', "throw new Error('no config file');", /throws\.mjs: \(top level\): expected a JavaScript or TypeScript module that loads, found no config file/],
      ['whose params name another kind', 'params', "export default { kind: 'mine', decide: () => ({ start: [], memory: null }) }; export const params = { kind: 'yours' };", /params\.mjs: params\.kind: expected the policy's kind "mine", found "yours"/],
    ])('%s', (_what, name, source, message) => {
      writeFileSync(join(project, `${name}.mjs`), `${source}\n`);
      const run = fabricVerify('check', '--policy', `${name}.mjs`, '--out', join(out, name));
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(out, name))).toBe(false);
    });

    it('whose decision throws mid-campaign: the campaign stops, what finished is written marked incomplete', () => {
      writeFileSync(
        join(project, 'flaky.mjs'),
        "export default { kind: 'flaky', decide(_p, view) { if (view.queue.some((w) => w.kind === 'move')) throw new Error('lost my tokens'); return { start: [], memory: null }; } };\n",
      );
      const run = fabricVerify('check', '--policy', 'flaky.mjs', '--property', 'recovery-eventually-completes', '--runs', '5', '--workers', '1', '--out', join(out, 'flaky'));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/flaky\.mjs: default: expected a healing policy that keeps its contract .*found healing policy "flaky": decide threw: lost my tokens \(checking recovery-eventually-completes, policy flaky\)/);
      const summary = JSON.parse(readFileSync(join(out, 'flaky', 'summary.json'), 'utf8'));
      expect(summary.complete).toBe(false);
    });
  });

  it("the package's types resolve from the installed .d.ts and are real (tsc on a consumer file)", () => {
    const root = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
        files: ['typed.ts'],
      }),
    );
    const run = spawnSync(process.execPath, [join(root, 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
