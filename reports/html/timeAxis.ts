/**
 * The stretch of simulated time a counterexample's timeline shows, and its tick marks: from
 * the start to a little after the last thing that mattered (the break, the last fault, the
 * last change of an app or of the healing queue), so a repair that takes an hour does not
 * squeeze the story into a corner.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';

const MIN_SPAN_S = 120;
const TICK_STEPS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const MAX_TICKS = 9;

function faultEndS(fault: Fault): number {
  return fault.kind === 'heartbeat-loss' || fault.kind === 'network-degradation' ? fault.atS + fault.durationS : fault.atS;
}

export function storyEndS(faults: readonly Fault[], trace: Trace, violation: Violation): number {
  let lastS = violation.atS;
  for (const fault of faults) if (fault.kind !== 'storage-write') lastS = Math.max(lastS, faultEndS(fault));
  for (const e of trace.entries) if (e.kind === 'app' || e.kind === 'queue') lastS = Math.max(lastS, e.t);
  const padded = Math.ceil(lastS * 1.08 + 30);
  return Math.max(MIN_SPAN_S, Math.min(trace.endS, padded), violation.atS);
}

/** Tick times on round minutes or hours, at most about nine of them. */
export function timeTicks(endS: number): number[] {
  const step = TICK_STEPS_S.find((s) => endS / s <= MAX_TICKS) ?? Math.ceil(endS / MAX_TICKS / 86400) * 86400;
  const ticks: number[] = [];
  for (let t = 0; t <= endS; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: `h:mm`. */
export function hoursMinutes(seconds: number): string {
  return `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
}
