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
  liveHeapMB: heapMB / 4,
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
    const capped = (completed: boolean, wallMs: number) => ({ capMB: 200, completed, point: completed ? point(5000, 1200, wallMs, 150) : null, ...(completed ? {} : { failure: 'exited 134' }) });
    const report = { ...empty, scaling: [point(10, 1000, 10, 10), point(5000, 1200, 4000, 190), point(20_000, 1600, 30_000, 700)], scalingCapped: capped(true, 4500) };
    const byTarget = Object.fromEntries(judgeTargets(report).map((t) => [t.target, t.met]));
    expect(byTarget['ns/event at 20,000 servers ≤ 1.5× ns/event at 10']).toBe(false);
    expect(byTarget['5,000 servers in < 5 s']).toBe(true);
    expect(byTarget['5,000 servers in < 200 MB heap']).toBe(true);
    expect(byTarget['a 20,000-server incident completes']).toBe(true);
    const flat = { ...empty, scaling: [point(10, 1000, 10, 10), point(5000, 1200, 6000, 250), point(20_000, 1400, 30_000, 700)], scalingCapped: capped(false, 0) };
    const judged = Object.fromEntries(judgeTargets(flat).map((t) => [t.target, t.met]));
    expect(judged['ns/event at 20,000 servers ≤ 1.5× ns/event at 10']).toBe(true);
    expect(judged['5,000 servers in < 5 s']).toBe(false);
    expect(judged['5,000 servers in < 200 MB heap']).toBe(false);
    // Held little, but too slow once the heap is capped: still missed.
    const slowUnderCap = { ...report, scalingCapped: capped(true, 5200) };
    expect(Object.fromEntries(judgeTargets(slowUnderCap).map((t) => [t.target, t.met]))['5,000 servers in < 200 MB heap']).toBe(false);
    // Without the capped run the heap target is not judged at all.
    expect(judgeTargets({ ...report, scalingCapped: null }).find((t) => t.target === '5,000 servers in < 200 MB heap')!.met).toBeNull();
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
  it('judge the pool against 1.8× and say what the machine itself allows beside it', () => {
    const parallel = {
      workers: 2, oneWorkerMs: 15_000, allCoresMs: 13_000, speedup: 1.15, shardMs: [11_000, 13_000], poolMs: 12_000, poolSpeedup: 1.25, tasks: 32, verdictsMatch: true,
      machineCeiling: { processes: 2, compute: { aloneMs: 5000, togetherMs: 5050, ceiling: 1.98 }, simulator: { aloneMs: 4000, togetherMs: 5300, ceiling: 1.51 } },
    };
    const [pool] = judgeTargets({ ...empty, parallel }).filter((t) => t.target.startsWith('campaign speedup'));
    expect(pool).toMatchObject({ met: false, measured: '1.15× as 2 shard processes, 1.25× with the thread pool, on 2 cores (independent simulator processes reach 1.51× here, plain arithmetic 1.98×)' });
    expect(judgeTargets({ ...empty, parallel: { ...parallel, poolSpeedup: 1.8 } }).find((t) => t.target.startsWith('campaign speedup'))!.met).toBe(true);
    expect(benchTable({ ...empty, parallel }, [])).toContain('The machine (2 independent processes at once, nothing shared): plain arithmetic gains 1.98×, the simulator 1.51× (4,000 ms alone, 5,300 ms each together)');
  });
});
