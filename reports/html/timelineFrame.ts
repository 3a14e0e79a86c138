/** The timeline's geometry: where labels end, where the plot runs, and time → x. */
import { clockTime } from '../clock.ts';

export const WIDTH_PX = 1100;
export const LABEL_WIDTH_PX = 170;
export const ROW_HEIGHT_PX = 16;
export const ROW_GAP_PX = 3;
export const HEADER_HEIGHT_PX = 18;

export interface TimelineFrame {
  readonly endS: number;
  readonly left: number;
  readonly right: number;
  readonly x: (t: number) => number;
}

/** A drawn block of rows: its SVG and how tall it is. */
export interface Block {
  readonly svg: string;
  readonly height: number;
}

export function timelineFrame(endS: number): TimelineFrame {
  const left = LABEL_WIDTH_PX;
  const right = WIDTH_PX - 24;
  return { endS, left, right, x: (t) => left + (Math.min(Math.max(t, 0), endS) / endS) * (right - left) };
}

/** `0:02:40–0:05:00`, as a tooltip gives a span. */
export function span(fromS: number, toS: number): string {
  return `${clockTime(fromS)}–${clockTime(toS)}`;
}
