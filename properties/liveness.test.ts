/**
 * A schedule that keeps the model busy forever must end at the step limit and be reported as
 * a liveness failure, with its trace, never hang. Here: the Kubernetes preset, most of a small
 * zone cut off for good — a partially disrupted zone of at most 50 nodes evicts nothing, so
 * the eviction pass ticks every ten seconds forever.
 */
import { describe, expect, it } from 'vitest';
import { kubernetesDefaults } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { MAX_TIME_S } from '../model/simulator/eventQueue.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { defaultTimings } from '../model/timings.ts';
import { rackedServers } from '../model/topology.ts';
import { counterexampleText } from '../reports/counterexampleText.ts';
import { recoveryEventuallyCompletes } from './catalog/recoveryEventuallyCompletes.ts';
import { violationOf } from './checkProperty.ts';
import { COUNTEREXAMPLE_FORMAT } from './counterexample.ts';
import { basePolicy } from './arbitraries/scenarioArbitrary.ts';

const servers = rackedServers(8, 2, 2, 4);
const zone0 = servers.filter((s) => s.faultDomain === 0).slice(0, 3);
const busyForever: Scenario = {
  name: 'a zone cut off for good',
  topology: { servers, apps: [{ id: 'web', roles: [{ id: 'front', instances: 4 }] }] },
  policy: { ...basePolicy, healing: kubernetesDefaults },
  timings: defaultTimings,
  faults: zone0.map((s) => ({ kind: 'heartbeat-loss' as const, atS: 60, serverId: s.id, durationS: MAX_TIME_S - 100 })),
  horizonS: MAX_TIME_S,
};

describe('runaway runs', () => {
  it('stop at the step limit and are reported as liveness failures with their trace', () => {
    const trace = simulate(busyForever, { stepLimit: 5_000 });
    expect(trace.end).toBe('step-limit');
    expect(trace.steps).toBe(5_000);
    // Still ticking: the eviction pass is what keeps it busy.
    expect(trace.entries.at(-1)).toMatchObject({ kind: 'event', to: 'controller' });
    const violation = violationOf(recoveryEventuallyCompletes, busyForever, trace);
    expect(violation).toEqual({ atS: trace.endS, expected: 'the run settles within the step limit', seen: 'still busy after 5000 events (a liveness failure)' });
    const story = counterexampleText({ format: COUNTEREXAMPLE_FORMAT, propertyId: recoveryEventuallyCompletes.id, variant: null, seed: 0, path: '', shrinks: 0, violation: violation!, scenario: busyForever }, trace, { maxLines: 20 });
    expect(story).toContain('a liveness failure');
    expect(story).toContain('healing.pacing');
  });
});
