/** The top lanes of a timeline: every fault of the schedule, bands for windows, marks for instants. */
import type { FaultMark } from './faultMarks.ts';
import { packLanes } from './faultMarks.ts';
import { type Shape, group, line, rect, text, title } from './svgShapes.ts';
import { type Block, ROW_GAP_PX, ROW_HEIGHT_PX, type TimelineFrame, span } from './timelineFrame.ts';
import { clockTime } from '../clock.ts';

const CHAR_WIDTH_PX = 6.4;
const MAX_LANES = 8;

/** `cause`: the mark to outline as the last fault before the break, if it is in view. */
export function faultLane(allMarks: readonly FaultMark[], frame: TimelineFrame, top: number, cause: FaultMark | null = null): Block {
  const marks = allMarks.filter((m) => frame.shows(m.fromS, m.toS ?? m.fromS));
  const before = allMarks.filter((m) => (m.toS ?? m.fromS) < frame.fromS).length;
  const after = allMarks.filter((m) => m.fromS > frame.endS).length;
  const labelEnd = (m: FaultMark) => frame.x(m.fromS) + 6 + m.label.length * CHAR_WIDTH_PX;
  const lanes = packLanes(marks, (m) => frame.x(m.fromS), (m) => Math.max(labelEnd(m), frame.x(m.toS ?? m.fromS)) + 6, MAX_LANES);
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  const parts: Shape[] = [text(8, top + ROW_HEIGHT_PX - 4, 'faults', { class: 'lbl head' })];
  marks.forEach((mark, i) => {
    const y = top + lanes[i]! * (ROW_HEIGHT_PX + ROW_GAP_PX);
    const x = frame.x(mark.fromS);
    const when = mark.toS === null ? clockTime(mark.fromS) : span(mark.fromS, mark.toS);
    const tip = `${when}  ${mark.words}`;
    if (mark.toS !== null) {
      parts.push(rect(x, y + 1, frame.x(mark.toS) - x, ROW_HEIGHT_PX - 2, { fill: mark.colour, 'fill-opacity': 0.35, stroke: mark.colour, rx: 2 }, tip));
    } else {
      parts.push(group([title(tip), line(x, y, x, y + ROW_HEIGHT_PX, { stroke: mark.colour, 'stroke-width': 2 })]));
    }
    parts.push(group([title(tip), text(x + 4, y + ROW_HEIGHT_PX - 4, mark.label, { class: mark === cause ? 'mark cause' : 'mark' })]));
  });
  const outside = [before > 0 ? `${before} earlier` : '', after > 0 ? `${after} later` : ''].filter((w) => w !== '').join(', ');
  if (outside !== '') parts.push(text(8, top + 2 * ROW_HEIGHT_PX - 2, `(${outside} out of view)`, { class: 'lbl muted-lbl' }));
  if (allMarks.length === 0) parts.push(text(frame.left + 4, top + ROW_HEIGHT_PX - 4, '(no faults)', { class: 'mark' }));
  return { svg: parts, height: Math.max(laneCount, outside === '' ? 1 : 2) * (ROW_HEIGHT_PX + ROW_GAP_PX) };
}
