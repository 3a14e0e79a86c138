import { describe, expect, it } from 'vitest';
import { oneOf, propertyIds } from './options.ts';

describe('propertyIds', () => {
  it('takes a comma list, a repeated flag, and drops repeats', () => {
    const first = propertyIds('storage-unaffected,upgrade-terminates');
    expect(first).toEqual(['storage-unaffected', 'upgrade-terminates']);
    expect(propertyIds('upgrade-terminates, alert-raised-in-time', first)).toEqual(['storage-unaffected', 'upgrade-terminates', 'alert-raised-in-time']);
  });

  it('refuses an unknown id, naming the flag, with a did-you-mean or the list', () => {
    expect(() => propertyIds('storage-unafected')).toThrow('--property: expected a catalog property id, found "storage-unafected"; did you mean storage-unaffected?');
    expect(() => propertyIds('meteor')).toThrow(/found "meteor" \(the ids: single-instance-never-down, .*storage-unaffected/);
    expect(() => propertyIds(',')).toThrow('--property: expected a catalog property id, found ","');
  });
});

describe('oneOf', () => {
  it('takes a listed word and refuses another with a did-you-mean', () => {
    const policy = oneOf('--policy', ['serial', 'parallel'] as const);
    expect(policy('serial')).toBe('serial');
    expect(() => policy('paralel')).toThrow('--policy: expected one of serial, parallel, found "paralel"; did you mean parallel?');
  });
});
