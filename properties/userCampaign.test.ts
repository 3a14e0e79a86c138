/**
 * runCampaign over the user's own properties, passed in beside catalog ids: objects run in
 * the calling thread (said in the run when workers were asked), a property module on the
 * pool, and the same results either way; bad properties and bad ids are named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../model/inputError.ts';
import type { CampaignRun } from './campaign.ts';
import { checkProperty, runCampaign } from './libraryCalls.ts';
import { noCrash, runEnds, throwing, undefinedCheck } from './userPropertyFixture.ts';
import { PropertyFailure } from './userProperties.ts';

const seed = 20090313;
const FIXTURE = fileURLToPath(new URL('./userPropertyFixture.ts', import.meta.url));
const options = { seed, runs: 5, shard: null, swarm: false };
const CATALOG_ID = 'single-instance-never-down';

let dir: string;
beforeAll(() => {
  console.log(`user campaign tests: seed ${seed}`);
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-user-properties-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A property module in the temporary directory: `source` is its text. */
function moduleFile(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

const verdicts = (run: CampaignRun) => run.results.map((r) => [r.id, r.variant, r.verdict]);
const timeless = (run: CampaignRun) => run.results.map((r) => ({ ...r, durationMs: 0 }));

describe('runCampaign with properties of your own', () => {
  it('runs a config naming a catalog id and yours: the catalog first, then yours, each judged', async () => {
    const run = await runCampaign({ name: 'mine', campaign: { properties: [runEnds.id, CATALOG_ID, noCrash.id] } }, { ...options, properties: [runEnds, noCrash] });
    expect(run.complete).toBe(true);
    expect(verdicts(run)).toEqual([
      [CATALOG_ID, null, 'fails'],
      [runEnds.id, null, 'holds'],
      [noCrash.id, null, 'fails'],
    ]);
    expect(run.results[2]!.counterexample?.violation.seen).toMatch(/crashed$/);
    expect(run.inCallingThread).toBeUndefined();
  });

  it('with workers: a module runs on the pool, objects in this thread (and the run says which), the same results as in one thread', async () => {
    const config = { name: 'mine', campaign: { properties: [CATALOG_ID, noCrash.id, runEnds.id, throwing.id] } };
    const alone = await runCampaign({ ...config, campaign: { properties: [CATALOG_ID, noCrash.id, runEnds.id] } }, { ...options, propertyModules: [FIXTURE] });
    const pooled = await runCampaign({ ...config, campaign: { properties: [CATALOG_ID, noCrash.id, runEnds.id] } }, { ...options, workers: 2, propertyModules: [pathToFileURL(FIXTURE)] });
    expect(pooled.complete).toBe(true);
    expect(pooled.inCallingThread).toBeUndefined();
    expect(timeless(pooled)).toEqual(timeless(alone));
    expect(verdicts(pooled)).toEqual([
      [CATALOG_ID, null, 'fails'],
      [runEnds.id, null, 'holds'],
      [noCrash.id, null, 'fails'],
    ]);

    const mixed = await runCampaign({ name: 'mixed', campaign: { properties: [CATALOG_ID, runEnds.id, 'fixture.mine'] } }, { ...options, workers: 2, propertyModules: [FIXTURE], properties: [{ ...runEnds, id: 'fixture.mine' }] });
    expect(mixed.complete).toBe(true);
    expect(mixed.inCallingThread).toEqual(['fixture.mine']);
    expect(verdicts(mixed)).toEqual([
      [CATALOG_ID, null, 'fails'],
      [runEnds.id, null, 'holds'],
      ['fixture.mine', null, 'holds'],
    ]);
    // The object ran the same checks as the module's copy of it, in another thread.
    expect({ ...mixed.results[2]!, id: '', durationMs: 0 }).toEqual({ ...mixed.results[1]!, id: '', durationMs: 0 });
  });
});

describe('the compiled package (dist/, plain Node)', () => {
  it('loads a TypeScript property module in its worker threads (with tsx, found from the module)', () => {
    const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const script = `const { runCampaign } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
const run = await runCampaign({ name: 'ts', campaign: { properties: [${JSON.stringify(runEnds.id)}, ${JSON.stringify(noCrash.id)}] } }, { seed: ${seed}, runs: 5, shard: null, swarm: false, workers: 2, propertyModules: [${JSON.stringify(FIXTURE)}] });
console.log(JSON.stringify({ complete: run.complete, inCallingThread: run.inCallingThread ?? null, results: run.results.map((r) => [r.id, r.verdict]) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ complete: true, inCallingThread: null, results: [[runEnds.id, 'holds'], [noCrash.id, 'fails']] });
  });
});

describe('under a policy', () => {
  it('holds your properties to it beside the policy bar', async () => {
    const run = await runCampaign({ name: 'bar', campaign: { properties: ['recovery-eventually-completes', runEnds.id] } }, { ...options, policy: { params: { kind: 'serial' } }, properties: [runEnds] });
    expect(run.results.map((r) => [r.id, r.variant, r.expected])).toEqual([
      ['recovery-eventually-completes', 'policy serial', 'holds'],
      [runEnds.id, 'policy serial', 'holds'],
    ]);
    expect(run.results[1]!.verdict).toBe('holds');
    expect(run.results[1]!.policy).toBe('serial');
  });
});

describe('a property that breaks its contract stops the campaign, named; what finished is kept', () => {
  it.each([
    ['throws', throwing, 'property "fixture.throwing": check threw: no trace for me (checking fixture.throwing)'],
    ['answers undefined', undefinedCheck, 'property "fixture.undefined": check returned undefined; expected null (it holds) or a violation { atS: number, expected: string, seen: string } (checking fixture.undefined)'],
  ])('one that %s (in this thread)', async (_what, property, failure) => {
    const run = await runCampaign({ name: 'bad', campaign: { properties: [CATALOG_ID, property.id, runEnds.id] } }, { ...options, properties: [property, runEnds] });
    expect(run.complete).toBe(false);
    expect(run.propertyFailure).toBe(failure);
    expect(verdicts(run)).toEqual([[CATALOG_ID, null, 'fails']]);
  });

  it('one of a module, in a worker thread', async () => {
    // TypeScript, as the tests' workers load TypeScript (the packed package's test runs JavaScript modules).
    const module = moduleFile('throwing.ts', `import { throwing } from ${JSON.stringify(FIXTURE)};\nexport default throwing;\n`);
    const run = await runCampaign({ name: 'bad', campaign: { properties: [CATALOG_ID, throwing.id] } }, { ...options, workers: 1, propertyModules: [module] });
    expect(run.complete).toBe(false);
    expect(run.propertyFailure).toBe('property "fixture.throwing": check threw: no trace for me (checking fixture.throwing)');
    expect(verdicts(run)).toEqual([[CATALOG_ID, null, 'fails']]);
  });

  it('checkProperty throws a PropertyFailure naming it, not a counterexample of its own making', () => {
    expect(() => checkProperty(throwing, { seed, runs: 5 })).toThrow(PropertyFailure);
    expect(() => checkProperty(undefinedCheck, { seed, runs: 5 })).toThrow('property "fixture.undefined": check returned undefined');
    expect(() => checkProperty({ ...runEnds, scenarios: () => 'scenarios' } as never, { seed, runs: 5 })).toThrow('property "fixture.run-ends": scenarios returned "scenarios"; expected a fast-check arbitrary of scenarios');
  });
});

describe('bad properties and ids are InputErrors naming them, before any run', () => {
  const bad = async (config: { properties?: string[] }, more: object) => {
    let seen: unknown = null;
    let started = 0;
    try {
      await runCampaign({ name: 'bad', campaign: config }, { ...options, onTaskStart: () => started++, ...more });
    } catch (error) {
      seen = error;
    }
    expect(seen).toBeInstanceOf(InputError);
    expect(started).toBe(0);
    return (seen as Error).message;
  };

  it('an id given twice', async () => {
    expect(await bad({ properties: [runEnds.id] }, { properties: [runEnds, { ...noCrash, id: runEnds.id }] })).toBe('properties: properties.1.id: expected an id not given before (properties.0 is already "fixture.run-ends"), found "fixture.run-ends"');
  });

  it('an id of the catalog', async () => {
    expect(await bad({ properties: [runEnds.id] }, { properties: [{ ...runEnds, id: CATALOG_ID }] })).toBe(`properties: properties.0.id: expected an id of your own (the catalog has a property of that id), found "${CATALOG_ID}"`);
  });

  it('an id in a module and among the objects', async () => {
    expect(await bad({ properties: [runEnds.id] }, { propertyModules: [FIXTURE], properties: [{ ...noCrash, id: runEnds.id }] })).toBe(`properties: properties.0.id: expected an id not given before (${FIXTURE}: default.0 is already "fixture.run-ends"), found "fixture.run-ends"`);
  });

  it('an id the config names and nobody defines, with what it may have meant', async () => {
    expect(await bad({ properties: [CATALOG_ID, 'fixture.run-end'] }, { properties: [runEnds] })).toBe('config: campaign.properties.1: expected the id of a catalog property or of one of your properties; did you mean fixture.run-ends?, found "fixture.run-end"');
  });

  it('a property of the wrong shape, each field named', async () => {
    const message = await bad({}, { properties: [{ ...runEnds, check: 'null', expectation: 'maybe', mustSee: [{ id: 'x', description: 'x', minShare: 2, reached: () => true }] }] });
    expect(message).toMatch(/^properties: /);
    expect(message).toContain('properties.0.check: expected Function, found "null"');
    expect(message).toContain('properties.0.expectation: expected ');
    expect(message).toContain('properties.0.mustSee.0.minShare: expected a number ≤ 1, found 2');
  });

  it('a module without a default export, or one that does not load', async () => {
    const none = moduleFile('none.mjs', 'export const mine = {};\n');
    expect(await bad({}, { propertyModules: [none] })).toBe(`${none}: default: expected a default export: a property definition or a list of them, found undefined`);
    const broken = moduleFile('broken.mjs', "throw new Error('no config file');\n");
    expect(await bad({}, { propertyModules: [broken] })).toBe(`${broken}: (top level): expected a JavaScript or TypeScript module that loads, found no config file`);
  });
});
