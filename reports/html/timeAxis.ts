/**
 * The stretch of simulated time a counterexample's timeline shows, and its tick marks: from
 * the start to a little after the last thing that mattered (the break, the last fault, the
 * last change of an app or of the healing queue), so a repair that takes an hour does not
 * squeeze the story into a corner; and the window around the break, where a one-second
 * outage is wide enough to see.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';
import { clockTime } from '../clock.ts';

const MIN_SPAN_S = 120;
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const MAX_TICKS = 9;
/** A cause further back than this is not pulled into the break's window (the wider views show it). */
const CAUSE_REACH_S = 1800;
const BREAK_MARGIN_S = 60;

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

export interface TimeWindow {
  readonly fromS: number;
  readonly toS: number;
}

/**
 * The window around the break: from a little before the last fault that started at or before
 * it (when that is within half an hour) to a little after it, at least a minute each side.
 */
export function breakWindow(violation: Violation, faultStartsS: readonly number[], storyEnd: number): TimeWindow {
  const at = violation.atS;
  const causes = faultStartsS.filter((t) => t <= at && at - t <= CAUSE_REACH_S);
  const leadS = causes.length === 0 ? 0 : at - Math.max(...causes);
  const beforeS = Math.max(BREAK_MARGIN_S, Math.ceil(leadS * 1.15 + 30));
  const afterS = Math.max(BREAK_MARGIN_S, Math.ceil(beforeS * 0.35));
  const fromS = Math.max(0, at - beforeS);
  return { fromS, toS: Math.max(Math.min(storyEnd, at + afterS), at + 1) };
}

/** Tick times on round seconds, minutes or hours inside the window, at most about nine of them. */
export function timeTicks(endS: number, fromS = 0): number[] {
  const spanS = Math.max(endS - fromS, 1);
  const step = TICK_STEPS_S.find((s) => spanS / s <= MAX_TICKS) ?? Math.ceil(spanS / MAX_TICKS / 86400) * 86400;
  const ticks: number[] = [];
  for (let t = Math.ceil(fromS / step) * step; t <= endS; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: `h:mm`, or `h:mm:ss` when the ticks are closer than a minute. */
export function tickLabel(seconds: number, stepS: number): string {
  return stepS < 60 ? clockTime(seconds) : hoursMinutes(seconds);
}

/** `h:mm`. */
export function hoursMinutes(seconds: number): string {
  return `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
}
