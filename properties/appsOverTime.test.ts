import { describe, expect, it } from 'vitest';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { appsOverTime, worstPerSlice } from './appsOverTime.ts';
import { appIntervals } from './traceQueries.ts';

describe('apps over time', () => {
  for (const healing of ['serial', 'parallel'] as const) {
    it(`agrees at every point with each app's own intervals (the incident under ${healing})`, () => {
      const scenario = incidentScenario(healing);
      const trace = simulate(scenario);
      const appIds = scenario.topology.apps.map((a) => a.id);
      const intervals = [...appIntervals(trace, appIds).values()];
      const points = appsOverTime(trace, appIds.length);
      expect(points.length).toBeGreaterThan(5);
      expect(points[0]).toEqual({ t: 0, available: appIds.length, degraded: 0, down: 0 });
      expect(points[points.length - 1]!.t).toBe(trace.endS);
      for (const point of points.slice(0, -1)) {
        // The status an app holds from `t` on is the interval that starts at or before t and ends after it.
        const at = (status: string) => intervals.filter((own) => own.some((i) => i.value === status && i.fromS <= point.t && point.t < i.toS)).length;
        expect({ t: point.t, available: at('available'), degraded: at('degraded'), down: at('down') }).toEqual(point);
      }
      expect(points.some((p) => p.down > 0)).toBe(true);
    });
  }

  it('keeps the worst moment of each slice, so a one-second outage shows at any width', () => {
    const points = [
      { t: 0, available: 3, degraded: 0, down: 0 },
      { t: 500, available: 2, degraded: 0, down: 1 },
      { t: 501, available: 3, degraded: 0, down: 0 },
      { t: 2000, available: 2, degraded: 1, down: 0 },
      { t: 3000, available: 2, degraded: 1, down: 0 },
    ];
    const slices = worstPerSlice(points, 0, 3000, 3);
    expect(slices.map((s) => [s.t, s.down, s.degraded])).toEqual([
      [0, 1, 0],
      [1000, 0, 0],
      [2000, 0, 1],
    ]);
  });
});
