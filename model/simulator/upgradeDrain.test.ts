import { describe, expect, it } from 'vitest';
import type { UpgradeDrain } from '../policy.ts';
import type { Scenario } from '../scenario.ts';
import { parseScenario } from '../scenarioSchema.ts';
import { defaultTimings } from '../timings.ts';
import type { ServerSpec } from '../topology.ts';
import { simulate } from './simulate.ts';
import type { Trace, TraceEntry } from './trace.ts';

/**
 * Two full servers in two update domains, each running one copy of `web`; with `surge`, a
 * third, empty server in an update domain of its own before them. Nothing fails: only the
 * upgrade walks, so every stop and move in the trace is the drain's.
 */
function fabric(drain: UpgradeDrain, surge: boolean): Scenario {
  const servers: ServerSpec[] = [
    { id: 'a', faultDomain: 0, updateDomain: 1, capacity: 1 },
    { id: 'b', faultDomain: 1, updateDomain: 2, capacity: 1 },
    ...(surge ? [{ id: 'a-surge', faultDomain: 0, updateDomain: 0, capacity: 1, surge: true }] : []),
  ];
  return {
    name: `drain-${drain}${surge ? '-surge' : ''}`,
    topology: { servers, apps: [{ id: 'app', roles: [{ id: 'web', instances: 2 }] }] },
    policy: { healing: { kind: 'parallel', concurrency: 10 }, management: 'own-lane', fencing: true, upgradeGate: 'continue-after-timeout', upgradeDrain: drain, haltBudget: null, alertThreshold: 3 },
    timings: defaultTimings,
    faults: [{ kind: 'upgrade-start', atS: 100 }],
    horizonS: 20_000,
  };
}

type EventEntry = Extract<TraceEntry, { kind: 'event' }>;
const events = (trace: Trace, type: string): EventEntry[] => trace.entries.filter((e): e is EventEntry => e.kind === 'event' && e.event.type === type);
const movesTo = (trace: Trace) => events(trace, 'controller.move').filter((e) => e.to!.startsWith('server:')).map((e) => (e.event as { instanceId: string; serverId: string }));
const finalStateOf = (trace: Trace, serverId: string) => trace.finalStates[`server:${serverId}`];

describe('an upgrade drain', () => {
  it('restart-in-place: the copies stop and start again on their own server, nothing is moved', () => {
    const trace = simulate(fabric('restart-in-place', false));
    expect(movesTo(trace)).toEqual([]);
    const restarted = events(trace, 'server.copyRestarted').map((e) => (e.event as { serverId: string }).serverId);
    expect(restarted.sort()).toEqual(['a', 'b']);
    expect(events(trace, 'upgrade.finished')).toHaveLength(1);
  });

  it('reschedule without room: an evicted copy finds no server (both are full or cordoned) and waits for the drained one to come back empty', () => {
    const trace = simulate(fabric('reschedule', false));
    const draining = events(trace, 'server.draining').map((e) => e.event);
    expect(draining[0]).toEqual({ type: 'server.draining', serverId: 'a', evicted: ['app/web/0'] });
    // The copy on a is queued, and placed back on a only once a is up again: the only server with room.
    const moves = movesTo(trace);
    expect(moves[0]).toEqual({ type: 'controller.move', instanceId: 'app/web/0', serverId: 'a' });
    const upgradedA = events(trace, 'server.upgraded').find((e) => (e.event as { serverId: string }).serverId === 'a')!;
    const moveA = events(trace, 'controller.move').find((e) => (e.event as { serverId: string }).serverId === 'a' && e.to === 'server:a')!;
    expect(moveA.t).toBe(upgradedA.t);
    // Nothing restarts in place: the reboot brings the server back empty.
    expect(events(trace, 'server.copyRestarted')).toEqual([]);
    expect(events(trace, 'upgrade.finished')).toHaveLength(1);
  });

  it('reschedule with a surge server: it joins first, takes no copy before, and each evicted copy moves to the server with room', () => {
    const trace = simulate(fabric('reschedule', true));
    const surgeUp = events(trace, 'server.upgraded').find((e) => (e.event as { serverId: string }).serverId === 'a-surge')!;
    const firstDrain = events(trace, 'server.draining').find((e) => (e.event as { serverId: string }).serverId === 'a')!;
    // Same second (the gate has no copy to wait for), but first in the trace.
    expect(trace.entries.indexOf(surgeUp)).toBeLessThan(trace.entries.indexOf(firstDrain));
    const moves = movesTo(trace);
    // a's copy goes to the surge server at once; b's copy then to a, back empty from its upgrade.
    expect(moves.map((m) => [m.instanceId, m.serverId])).toEqual([
      ['app/web/0', 'a-surge'],
      ['app/web/1', 'a'],
    ]);
    const moveToSurge = events(trace, 'controller.move').find((e) => e.to === 'server:a-surge')!;
    expect(moveToSurge.t).toBe(firstDrain.t);
    expect(finalStateOf(trace, 'a-surge')).toBe('running');
  });

  it('with a surge server, a copy is down only for its start elsewhere, not for the whole upgrade of its server', () => {
    const downFor = (scenario: Scenario) => {
      const trace = simulate(scenario);
      const stopped = events(trace, 'instance.stopped').find((e) => (e.event as { instanceId: string }).instanceId === 'app/web/0')!;
      const running = events(trace, 'instance.running').find((e) => (e.event as { instanceId: string }).instanceId === 'app/web/0' && e.t > stopped.t)!;
      return running.t - stopped.t;
    };
    const t = defaultTimings;
    expect(downFor(fabric('reschedule', true))).toBe(t.instanceStartS);
    expect(downFor(fabric('restart-in-place', true))).toBe(t.drainS + t.deploymentCallS + t.rebootS + t.instanceStartS);
  });

  it('an absent surge server counts in no fault domain: every other server dark is a blackout', () => {
    const base = fabric('reschedule', true);
    const dark = (surge: boolean): boolean => {
      const scenario: Scenario = {
        ...base,
        topology: surge ? base.topology : { ...base.topology, servers: base.topology.servers.filter((s) => !s.surge) },
        policy: { ...base.policy, healing: { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 10, unhealthyThreshold: 0.55 } },
        faults: ['a', 'b'].map((serverId) => ({ kind: 'heartbeat-loss' as const, atS: 100, serverId, durationS: 3600 })),
      };
      return simulate(scenario).entries.some((e) => e.kind === 'state' && e.actor === 'controller' && e.to.includes('detection.blackout'));
    };
    expect(dark(false)).toBe(true);
    expect(dark(true)).toBe(true);
  });

  it('a scenario file takes upgradeDrain and surge servers, and refuses a surge server the walk would reach late', () => {
    const ok = fabric('reschedule', true);
    expect(parseScenario(JSON.parse(JSON.stringify(ok)), 'drain.json').topology.servers[2]!.surge).toBe(true);
    const late = { ...ok, topology: { ...ok.topology, servers: ok.topology.servers.map((s) => (s.surge ? { ...s, updateDomain: 1 } : s)) } };
    expect(() => parseScenario(JSON.parse(JSON.stringify(late)), 'drain.json')).toThrow(/topology\.servers\.2\.updateDomain.*before every other server's \(below 1\)/s);
    const wrong = { ...ok, policy: { ...ok.policy, upgradeDrain: 'evict' } };
    expect(() => parseScenario(JSON.parse(JSON.stringify(wrong)), 'drain.json')).toThrow(/policy\.upgradeDrain/);
  });
});
