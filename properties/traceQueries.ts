/**
 * Questions a property or a report asks of a trace. They only read what the machines did;
 * none of them decides anything a machine decides.
 */
import type { Address } from '../model/simulator/addresses.ts';
import type { AppStatus, Trace, TraceEntry } from '../model/simulator/trace.ts';
import type { FabricEmitted, FabricEvent } from '../model/simulator/wiring.ts';

type AnyEvent = FabricEvent | FabricEmitted;
export type EventEntry = Extract<TraceEntry, { kind: 'event' }>;
export type StateEntry = Extract<TraceEntry, { kind: 'state' }>;

export interface Interval<T> {
  readonly value: T;
  readonly fromS: number;
  readonly toS: number;
}

export function eventsOfType<T extends AnyEvent['type']>(trace: Trace, type: T): (EventEntry & { event: Extract<AnyEvent, { type: T }> })[] {
  return trace.entries.filter((e): e is EventEntry & { event: Extract<AnyEvent, { type: T }> } => e.kind === 'event' && e.event.type === type);
}

/** Each app's availability over the run, as intervals; every app starts `available`. */
export function appIntervals(trace: Trace, appIds: readonly string[]): Map<string, Interval<AppStatus>[]> {
  const open = new Map<string, { value: AppStatus; fromS: number }>(appIds.map((id) => [id, { value: 'available', fromS: 0 }]));
  const intervals = new Map<string, Interval<AppStatus>[]>(appIds.map((id) => [id, []]));
  for (const entry of trace.entries) {
    if (entry.kind !== 'app') continue;
    const current = open.get(entry.appId);
    if (current === undefined) continue;
    if (entry.t > current.fromS) intervals.get(entry.appId)!.push({ ...current, toS: entry.t });
    open.set(entry.appId, { value: entry.to, fromS: entry.t });
  }
  for (const [appId, current] of open) intervals.get(appId)!.push({ ...current, toS: Math.max(trace.endS, current.fromS) });
  return intervals;
}

/** Apps that were ever in `status`, even for an instant. */
export function appsEver(trace: Trace, status: AppStatus): Set<string> {
  const apps = new Set<string>();
  for (const entry of trace.entries) if (entry.kind === 'app' && entry.to === status) apps.add(entry.appId);
  return apps;
}

/** Seconds each app spent in `status`. */
export function timeIn(trace: Trace, appIds: readonly string[], status: AppStatus): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [appId, intervals] of appIntervals(trace, appIds)) {
    totals.set(appId, intervals.filter((i) => i.value === status).reduce((sum, i) => sum + (i.toS - i.fromS), 0));
  }
  return totals;
}

export function stateChangesOf(trace: Trace, actor: Address): StateEntry[] {
  return trace.entries.filter((e): e is StateEntry => e.kind === 'state' && e.actor === actor);
}

/** Servers that ever entered `failed` (crashed, or failed their upgrade). */
export function failedServers(trace: Trace): Set<string> {
  const servers = new Set<string>();
  for (const entry of trace.entries) if (entry.kind === 'state' && entry.actor.startsWith('server:') && entry.to === 'failed') servers.add(entry.actor.slice(7));
  return servers;
}

export function firstServerFailureS(trace: Trace): number | null {
  for (const entry of trace.entries) if (entry.kind === 'state' && entry.actor.startsWith('server:') && entry.to === 'failed') return entry.t;
  return null;
}

const LOST = 'lifecycle.lost';
function lifecycleOf(state: string): string {
  return state.split(' | ')[0]!;
}

export interface Recovery {
  readonly instanceId: string;
  readonly lostAtS: number;
  /** When it ran again; null if it never did before the run ended. */
  readonly runningAtS: number | null;
}

/** Every loss of an instance's placed copy (the latest, if lost again before it ran) and when it ran again. */
export function recoveries(trace: Trace): Recovery[] {
  const open = new Map<string, number>();
  const done: Recovery[] = [];
  for (const entry of trace.entries) {
    if (entry.kind !== 'state' || !entry.actor.startsWith('instance:')) continue;
    const instanceId = entry.actor.slice(9);
    const to = lifecycleOf(entry.to);
    // Lost again before it ran: the clock restarts at the latest loss.
    if (to === LOST) open.set(instanceId, entry.t);
    if (to === 'lifecycle.running' && open.has(instanceId)) {
      done.push({ instanceId, lostAtS: open.get(instanceId)!, runningAtS: entry.t });
      open.delete(instanceId);
    }
  }
  for (const [instanceId, lostAtS] of open) done.push({ instanceId, lostAtS, runningAtS: null });
  return done;
}

/** From the first server failure until every lost instance runs again; null if never. */
export function restoreTimeS(trace: Trace): number | null {
  const first = firstServerFailureS(trace);
  if (first === null) return 0;
  const all = recoveries(trace);
  if (all.some((r) => r.runningAtS === null)) return null;
  return Math.max(first, ...all.map((r) => r.runningAtS!)) - first;
}

export interface ManagementWait {
  readonly requestId: string;
  readonly requestedAtS: number;
  readonly answeredAtS: number | null;
  /** Until the answer, or until the end of the run if none came. */
  readonly waitS: number;
}

export function managementWaits(trace: Trace): ManagementWait[] {
  const answered = new Map(eventsOfType(trace, 'controller.managementAnswered').map((e) => [e.event.requestId, e.t]));
  return eventsOfType(trace, 'portal.request').map((e) => {
    const answeredAtS = answered.get(e.event.requestId) ?? null;
    return { requestId: e.event.requestId, requestedAtS: e.t, answeredAtS, waitS: (answeredAtS ?? trace.endS) - e.t };
  });
}

/** The healing queue's length over time (moves and portal requests waiting to start). */
export function queueLengths(trace: Trace): { t: number; length: number; inFlight: number }[] {
  return trace.entries.filter((e): e is Extract<TraceEntry, { kind: 'queue' }> => e.kind === 'queue').map(({ t, length, inFlight }) => ({ t, length, inFlight }));
}

export interface StorageTally {
  readonly written: number;
  readonly acknowledged: number;
  /** Writes the clients made that storage did not acknowledge and keep. */
  readonly lost: number;
}

export function storageTally(trace: Trace): StorageTally {
  const written = eventsOfType(trace, 'client.write').length;
  const acknowledged = eventsOfType(trace, 'storage.acknowledged').length;
  return { written, acknowledged, lost: written - acknowledged };
}
