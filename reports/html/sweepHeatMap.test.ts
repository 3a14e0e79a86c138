import { describe, expect, it } from 'vitest';
import type { SweepCell, SweepSummary } from '../summary.ts';
import { render } from './markup.ts';
import { cellCounterexampleFile, sweepHeatMap } from './sweepHeatMap.ts';

const cell = (healing: string, verdicts: Record<string, 'holds' | 'fails'>, extra: object = {}) => ({ point: { healing }, verdicts, ...extra }) as SweepCell;

describe('the sweep heat map', () => {
  const sweep: SweepSummary = {
    parameters: ['healing'],
    properties: ['p', 'q'],
    cells: [
      cell('serial', { p: 'fails', q: 'holds' }, { counterexamples: { p: { file: 'counterexamples/sweep/healing=serial--p.json' } } }),
      cell('parallel', { p: 'fails', q: 'fails' }, { counterexample: { file: 'counterexamples/sweep/healing=parallel--q.json', property: 'q' } }),
      cell('adaptive', { p: 'fails' }, { counterexamples: { p: { file: 'javascript:alert(1)' } } }),
    ],
  };

  it('finds each failing cell’s counterexample file in either shape the sweep may write', () => {
    expect(cellCounterexampleFile(sweep.cells[0]!, 'p')).toBe('counterexamples/sweep/healing=serial--p.json');
    expect(cellCounterexampleFile(sweep.cells[1]!, 'q')).toBe('counterexamples/sweep/healing=parallel--q.json');
    expect(cellCounterexampleFile(sweep.cells[1]!, 'p')).toBeNull();
  });

  it('links each failing cell to its file, never a path leaving the report folder, and marks cells not checked', () => {
    const html = render(sweepHeatMap(sweep, [{ policy: 'healing=serial', instances: 1, appRuns: 10, downAppRuns: 3, shareDown: 0.3, p50S: 5, p99S: 9, maxS: 9, durationsS: [1, 5, 9] }]));
    expect(html).toContain('<a href="counterexamples/sweep/healing%3Dserial--p.json" class="cx-link">fails ↗</a>');
    expect(html).toContain('<a href="counterexamples/sweep/healing%3Dparallel--q.json" class="cx-link">fails ↗</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html.match(/class="cx-link"/g)?.length).toBe(2);
    expect(html).toContain('title="not checked (the sweep was interrupted)"');
    expect(html).toContain('<td class="num down-share" title="3 of 10 app-runs down for a while, longest 9 s">30.0%</td>');
  });
});
