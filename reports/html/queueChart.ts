/** The bottom of a timeline: the healing queue's length over time, in flight below, waiting above. */
import { queueColour } from './palette.ts';
import type { QueuePoint } from './storyIntervals.ts';
import { group, line, path, text, title } from './svgShapes.ts';
import { type Block, HEADER_HEIGHT_PX, type TimelineFrame } from './timelineFrame.ts';

const CHART_HEIGHT_PX = 56;

/** A step curve: each value holds until the next point, the last until the end. */
function steps(points: readonly QueuePoint[], value: (p: QueuePoint) => number, frame: TimelineFrame, y: (v: number) => number): [number, number][] {
  const out: [number, number][] = [[frame.x(frame.fromS), y(0)]];
  points.forEach((p, i) => {
    const next = points[i + 1]?.t ?? frame.endS;
    if (next < frame.fromS || p.t > frame.endS) return;
    out.push([frame.x(p.t), y(value(p))], [frame.x(next), y(value(p))]);
  });
  out.push([frame.x(frame.endS), y(0)]);
  return out;
}

export function queueChart(points: readonly QueuePoint[], frame: TimelineFrame, top: number): Block {
  const peak = Math.max(1, ...points.map((p) => p.waiting + p.inFlight));
  const base = top + HEADER_HEIGHT_PX + CHART_HEIGHT_PX;
  const y = (v: number) => base - (v / peak) * CHART_HEIGHT_PX;
  const maxWaiting = Math.max(...points.map((p) => p.waiting));
  const maxInFlight = Math.max(...points.map((p) => p.inFlight));
  const tip = `healing queue: at most ${maxWaiting} waiting and ${maxInFlight} in flight`;
  const svg = [
    text(8, top + HEADER_HEIGHT_PX - 5, 'healing queue', { class: 'lbl head' }),
    text(16, top + HEADER_HEIGHT_PX + 12, `peak ${peak}`, { class: 'lbl' }),
    line(frame.left, base, frame.right, base, { stroke: '#999' }),
    line(frame.left, y(peak), frame.right, y(peak), { stroke: '#ddd', 'stroke-dasharray': '2 3' }),
    group([
      title(tip),
      path(steps(points, (p) => p.waiting + p.inFlight, frame, y), { fill: queueColour.waiting, 'fill-opacity': 0.7, stroke: queueColour.waiting }),
      path(steps(points, (p) => p.inFlight, frame, y), { fill: queueColour.inFlight, 'fill-opacity': 0.8, stroke: queueColour.inFlight }),
    ]),
  ];
  return { svg, height: HEADER_HEIGHT_PX + CHART_HEIGHT_PX + 4 };
}
