/**
 * Hostile manifests and logs: fast-check breaks the example cluster's objects and the sample
 * log at a random path (wrong types, missing fields, odd numbers, long strings, deep nesting)
 * or cuts the log's text anywhere; reading must either succeed or stop with an InputError —
 * never any other exception.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '../cli/cliProcess.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { clusterDir, removeClusterDirs } from '../kubernetes/clusterFixture.ts';
import { InputError } from '../model/inputError.ts';
import { chooseRuns, chooseSeed } from '../properties/seeds.ts';
import { parseEventLog } from './eventLog.ts';

afterAll(removeClusterDirs);
const { seed } = chooseSeed();
const RUNS = chooseRuns(60);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, -1, 0, 1.5, 1e308, '', '0%', '101%', '-5m', 'x'.repeat(100_000), [], {}, nested(1_000)),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...children.slice(0, 8).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** The document with the value at `path` replaced, or deleted when `value` is undefined. */
function broken(document: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(document);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** Rejections seen, so a test that never broke anything cannot pass. */
let rejected = 0;

function expectInputErrorOrNothing(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    expect(error, String((error as Error).stack)).toBeInstanceOf(InputError);
    rejected++;
  }
}

afterAll(() => expect(rejected).toBeGreaterThan(RUNS));

const exampleDir = join(PROJECT_ROOT, 'examples', 'cluster');
const objects: { file: string; value: Json }[] = readdirSync(exampleDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(join(exampleDir, file), 'utf8')).map((d) => ({ file, value: d.toJS() as Json })));
const flags = readFileSync(join(exampleDir, 'kube-apiserver.flags'), 'utf8');

describe('hostile manifests', () => {
  it(`reading a broken example cluster succeeds or is an InputError (seed ${seed}, ${RUNS} runs)`, () => {
    const cases = fc.nat().chain((which) => {
      const target = objects[which % objects.length]!;
      return fc.record({ which: fc.constant(which % objects.length), path: fc.constantFrom(...pathsOf(target.value)), value: fc.option(hostile, { nil: undefined }) });
    });
    fc.assert(
      fc.property(cases, ({ which, path, value }) => {
        const files: Record<string, string> = { 'kube-apiserver.flags': flags };
        objects.forEach((o, i) => {
          files[`${String(i).padStart(2, '0')}-${o.file.replace('.yaml', '.json')}`] = JSON.stringify(i === which ? broken(o.value, path, value) : o.value);
        });
        expectInputErrorOrNothing(() => readCluster(clusterDir(files)));
      }),
      { seed, numRuns: RUNS },
    );
  });
});

describe('hostile event logs', () => {
  const text = readFileSync(join(PROJECT_ROOT, 'examples', 'cluster-events.json'), 'utf8');
  const log = JSON.parse(text) as { items: Json[] };

  it(`a broken event succeeds or is an InputError (seed ${seed}, ${RUNS} runs)`, () => {
    const cases = fc.nat(log.items.length - 1).chain((which) => fc.record({ which: fc.constant(which), path: fc.constantFrom(...pathsOf(log.items[which]!)), value: fc.option(hostile, { nil: undefined }) }));
    fc.assert(
      fc.property(cases, ({ which, path, value }) => {
        const items = log.items.map((item, i) => (i === which ? broken(item, path, value) : item));
        expectInputErrorOrNothing(() => parseEventLog('hostile.json', JSON.stringify({ ...log, items })));
      }),
      { seed, numRuns: RUNS },
    );
  });

  it(`a log cut anywhere is read or is an InputError (seed ${seed}, ${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.nat(text.length), (at) => expectInputErrorOrNothing(() => parseEventLog('cut.json', text.slice(0, at)))),
      { seed, numRuns: RUNS },
    );
  });
});
