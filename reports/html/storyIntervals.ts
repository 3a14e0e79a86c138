/**
 * A trace read as spans of time: each server's condition, each app's availability, and the
 * healing queue's length, the rows of a counterexample's timeline.
 */
import { serverAddress } from '../../model/simulator/addresses.ts';
import type { AppStatus, Trace } from '../../model/simulator/trace.ts';
import type { ServerCondition } from './palette.ts';

export interface Interval<S extends string> {
  readonly fromS: number;
  readonly toS: number;
  readonly state: S;
  /** The machine's own state name, for the tooltip. */
  readonly detail: string;
}

export interface QueuePoint {
  readonly t: number;
  readonly waiting: number;
  readonly inFlight: number;
}

/** A server machine's state, in the five words the timeline colours. */
export function serverConditionOf(state: string): ServerCondition {
  const top = state.split('.')[0]!;
  return top === 'running' || top === 'upgrading' || top === 'unreachable' || top === 'failed' || top === 'repairing' ? top : 'other';
}

function spans<S extends string>(changes: readonly { t: number; to: string }[], initial: string, endS: number, classify: (s: string) => S): Interval<S>[] {
  const out: Interval<S>[] = [];
  let fromS = 0;
  let current = initial;
  for (const change of changes) {
    if (change.t > endS) break;
    if (change.t > fromS) out.push({ fromS, toS: change.t, state: classify(current), detail: current });
    fromS = Math.max(fromS, change.t);
    current = change.to;
  }
  if (endS > fromS || out.length === 0) out.push({ fromS, toS: Math.max(endS, fromS), state: classify(current), detail: current });
  return out;
}

export function serverIntervals(trace: Trace, serverId: string, endS: number): Interval<ServerCondition>[] {
  const address = serverAddress(serverId);
  const changes = trace.entries.flatMap((e) => (e.kind === 'state' && e.actor === address ? [{ t: e.t, to: e.to }] : []));
  return spans(changes, trace.initialStates[address] ?? 'running', endS, serverConditionOf);
}

export function appIntervals(trace: Trace, appId: string, endS: number): Interval<AppStatus>[] {
  const changes = trace.entries.flatMap((e) => (e.kind === 'app' && e.appId === appId ? [{ t: e.t, to: e.to as string, from: e.from }] : []));
  const initial = changes[0]?.from ?? 'available';
  return spans(changes, initial, endS, (s) => s as AppStatus);
}

/** The queue after the last change at each instant, from 0 to endS. */
export function queueSeries(trace: Trace, endS: number): QueuePoint[] {
  const points: QueuePoint[] = [{ t: 0, waiting: 0, inFlight: 0 }];
  for (const e of trace.entries) {
    if (e.kind !== 'queue' || e.t > endS) continue;
    const point = { t: e.t, waiting: e.length, inFlight: e.inFlight };
    if (points[points.length - 1]!.t === e.t) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}
