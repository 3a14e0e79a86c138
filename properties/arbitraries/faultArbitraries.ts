/**
 * Fault schedules as plain data. A builder draws a *plan* — targets by index, times as
 * integers — that the topology resolves into faults naming real servers. Drawing plans
 * independently of the topology keeps shrinking simple: toward fewer faults, earlier times
 * and the first servers. Hypotheses are built in here, never filtered afterwards.
 */
import fc from 'fast-check';
import { removableArray } from './removableArray.ts';
import type { Fault } from '../../model/faultSchedule.ts';
import { placeInitially } from '../../model/initialPlacement.ts';
import type { ServerSpec, Topology } from '../../model/topology.ts';

/** Faults for a given topology. */
export type FaultPlan = (topology: Topology) => Fault[];

export interface Window {
  readonly fromS: number;
  readonly toS: number;
}

const at = (window: Window) => fc.integer({ min: window.fromS, max: window.toS });

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

export function serversOfDomain(topology: Topology, faultDomain: number): ServerSpec[] {
  return topology.servers.filter((s) => s.faultDomain === faultDomain);
}

export function faultDomainsOf(topology: Topology): number[] {
  return [...new Set(topology.servers.map((s) => s.faultDomain))];
}

/** Several plans as one. */
export function allOf(...plans: readonly FaultPlan[]): FaultPlan {
  return (topology) => plans.flatMap((plan) => plan(topology));
}

export const noFaults: FaultPlan = () => [];

export function fixed(faults: readonly Fault[]): FaultPlan {
  return () => [...faults];
}

/** Crashes of any servers. */
export function crashes(window: Window, count: readonly [number, number]): fc.Arbitrary<FaultPlan> {
  return removableArray(fc.record({ server: fc.nat(), atS: at(window) }), { minLength: count[0], maxLength: count[1] })
    .map((list) => (topology: Topology) => list.map(({ server, atS }): Fault => ({ kind: 'crash', atS, serverId: pick(topology.servers, server).id })));
}

/** The servers that hold an instance when the story begins (by the controller's own placement rule), else every server. */
export function loadedServers(topology: Topology): ServerSpec[] {
  const loaded = new Set(Object.values(placeInitially(topology).placement));
  const servers = topology.servers.filter((s) => loaded.has(s.id));
  return servers.length > 0 ? servers : [...topology.servers];
}

/**
 * Crashes aimed, three times in four, at servers that hold an instance, at least one of them:
 * a crash of an empty server loses nothing, and on a sparse fabric most uniform crashes (or
 * none, the shortest draw) were such. The fourth is the uniform draw of `crashes`, so runs
 * without crashes and crashes of empty servers (later chosen as targets) still happen.
 */
export function crashesOfLoadedServers(window: Window, count: readonly [number, number]): fc.Arbitrary<FaultPlan> {
  const aimed = removableArray(fc.record({ server: fc.nat(), atS: at(window) }), { minLength: Math.max(1, count[0]), maxLength: Math.max(1, count[1]) })
    .map((list) => (topology: Topology) => {
      const loaded = loadedServers(topology);
      return list.map(({ server, atS }): Fault => ({ kind: 'crash', atS, serverId: pick(loaded, server).id }));
    });
  return fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 1, arbitrary: crashes(window, count) });
}

/**
 * The single-domain hypothesis for hardware: inside one fault domain, either a few isolated
 * server crashes (at most `isolated` servers) or the whole rack at once. The size shrinks
 * from the whole rack to `isolated` servers and down to one, so shrinking never leaves the
 * hypothesis and a counterexample ends with the fewest failed servers.
 */
export function singleDomainFailures(window: Window, isolated: number): fc.Arbitrary<FaultPlan> {
  return fc
    .record({
      domain: fc.nat(),
      /**
       * 1..isolated crashed servers, or above isolated for the whole rack: two values of the
       * range mean the rack, so about two runs in five lose a whole rack (one in four with
       * one value, too few for the recovery properties' must-see on some seeds).
       */
      size: fc.integer({ min: 1, max: isolated + 2 }),
      first: fc.nat(),
      times: removableArray(at(window), { minLength: 1, maxLength: isolated }),
    })
    .map(({ domain, size, first, times }) => (topology: Topology): Fault[] => {
      const faultDomain = pick(faultDomainsOf(topology), domain);
      if (size > isolated) return [{ kind: 'rack-failure', atS: times[0]!, faultDomain }];
      const servers = serversOfDomain(topology, faultDomain);
      const crashed = Array.from({ length: Math.min(size, servers.length) }, (_, i) => servers[(first + i) % servers.length]!);
      return crashed.map((server, i): Fault => ({ kind: 'crash', atS: pick(times, i), serverId: server.id }));
    });
}

/** Heartbeats lost on the chosen servers for a while each, starting within `spreadS` of `startS`. */
export function heartbeatLosses(
  choose: (topology: Topology) => readonly ServerSpec[],
  startS: number,
  spreadS: number,
  durationS: readonly [number, number],
): fc.Arbitrary<FaultPlan> {
  const loss = fc.record({ offsetS: fc.integer({ min: 0, max: spreadS }), durationS: fc.integer({ min: durationS[0], max: durationS[1] }) });
  return removableArray(loss, { minLength: 1, maxLength: 64 }).map((losses) => (topology: Topology) =>
    choose(topology).map((server, i): Fault => {
      const { offsetS, durationS } = pick(losses, i);
      return { kind: 'heartbeat-loss', atS: startS + offsetS, serverId: server.id, durationS };
    }),
  );
}

/** A deployment-service slowdown: calls take `latencyS` for a while. */
export function networkDegradation(window: Window, durationS: readonly [number, number], latencyS: readonly [number, number]): fc.Arbitrary<FaultPlan> {
  return fc
    .record({ atS: at(window), durationS: fc.integer({ min: durationS[0], max: durationS[1] }), latencyS: fc.integer({ min: latencyS[0], max: latencyS[1] }) })
    .map((d) => fixed([{ kind: 'network-degradation', ...d }]));
}

/** Portal requests at arbitrary times. */
export function managementRequests(window: Window, count: readonly [number, number]): fc.Arbitrary<FaultPlan> {
  return removableArray(at(window), { minLength: count[0], maxLength: count[1] })
    .map((times) => fixed(times.map((atS, i): Fault => ({ kind: 'management-request', atS, requestId: `request${i}` }))));
}

/** Client writes to storage, one every `everyS` over the window. */
export function storageWrites(window: Window, everyS: number): FaultPlan {
  const writes: Fault[] = [];
  for (let atS = window.fromS, n = 0; atS <= window.toS; atS += everyS, n++) writes.push({ kind: 'storage-write', atS, writeId: `write${n}` });
  return fixed(writes);
}

/** Heartbeat losses of any servers: the servers and their copies run on, unseen. */
export function heartbeatLossFaults(window: Window, count: readonly [number, number], durationS: readonly [number, number]): fc.Arbitrary<FaultPlan> {
  return removableArray(fc.record({ server: fc.nat(), atS: at(window), durationS: fc.integer({ min: durationS[0], max: durationS[1] }) }), { minLength: count[0], maxLength: count[1] })
    .map((list) => (topology: Topology) => list.map(({ server, atS, durationS }): Fault => ({ kind: 'heartbeat-loss', atS, serverId: pick(topology.servers, server).id, durationS })));
}
