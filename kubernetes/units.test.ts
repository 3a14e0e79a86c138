/**
 * The small grammars manifests and flags are written in: Go durations, resource quantities,
 * IntOrString counts, label selectors.
 */
import { describe, expect, it } from 'vitest';
import { parseGoDurationS } from './goDuration.ts';
import { scaledCount } from './intOrPercent.ts';
import { selects } from './labelSelector.ts';
import { parseQuantity } from './quantity.ts';

describe('Go durations', () => {
  it('reads what kube-controller-manager accepts', () => {
    expect(parseGoDurationS('40s')).toBe(40);
    expect(parseGoDurationS('5m0s')).toBe(300);
    expect(parseGoDurationS('1h30m')).toBe(5400);
    expect(parseGoDurationS('1.5m')).toBe(90);
    expect(parseGoDurationS('300ms')).toBeCloseTo(0.3);
    expect(parseGoDurationS('0')).toBe(0);
  });
  it('refuses what it does not', () => {
    for (const bad of ['40', 's', '5 m', '1d', '', 'forty', '1h30']) expect(parseGoDurationS(bad), bad).toBeNull();
  });
});

describe('resource quantities', () => {
  it('reads decimal, binary and milli suffixes and exponents', () => {
    expect(parseQuantity('3920m')).toBeCloseTo(3.92);
    expect(parseQuantity('4')).toBe(4);
    expect(parseQuantity('16Gi')).toBe(16 * 2 ** 30);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('129e6')).toBe(129e6);
    expect(parseQuantity(2)).toBe(2);
  });
  it('refuses what is not a quantity', () => {
    for (const bad of ['lots', '1GB', '', '1.2.3', 'Mi']) expect(parseQuantity(bad), bad).toBeNull();
  });
});

describe('IntOrString counts', () => {
  it('scales percentages against the total, rounding as asked', () => {
    expect(scaledCount('25%', 10, false)).toBe(2);
    expect(scaledCount('25%', 10, true)).toBe(3);
    expect(scaledCount(3, 10, true)).toBe(3);
    expect(scaledCount('3', 10, true)).toBe(3);
    expect(scaledCount('half', 10, true)).toBeNull();
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };
  it('match every requirement, an empty selector everything', () => {
    expect(selects({}, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'db' } }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, labels)).toBe(false);
  });
});
