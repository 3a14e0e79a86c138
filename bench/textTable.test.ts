/**
 * The bench's tables are the CLI's one table (reports/textTable.ts, cli-table3), not hand padding.
 */
import { describe, expect, it } from 'vitest';
import { textTable } from './textTable.ts';
import { profileSummaryText } from './profileSummary.ts';

describe('bench text tables', () => {
  it('draw through cli-table3: boxed, every line the same width, figures right-aligned, indented', () => {
    const text = textTable(['servers', 'wall ms', 'speedup'], [['20,000', '1,234', '1.00×'], ['5', '7', '12.50×']]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^ {2}┌─/);
    expect(lines.find((l) => l.includes('servers'))).toMatch(/^ {2}│ servers │ wall ms │ speedup │$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    // Right-aligned: the short figures end where the long ones do.
    expect(lines.find((l) => l.includes('12.50×'))).toMatch(/│ 5\s+│\s+7 │\s+12\.50× │$/);
  });

  it('the profile summary is tables too', () => {
    const text = profileSummaryText('check', { totalMs: 10, functions: [{ name: 'simulate', share: 61.25, selfMs: 6 }], files: [{ name: 'model/simulator/fabric.ts', share: 40, selfMs: 4 }] });
    expect(text).toMatch(/│ simulate\s+│ +61\.3% │ +6 ms │/);
    expect(text).toMatch(/│ model\/simulator\/fabric\.ts │ +40\.0% │ +4 ms │/);
  });
});
