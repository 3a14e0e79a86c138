/**
 * The middle of a timeline: one row per server, grouped by fault domain (rack) and ordered by
 * update domain, then one row per app; each row coloured by state over time.
 */
import type { Trace } from '../../model/simulator/trace.ts';
import type { AppSpec, ServerSpec } from '../../model/topology.ts';
import type { FaultMark } from './faultMarks.ts';
import { appColour, serverColour } from './palette.ts';
import { appIntervals, serverIntervals } from './storyIntervals.ts';
import { type Shape, clip, group, rect, text, title } from './svgShapes.ts';
import { type Block, HEADER_HEIGHT_PX, ROW_GAP_PX, ROW_HEIGHT_PX, type TimelineFrame, span } from './timelineFrame.ts';

/** Past this many rows of a kind the rest are counted, not drawn. */
export const MAX_ROWS = 60;
const PITCH_PX = ROW_HEIGHT_PX + ROW_GAP_PX;
const MIN_DOWN_WIDTH_PX = 3;

function header(label: string, y: number): Shape {
  return text(8, y + HEADER_HEIGHT_PX - 5, label, { class: 'lbl head' });
}

function more(count: number, y: number): Block {
  return { svg: [text(8, y + ROW_HEIGHT_PX - 4, `… and ${count} more`, { class: 'lbl' })], height: PITCH_PX };
}

function serverRow(server: ServerSpec, trace: Trace, marks: readonly FaultMark[], frame: TimelineFrame, y: number): Shape[] {
  const parts = [group([title(server.id), text(16, y + ROW_HEIGHT_PX - 4, `${clip(server.id, 14)}  ·  UD ${server.updateDomain}`, { class: 'lbl' })])];
  for (const s of serverIntervals(trace, server.id, frame.endS)) {
    if (!frame.shows(s.fromS, s.toS)) continue;
    const tip = `${server.id} (fault domain ${server.faultDomain}, update domain ${server.updateDomain}): ${s.state} (${s.detail}) ${span(s.fromS, s.toS)}`;
    parts.push(rect(frame.x(s.fromS), y, frame.x(s.toS) - frame.x(s.fromS), ROW_HEIGHT_PX, { fill: serverColour[s.state] }, tip));
  }
  for (const mark of marks) {
    if (!mark.serverIds.includes(server.id) || !frame.shows(mark.fromS, mark.toS ?? mark.fromS)) continue;
    const x = frame.x(mark.fromS);
    if (mark.toS === null) parts.push(text(x, y + ROW_HEIGHT_PX - 3, '✕', { class: 'crash', 'text-anchor': 'middle' }));
    else parts.push(rect(x, y - 1, frame.x(mark.toS) - x, ROW_HEIGHT_PX + 2, { fill: 'none', stroke: mark.colour, 'stroke-width': 2, 'stroke-dasharray': '4 2' }, mark.words));
  }
  return parts;
}

export function serverRows(servers: readonly ServerSpec[], trace: Trace, marks: readonly FaultMark[], frame: TimelineFrame, top: number): Block {
  const ordered = [...servers].sort((a, b) => a.faultDomain - b.faultDomain || a.updateDomain - b.updateDomain || a.id.localeCompare(b.id));
  const parts: Shape[] = [];
  let y = top;
  let domain: number | null = null;
  for (const [i, server] of ordered.entries()) {
    if (i === MAX_ROWS) {
      const rest = more(ordered.length - MAX_ROWS, y);
      parts.push(...rest.svg);
      y += rest.height;
      break;
    }
    if (server.faultDomain !== domain) {
      domain = server.faultDomain;
      parts.push(header(`fault domain ${domain}`, y));
      y += HEADER_HEIGHT_PX;
    }
    parts.push(...serverRow(server, trace, marks, frame, y));
    y += PITCH_PX;
  }
  return { svg: parts, height: y - top };
}

export function appRows(apps: readonly AppSpec[], trace: Trace, frame: TimelineFrame, top: number): Block {
  const parts: Shape[] = [header('apps', top)];
  let y = top + HEADER_HEIGHT_PX;
  for (const [i, app] of apps.entries()) {
    if (i === MAX_ROWS) {
      const rest = more(apps.length - MAX_ROWS, y);
      parts.push(...rest.svg);
      y += rest.height;
      break;
    }
    const roles = app.roles.map((r) => `${r.id}×${r.instances}`).join(', ');
    parts.push(group([title(app.id), text(16, y + ROW_HEIGHT_PX - 4, clip(app.id, 22), { class: 'lbl' })]));
    for (const s of appIntervals(trace, app.id, frame.endS)) {
      if (!frame.shows(s.fromS, s.toS)) continue;
      const x = frame.x(s.fromS);
      // A short outage is drawn at least a few pixels wide, so a one-second one is not lost at the chart's scale; the tooltip gives its real span.
      const width = Math.max(frame.x(s.toS) - x, s.state === 'down' ? MIN_DOWN_WIDTH_PX : 0);
      parts.push(rect(x, y, width, ROW_HEIGHT_PX, { fill: appColour[s.state], ...(s.state === 'down' ? { class: 'down' } : {}) }, `${app.id} (${roles}): ${s.state} ${span(s.fromS, s.toS)} (${s.toS - s.fromS} s)`));
    }
    y += PITCH_PX;
  }
  return { svg: parts, height: y - top };
}
