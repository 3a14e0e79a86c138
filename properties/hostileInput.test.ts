/**
 * Hostile input: fast-check breaks valid documents (a scenario, a campaign config, a
 * counterexample) at a random path — wrong types, missing and unknown fields, negative,
 * fractional, NaN and huge numbers, megabyte strings, deep nesting — and every loader must
 * reject it with an InputError naming fields, never crash with anything else, never hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/inputError.ts';
import { parseScenario } from '../model/scenarioSchema.ts';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { parseCampaignConfig } from './campaignConfig.ts';
import { parseCounterexample } from './counterexample.ts';
import { checkProperty } from './checkProperty.ts';
import { singleInstanceNeverDown } from './catalog/singleInstanceNeverDown.ts';
import { chooseSeed } from './seeds.ts';

const { seed } = chooseSeed();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function deeplyNested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, -1, 0, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 2 ** 53 + 2, '', 'x'.repeat(1_000_000), [], {}),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(deeplyNested(5_000)),
  fc.array(fc.anything(), { maxLength: 5 }),
);

/** Every path of a JSON document, as key lists. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...children.slice(0, 6).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

function mutate(document: Json, path: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(document) as Json;
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : mutation.kind === 'add' ? { ...(copy as object), [mutation.key]: mutation.value } : undefined;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  if (mutation.kind === 'add') {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[mutation.key] = mutation.value;
    else parent[last] = mutation.value;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  hostileValue.map((value) => ({ kind: 'replace' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ key: fc.constantFrom('unknownField', '__proto__', 'constructor', 'x'.repeat(300)), value: hostileValue }).map((m) => ({ kind: 'add' as const, ...m })),
);

function expectRejectedOrValid(parse: (input: unknown) => unknown, input: unknown): void {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.expected.length).toBeGreaterThan(0);
      expect(issue.received.length).toBeLessThanOrEqual(80);
    }
    expect((error as InputError).message.length).toBeLessThan(20_000);
  }
}

function fuzz(name: string, document: Json, parse: (input: unknown) => unknown): void {
  it(`${name}: every broken document is rejected with the fields named`, () => {
    const paths = pathsOf(document);
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), mutation, (pathIndex, m) => expectRejectedOrValid(parse, mutate(document, paths[pathIndex]!, m))),
      { seed, numRuns: 300 },
    );
  });
}

const scenario = JSON.parse(JSON.stringify(incidentScenario())) as Json;
const config = { name: 'hostile', campaign: { runs: 10, seed: 1, properties: ['single-instance-never-down'] }, sweep: { properties: ['serial-recovery-bounded'], runs: 5, grid: { healing: ['serial'], concurrency: [1, 2], fencing: [true] } } };
const counterexample = JSON.parse(JSON.stringify(checkProperty(singleInstanceNeverDown, { seed, runs: 50 }).counterexample)) as Json;

describe('hostile input', () => {
  fuzz('scenario', scenario, (input) => parseScenario(input));
  fuzz('campaign config', config, (input) => parseCampaignConfig(input));
  fuzz('counterexample', counterexample, (input) => parseCounterexample(input));

  it('sparse domain labels are fine, but more instances than the servers hold is rejected', () => {
    const tooMany = { ...(scenario as object), topology: { servers: [{ id: 'a', faultDomain: 7, updateDomain: 9, capacity: 1 }], apps: [{ id: 'x', roles: [{ id: 'r', instances: 2 }] }] } };
    expect(() => parseScenario(tooMany)).toThrow(/topology\.apps: expected at most 1 instances in all/);
  });
});
