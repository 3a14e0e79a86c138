/**
 * canonicalJson is now safe-stable-stringify's; stored regression files are named by the hash
 * of its text, so it must write exactly what the hand-written version wrote. That version is
 * kept here as the oracle, and fast-check compares the two on any JSON value, with integer-like
 * keys, undefined fields and awkward strings mixed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentAddress } from './regressionDatabase.ts';
import { canonicalJson } from './canonicalJson.ts';

/** The former implementation, verbatim. */
function formerCanonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

const key = fc.oneof(fc.string(), fc.nat({ max: 20_000 }).map(String), fc.constantFrom('0', '01', '-1', '1.5', '4294967294', '4294967295', '__proto__x', 'a', 'B', 'é'));
const value = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string({ unit: 'binary' }), tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }),
  object: fc.dictionary(key, fc.oneof(tie('json'), fc.constant(undefined)), { maxKeys: 6 }),
}));

describe('canonicalJson', () => {
  it('writes exactly what the former hand-written version wrote', () => {
    fc.assert(
      fc.property(value.json, (v) => {
        expect(canonicalJson(v)).toBe(formerCanonicalJson(v));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });

  it('keeps a stored file name: the content address of a fixed identity is unchanged', () => {
    const identity = { propertyId: 'single-instance-never-down', variant: 'fencing off', scenario: { name: 'ünïcode "quoted" \u2028 line', zeta: [3, 1.5, -0, 1e21, { b: null, a: [true, false], '10': 'x', '2': 'y' }], alpha: { nested: { z: 1, y: undefined, x: 'é' } }, horizonS: 7200 } };
    // Computed with the former implementation before the switch.
    expect(contentAddress(identity as never)).toBe('4776c9b7931ecf886b585ef44d0b827bc7a69a1ab32bdc5f8fc0b59b517da9a1');
  });
});
