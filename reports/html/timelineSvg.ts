/**
 * A counterexample drawn: the faults on top, servers by fault and update domain, each app's
 * availability, the healing queue, the time axis in h:mm, and a marker where the property broke.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';
import { clockTime } from '../clock.ts';
import { escapeHtml } from './escapeHtml.ts';
import { faultLane } from './faultLane.ts';
import { faultMarksOf } from './faultMarks.ts';
import { violationColour } from './palette.ts';
import { queueChart } from './queueChart.ts';
import { queueSeries } from './storyIntervals.ts';
import { line, rect, text, title } from './svgShapes.ts';
import { hoursMinutes, storyEndS, timeTicks } from './timeAxis.ts';
import { type TimelineFrame, WIDTH_PX, timelineFrame } from './timelineFrame.ts';
import { appRows, serverRows } from './timelineRows.ts';

const MARKER_ROW_PX = 16;
const AXIS_ROW_PX = 16;

function axis(frame: TimelineFrame, y: number): string {
  return timeTicks(frame.endS)
    .map((t) => text(frame.x(t), y, hoursMinutes(t), 'class="tick" text-anchor="middle"'))
    .join('');
}

function grid(frame: TimelineFrame, top: number, bottom: number): string {
  return timeTicks(frame.endS)
    .map((t) => line(frame.x(t), top, frame.x(t), bottom, 'stroke="#e4e4e4"'))
    .join('');
}

function violationMarker(violation: Violation, frame: TimelineFrame, bottom: number): string {
  const x = frame.x(violation.atS);
  const label = `✗ broke at ${clockTime(violation.atS)}`;
  const anchor = x > frame.right - 160 ? 'end' : 'start';
  const dx = anchor === 'end' ? -4 : 4;
  return [
    '<g class="violation-marker">',
    title(`broke at ${clockTime(violation.atS)}: expected ${violation.expected}; saw ${violation.seen}`),
    line(x, 4, x, bottom, `stroke="${violationColour}" stroke-width="2" stroke-dasharray="6 3"`),
    text(x + dx, 13, label, `class="broke" text-anchor="${anchor}" fill="${violationColour}"`),
    '</g>',
  ].join('');
}

export function timelineSvg(scenario: Scenario, trace: Trace, violation: Violation): string {
  const frame = timelineFrame(storyEndS(scenario.faults, trace, violation));
  const marks = faultMarksOf(scenario.faults, scenario.topology);
  const top = MARKER_ROW_PX + AXIS_ROW_PX;
  const faults = faultLane(marks, frame, top);
  const servers = serverRows(scenario.topology.servers, trace, marks, frame, top + faults.height + 4);
  const rowsTop = top + faults.height + 4;
  const apps = appRows(scenario.topology.apps, trace, frame, rowsTop + servers.height + 4);
  const queueTop = rowsTop + servers.height + 4 + apps.height + 4;
  const queue = queueChart(queueSeries(trace, frame.endS), frame, queueTop);
  const bottom = queueTop + queue.height;
  const height = bottom + AXIS_ROW_PX + 4;
  const networkBands = marks
    .filter((m) => m.fabricWide && m.toS !== null)
    .map((m) => rect(frame.x(m.fromS), rowsTop, frame.x(m.toS!) - frame.x(m.fromS), bottom - rowsTop, `fill="${m.colour}" fill-opacity="0.12"`, m.words))
    .join('');
  const summary = `Timeline of ${scenario.topology.servers.length} servers and ${scenario.topology.apps.length} apps up to ${clockTime(frame.endS)}; the property broke at ${clockTime(violation.atS)}`;
  return [
    `<svg class="timeline" viewBox="0 0 ${WIDTH_PX} ${height}" width="${WIDTH_PX}" height="${height}" role="img" aria-label="${escapeHtml(summary)}">`,
    grid(frame, MARKER_ROW_PX + 4, bottom),
    axis(frame, MARKER_ROW_PX + 12),
    faults.svg,
    networkBands,
    servers.svg,
    apps.svg,
    queue.svg,
    axis(frame, bottom + AXIS_ROW_PX - 2),
    violationMarker(violation, frame, bottom),
    '</svg>',
  ].join('');
}
