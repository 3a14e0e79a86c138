/**
 * The regression database's files: named by content (stable whatever the key order, different
 * for another property, variant or scenario), stored once, read back in order, and a file
 * that does not parse is reported and skipped, never fatal.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTimings } from '../../model/timings.ts';
import { rackedServers } from '../../model/topology.ts';
import { basePolicy } from '../arbitraries/scenarioArbitrary.ts';
import { COUNTEREXAMPLE_FORMAT, type Counterexample } from '../counterexample.ts';
import { canonicalJson } from './canonicalJson.ts';
import { contentAddress, readRegressions, regressionFileName, storeRegression } from './regressionDatabase.ts';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fabric-verify-regressions-'));
  folders.push(folder);
  return folder;
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const counterexample: Counterexample = {
  format: COUNTEREXAMPLE_FORMAT,
  propertyId: 'single-instance-never-down',
  variant: null,
  seed: 7,
  path: '3:0',
  shrinks: 4,
  violation: { atS: 60, expected: 'single-instance app app0 never down', seen: 'app0 down (every instance of a role stopped)' },
  scenario: {
    name: 'one crash',
    topology: { servers: rackedServers(2, 1, 1, 2), apps: [{ id: 'app0', roles: [{ id: 'role0', instances: 1 }] }] },
    policy: basePolicy,
    timings: defaultTimings,
    faults: [{ kind: 'crash', atS: 0, serverId: 's00' }],
    horizonS: 7200,
  },
};

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])]));
}

describe('content addressing', () => {
  it('canonical JSON sorts keys at every depth and leaves out undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[{"e":2,"f":1}]},"b":1}');
  });

  it('is stable: the same property, variant and scenario give the same name, whatever the key order', () => {
    const name = regressionFileName(counterexample);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(regressionFileName(reversedKeys(counterexample) as Counterexample)).toBe(name);
    // Only what the counterexample is counts, not how it was found.
    const refound: Counterexample = { ...counterexample, seed: 99, path: '0', shrinks: 0 };
    expect(regressionFileName(refound)).toBe(name);
  });

  it('differs for another property, variant or scenario', () => {
    const address = contentAddress(counterexample);
    expect(contentAddress({ ...counterexample, propertyId: 'multi-instance-correlated-failure' })).not.toBe(address);
    expect(contentAddress({ ...counterexample, variant: 'fencing off' })).not.toBe(address);
    expect(contentAddress({ ...counterexample, scenario: { ...counterexample.scenario, faults: [{ kind: 'crash', atS: 1, serverId: 's00' }] } })).not.toBe(address);
  });

  it('is idempotent: storing twice keeps one file, the first one found', () => {
    const folder = freshFolder();
    const file = storeRegression(folder, counterexample);
    const again = storeRegression(folder, { ...counterexample, seed: 99 });
    expect(again).toBe(file);
    expect(readdirSync(folder)).toEqual([regressionFileName(counterexample)]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(counterexample);
  });
});

describe('reading the database', () => {
  it('reads every entry back, in file-name order; a missing folder is an empty database', () => {
    const folder = freshFolder();
    const second = { ...counterexample, variant: 'fencing off' };
    storeRegression(folder, counterexample);
    storeRegression(folder, second);
    const { entries, skipped } = readRegressions(folder);
    expect(skipped).toEqual([]);
    expect(entries.map((e) => e.file)).toEqual([regressionFileName(counterexample), regressionFileName(second)].sort().map((name) => join(folder, name)));
    expect(readRegressions(join(folder, 'no-such-folder'))).toEqual({ entries: [], skipped: [] });
  });

  it('reports and skips entries that do not parse: not JSON, a bad field, not a counterexample', () => {
    const folder = freshFolder();
    storeRegression(folder, counterexample);
    writeFileSync(join(folder, 'a-truncated.json'), '{ "format": ');
    writeFileSync(join(folder, 'b-bad-field.json'), JSON.stringify({ ...counterexample, shrinks: -1 }));
    writeFileSync(join(folder, 'c-not-a-counterexample.json'), '[1, 2, 3]');
    writeFileSync(join(folder, 'notes.txt'), 'not an entry: ignored');
    const { entries, skipped } = readRegressions(folder);
    expect(entries.map((e) => e.counterexample)).toEqual([counterexample]);
    expect(skipped.map((s) => s.file)).toEqual(['a-truncated.json', 'b-bad-field.json', 'c-not-a-counterexample.json'].map((name) => join(folder, name)));
    expect(skipped[0]!.reason).toMatch(/^does not parse: \(top level\): expected valid JSON/);
    expect(skipped[1]!.reason).toMatch(/^does not parse: shrinks: expected/);
    expect(skipped[2]!.reason).toMatch(/^does not parse: /);
  });

  it('a database path that is a file is bad input, before anything runs', () => {
    const file = join(freshFolder(), 'not-a-folder');
    writeFileSync(file, '');
    expect(() => readRegressions(file)).toThrow(/not-a-folder: regressions: expected a folder \(the regression database\), found a file/);
  });
});
