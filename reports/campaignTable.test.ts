import picocolors from 'picocolors';
import { describe, expect, it } from 'vitest';
import { campaignTable, replaySentence } from './campaignTable.ts';
import { ciFixture } from './ciFormatsFixture.ts';

describe('campaignTable', () => {
  it('one row a property in a box table, counts agreeing in number', () => {
    const text = campaignTable(ciFixture());
    const rows = text.split('\n');
    expect(rows[1]).toMatch(/^│ property\s+│ expected │ verdict │ runs │ time │ counterexample\s+│$/);
    expect(text).toMatch(/│ single-instance-never-down\s+│ fails\s+│ ✓ fails │\s+1 │ 0\.3s │ 1 fault, 1 failed server\s+│/);
    expect(text).toMatch(/│ parallel-recovery-bounded \(serial\) │ holds\s+│ ✗ fails │\s+3 │ 0\.3s │ 2 faults, 2 failed servers │/);
    expect(text).toContain('3 checks, 1 verdict differs from its expectation.');
    expect(text).toContain('Determinism: 3 runs simulated twice, each story identical.');
    expect(text).not.toContain('\x1b[');
    const two = ciFixture();
    const both = campaignTable({ ...two, properties: two.properties.map((p) => ({ ...p, matches: false })) });
    expect(both).toContain('3 checks, 3 verdicts differ from their expectations.');
  });

  it('coloured when asked, as the report: holds green, an expected failure blue, a mismatch red', () => {
    const colors = picocolors.createColors(true);
    const text = campaignTable(ciFixture(), colors);
    expect(text).toContain(colors.green('✓ holds'));
    expect(text).toContain(colors.blue('✓ fails'));
    expect(text).toContain(colors.red(colors.bold('✗ fails')));
    expect(text).toContain(colors.red('1 verdict differs from its expectation'));
  });

  it('replaySentence agrees in number', () => {
    expect(replaySentence({ replayed: 1, stillFailing: 1 })).toBe('replayed 1 stored counterexample: 1 still fails');
    expect(replaySentence({ replayed: 2, stillFailing: 0 })).toBe('replayed 2 stored counterexamples: 0 still fail');
  });
});
