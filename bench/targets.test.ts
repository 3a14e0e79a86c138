import { describe, expect, it } from 'vitest';
import { benchTable } from './benchTable.ts';
import type { BenchReport } from './report.ts';
import { judgeTargets } from './targets.ts';

const empty: BenchReport = {
  node: 'v20',
  cpus: 2,
  cpuModel: 'cpu',
  loadAverage: { start: 0, end: 0 },
  simulator: null,
  runsPerSecond: null,
  runsPerSecondDetail: null,
  incidentRunsPerSecond: null,
  counterexamples: null,
  scaling: null,
  parallel: null,
  explore: null,
};

const point = (servers: number, nsPerEvent: number, wallMs: number, heapMB: number) => ({
  servers,
  events: 1000,
  wallMs,
  nsPerEvent,
  cpuNsPerEvent: nsPerEvent,
  setupMs: 1,
  heapMB,
  baselineHeapMB: 8,
  peakRssMB: heapMB * 2,
  repetitions: 1,
  end: 'quiescent',
});

describe('targets', () => {
  it('are not judged for sections that did not run', () => {
    expect(judgeTargets(empty).every((t) => t.met === null)).toBe(true);
  });

  it('judge scaling: time, heap and ns/event against the smallest size', () => {
    const report = { ...empty, scaling: [point(10, 1000, 10, 10), point(5000, 1200, 4000, 190), point(20_000, 1600, 30_000, 700)] };
    const byTarget = Object.fromEntries(judgeTargets(report).map((t) => [t.target, t.met]));
    expect(byTarget['ns/event at 20,000 servers ≤ 1.5× ns/event at 10']).toBe(false);
    expect(byTarget['5,000 servers in < 5 s']).toBe(true);
    expect(byTarget['5,000 servers in < 200 MB heap']).toBe(true);
    expect(byTarget['a 20,000-server incident completes']).toBe(true);
    const flat = { ...empty, scaling: [point(10, 1000, 10, 10), point(5000, 1200, 6000, 250), point(20_000, 1400, 30_000, 700)] };
    const judged = Object.fromEntries(judgeTargets(flat).map((t) => [t.target, t.met]));
    expect(judged['ns/event at 20,000 servers ≤ 1.5× ns/event at 10']).toBe(true);
    expect(judged['5,000 servers in < 5 s']).toBe(false);
    expect(judged['5,000 servers in < 200 MB heap']).toBe(false);
  });

  it('count a counterexample missed on most seeds as not found, whatever its time', () => {
    const timing = { id: 'p', variant: null, findMs: 1, shrinkMs: 1, totalMs: 2, shrinks: 1, found: 2, seeds: 5 };
    const [, , counterexamples] = judgeTargets({ ...empty, counterexamples: [timing] });
    expect(counterexamples!.met).toBe(false);
    expect(counterexamples!.measured).toContain('p 2/5 seeds');
  });

  it('print as a table with every target', () => {
    const text = benchTable(empty, judgeTargets(empty));
    expect(text).toContain('Targets');
    expect(text.split('\n').filter((l) => l.includes('not measured'))).toHaveLength(10);
  });
});
