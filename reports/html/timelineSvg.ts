/**
 * A counterexample drawn: the faults on top, servers by fault and update domain, each app's
 * availability, the healing queue, the time axis, and the moment the property broke — a
 * shaded band and a line across every row, labelled with the time and the last fault before
 * it. Drawn over a window of time: the whole story, or the stretch around the break.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';
import { clockTime, duration } from '../clock.ts';
import { faultLane } from './faultLane.ts';
import { type FaultMark, faultMarksOf } from './faultMarks.ts';
import { violationColour } from './palette.ts';
import { queueChart } from './queueChart.ts';
import { queueSeries } from './storyIntervals.ts';
import { html } from './markup.ts';
import { type Shape, group, line, rect, text, title } from './svgShapes.ts';
import { type TimeWindow, storyEndS, tickLabel, timeTicks } from './timeAxis.ts';
import { type TimelineFrame, WIDTH_PX, timelineFrame } from './timelineFrame.ts';
import { copiesRows } from './copiesRows.ts';
import { appRows, serverRows } from './timelineRows.ts';

const MARKER_ROW_PX = 16;
const AXIS_ROW_PX = 16;
const BREAK_BAND_PX = 14;

function axis(frame: TimelineFrame, y: number): Shape[] {
  const ticks = timeTicks(frame.endS, frame.fromS);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : frame.endS - frame.fromS;
  return ticks.map((t) => text(frame.x(t), y, tickLabel(t, step), { class: 'tick', 'text-anchor': 'middle' }));
}

function grid(frame: TimelineFrame, top: number, bottom: number): Shape[] {
  return timeTicks(frame.endS, frame.fromS).map((t) => line(frame.x(t), top, frame.x(t), bottom, { stroke: '#e4e4e4' }));
}

/** The last fault that started at or before the break: the one the label names. */
export function causeOf(marks: readonly FaultMark[], violation: Violation): FaultMark | null {
  const before = marks.filter((m) => m.fromS <= violation.atS);
  return before.length === 0 ? null : before[before.length - 1]!;
}

function violationMarker(violation: Violation, cause: FaultMark | null, frame: TimelineFrame, top: number, bottom: number): Shape {
  const x = frame.x(violation.atS);
  const after = cause === null ? '' : cause.fromS === violation.atS ? `, at ${cause.label}` : `, ${duration(violation.atS - cause.fromS)} after ${cause.label}`;
  const label = `✗ broke at ${clockTime(violation.atS)}${after}`;
  const anchor = x > frame.right - 7 * label.length ? 'end' : 'start';
  const dx = anchor === 'end' ? -6 : 6;
  return group(
    [
      title(`broke at ${clockTime(violation.atS)}: expected ${violation.expected}; saw ${violation.seen}${cause ? `. Last fault before it: ${cause.words} at ${clockTime(cause.fromS)}` : ''}`),
      rect(x - BREAK_BAND_PX / 2, top, BREAK_BAND_PX, bottom - top, { fill: violationColour, 'fill-opacity': 0.14, class: 'break-band' }),
      line(x, 4, x, bottom, { stroke: violationColour, 'stroke-width': 2, 'stroke-dasharray': '6 3' }),
      text(x + dx, 13, label, { class: 'broke', 'text-anchor': anchor, fill: violationColour }),
    ],
    { class: 'violation-marker', 'data-at-s': violation.atS },
  );
}

/** `window`: the stretch of time to draw; the whole story when absent. */
export function timelineSvg(scenario: Scenario, trace: Trace, violation: Violation, window?: TimeWindow): Shape {
  const storyEnd = storyEndS(scenario.faults, trace, violation);
  const frame = window ? timelineFrame(window.toS, window.fromS) : timelineFrame(storyEnd);
  const marks = faultMarksOf(scenario.faults, scenario.topology);
  const cause = causeOf(marks, violation);
  const top = MARKER_ROW_PX + AXIS_ROW_PX;
  const faults = faultLane(marks, frame, top, cause);
  const rowsTop = top + faults.height + 4;
  const servers = serverRows(scenario.topology.servers, trace, marks, frame, rowsTop);
  const apps = appRows(scenario.topology.apps, trace, frame, rowsTop + servers.height + 4);
  const copiesTop = rowsTop + servers.height + 4 + apps.height + 4;
  const copies = copiesRows(scenario.topology.apps, trace, frame, copiesTop);
  const queueTop = copiesTop + (copies.height > 0 ? copies.height + 4 : 0);
  const queue = queueChart(queueSeries(trace, storyEnd), frame, queueTop);
  const bottom = queueTop + queue.height;
  const height = bottom + AXIS_ROW_PX + 4;
  const networkBands = marks
    .filter((m) => m.fabricWide && m.toS !== null && frame.shows(m.fromS, m.toS))
    .map((m) => rect(frame.x(m.fromS), rowsTop, frame.x(m.toS!) - frame.x(m.fromS), bottom - rowsTop, { fill: m.colour, 'fill-opacity': 0.12 }, m.words));
  const summary = `Timeline of ${scenario.topology.servers.length} servers and ${scenario.topology.apps.length} apps from ${clockTime(frame.fromS)} to ${clockTime(frame.endS)}; the property broke at ${clockTime(violation.atS)}`;
  return html`<svg class="timeline" viewBox=${`0 0 ${WIDTH_PX} ${height}`} width=${WIDTH_PX} height=${height} role="img" aria-label=${summary} data-from-s=${frame.fromS} data-to-s=${frame.endS}>
    ${grid(frame, MARKER_ROW_PX + 4, bottom)}
    ${axis(frame, MARKER_ROW_PX + 12)}
    ${faults.svg}
    ${networkBands}
    ${servers.svg}
    ${apps.svg}
    ${copies.svg}
    ${queue.svg}
    ${axis(frame, bottom + AXIS_ROW_PX - 2)}
    ${violationMarker(violation, cause, frame, rowsTop, bottom)}
  </svg>` as Shape;
}
