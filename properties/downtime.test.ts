import { describe, expect, it } from 'vitest';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { DowntimeCollector, instanceCountOf } from './downtime.ts';
import { timeIn } from './traceQueries.ts';

describe('downtime by instance count', () => {
  it("counts an app by its smallest role: that role's copies must all be lost", () => {
    expect(instanceCountOf({ id: 'shop', roles: [{ id: 'web', instances: 3 }, { id: 'worker', instances: 2 }] })).toBe(2);
    expect(instanceCountOf({ id: 'blog', roles: [{ id: 'web', instances: 1 }] })).toBe(1);
  });

  it('on the incident, every single-instance app goes down under both policies; two instances go down only behind serial healing', () => {
    const collector = new DowntimeCollector();
    for (const policy of ['serial', 'parallel'] as const) collector.add(incidentScenario(policy), simulate(incidentScenario(policy)));
    const groups = collector.tallies().map((t) => ({ policy: t.policy, instances: t.instances, appRuns: t.appRuns, down: t.downS.length }));
    expect(groups).toEqual([
      { policy: 'parallel', instances: 1, appRuns: 40, down: 40 },
      { policy: 'parallel', instances: 2, appRuns: 10, down: 0 },
      { policy: 'serial', instances: 1, appRuns: 40, down: 40 },
      { policy: 'serial', instances: 2, appRuns: 10, down: 4 },
    ]);
  });

  it("records each down app's total time down, ascending, and nothing for apps that stayed up", () => {
    const scenario = incidentScenario('serial');
    const trace = simulate(scenario);
    const collector = new DowntimeCollector();
    collector.add(scenario, trace);
    const down = timeIn(trace, scenario.topology.apps.map((a) => a.id), 'down');
    const expected = scenario.topology.apps
      .filter((a) => instanceCountOf(a) === 2)
      .map((a) => down.get(a.id)!)
      .filter((s) => s > 0)
      .sort((a, b) => a - b);
    const twoInstances = collector.tallies().find((t) => t.instances === 2)!;
    expect(twoInstances.downS).toEqual(expected);
    expect(twoInstances.downS.every((s) => s > 0)).toBe(true);
  });

  it('joining tallies gives what collecting every run in one place gives', () => {
    const runs = (['serial', 'parallel', 'serial'] as const).map((p) => incidentScenario(p)).map((s) => [s, simulate(s)] as const);
    const whole = new DowntimeCollector();
    for (const [s, t] of runs) whole.add(s, t);
    const first = new DowntimeCollector();
    const second = new DowntimeCollector();
    first.add(...runs[0]!);
    for (const [s, t] of runs.slice(1)) second.add(s, t);
    const joined = new DowntimeCollector();
    joined.addTallies(second.tallies());
    joined.addTallies(first.tallies());
    expect(joined.tallies()).toEqual(whole.tallies());
    expect(whole.tallies().find((t) => t.policy === 'serial' && t.instances === 1)?.appRuns).toBe(80);
  });
});
