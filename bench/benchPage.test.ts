import { describe, expect, it } from 'vitest';
import { benchPage } from './benchPage.ts';
import type { BenchReport } from './report.ts';
import { judgeTargets } from './targets.ts';

const point = (servers: number, nsPerEvent: number) => ({
  servers,
  events: 100 * servers,
  wallMs: servers,
  nsPerEvent,
  cpuNsPerEvent: nsPerEvent - 1,
  setupMs: 1,
  heapMB: 10,
  baselineHeapMB: 8,
  peakRssMB: 50,
  repetitions: 1,
  end: 'quiescent',
});

const report: BenchReport = {
  node: 'v20',
  cpus: 2,
  cpuModel: 'cpu <x>',
  loadAverage: { start: 0, end: 0 },
  simulator: null,
  runsPerSecond: null,
  runsPerSecondDetail: null,
  incidentRunsPerSecond: null,
  counterexamples: null,
  scaling: [point(10, 20_000), point(20_000, 26_000)],
  parallel: null,
  explore: null,
};

describe('bench page', () => {
  it('shows cost per event against fleet size as a table, the chart data and the targets, offline and escaped', () => {
    const html = benchPage(report, judgeTargets(report));
    expect(html).toContain('<td>20,000</td><td>2,000,000</td>');
    expect(html).toContain('<td>1.30×</td>');
    expect(html).toContain('id="scaling-chart"');
    expect(JSON.parse(/<script type="application\/json" id="scaling-data">(.*?)<\/script>/s.exec(html)![1]!)).toHaveLength(2);
    expect(html).toContain('ns/event at 20,000 servers ≤ 1.5× ns/event at 10');
    expect(html).toContain('cpu &lt;x&gt;');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
