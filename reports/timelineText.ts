/**
 * A compact timeline of a run for a terminal: faults as they strike, each machine's state
 * change with the event that caused it, each app's availability, the healing queue, up to
 * the step where the property broke.
 */
import type { Trace } from '../model/simulator/trace.ts';
import { clockTime } from './clock.ts';

export interface TimelineOptions {
  /** Stop after this time (the violation), if given. */
  readonly untilS?: number;
  readonly maxLines?: number;
  /** Include every instance's state changes (otherwise only those of apps that changed). */
  readonly allInstances?: boolean;
}

export function timelineText(trace: Trace, options: TimelineOptions = {}): string[] {
  const maxLines = options.maxLines ?? 80;
  const affectedApps = new Set<string>();
  for (const e of trace.entries) if (e.kind === 'app') affectedApps.add(e.appId);
  const lines: string[] = [];
  const causeOf = new Map<string, string>();
  let dropped = 0;
  const add = (t: number, who: string, what: string) => {
    if (lines.length >= maxLines) {
      dropped++;
      return;
    }
    lines.push(`${clockTime(t).padStart(8)}  ${who.padEnd(26)} ${what}`);
  };
  for (const e of trace.entries) {
    if (options.untilS !== undefined && e.t > options.untilS) break;
    if (e.kind === 'event') {
      if (e.to !== null) causeOf.set(e.to, e.event.type.startsWith('xstate.after.') ? `after ${e.event.type.split('.')[2]}` : e.event.type);
      if (e.from === 'fault') add(e.t, 'fault', `${e.event.type} → ${e.to}`);
      continue;
    }
    if (e.kind === 'state') {
      const isInstance = e.actor.startsWith('instance:');
      if (isInstance && !options.allInstances && !affectedApps.has(e.actor.slice(9).split('/')[0]!)) continue;
      add(e.t, e.actor, `${changedRegions(e.from, e.to)}   [${causeOf.get(e.actor) ?? '?'}]`);
    }
    if (e.kind === 'app') add(e.t, `app ${e.appId}`, `${e.from} → ${e.to.toUpperCase()}`);
    if (e.kind === 'queue') add(e.t, 'healing queue', `${e.length} waiting, ${e.inFlight} in flight`);
  }
  if (dropped > 0) lines.push(`          … ${dropped} more lines (replay it for the whole timeline)`);
  return lines;
}

/**
 * A state change of a machine with parallel regions (`lifecycle.running | stray.none`), told
 * by the regions that changed only: `lifecycle.running → lifecycle.lost`, not the unchanged
 * `stray.none` on both sides.
 */
export function changedRegions(from: string, to: string): string {
  const before = from.split(' | ');
  const after = to.split(' | ');
  if (before.length !== after.length || before.length === 1) return `${from} → ${to}`;
  const changed = before.flatMap((region, i) => (region === after[i] ? [] : [i]));
  if (changed.length === 0) return `${from} → ${to}`;
  return `${changed.map((i) => before[i]).join(' | ')} → ${changed.map((i) => after[i]).join(' | ')}`;
}
