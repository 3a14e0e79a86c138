/** The timeline's geometry: where labels end, where the plot runs, the window of time shown, and time → x. */
import { clockTime } from '../clock.ts';
import type { Shape } from './svgShapes.ts';

export const WIDTH_PX = 1100;
export const LABEL_WIDTH_PX = 170;
export const ROW_HEIGHT_PX = 16;
export const ROW_GAP_PX = 3;
export const HEADER_HEIGHT_PX = 18;

export interface TimelineFrame {
  /** The window shown: from `fromS` to `endS`. */
  readonly fromS: number;
  readonly endS: number;
  readonly left: number;
  readonly right: number;
  /** Time to x, clamped to the window's edges. */
  readonly x: (t: number) => number;
  /** Whether a span (or an instant, `toS` equal to `fromS`) shows in the window. */
  readonly shows: (fromS: number, toS: number) => boolean;
}

/** A drawn block of rows: its SVG shapes and how tall it is. */
export interface Block {
  readonly svg: readonly Shape[];
  readonly height: number;
}

export function timelineFrame(endS: number, fromS = 0): TimelineFrame {
  const left = LABEL_WIDTH_PX;
  const right = WIDTH_PX - 24;
  const spanS = Math.max(endS - fromS, 1);
  return {
    fromS,
    endS,
    left,
    right,
    x: (t) => left + ((Math.min(Math.max(t, fromS), endS) - fromS) / spanS) * (right - left),
    shows: (from, to) => to >= fromS && from <= endS,
  };
}

/** `0:02:40–0:05:00`, as a tooltip gives a span. */
export function span(fromS: number, toS: number): string {
  return `${clockTime(fromS)}–${clockTime(toS)}`;
}
