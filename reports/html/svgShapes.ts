/** The few SVG elements the timeline is made of, as components; the template layer escapes every text, tooltip and attribute. */
import type { VNode } from 'preact';
import { html } from './markup.ts';

export type Attributes = Readonly<Record<string, string | number>>;
export type Shape = VNode;

const n = (v: number): number => Math.round(v * 10) / 10;

export function title(text: string): Shape {
  return html`<title>${text}</title>` as Shape;
}

export function rect(x: number, y: number, width: number, height: number, attrs: Attributes, tooltip?: string): Shape {
  return html`<rect x=${n(x)} y=${n(y)} width=${n(Math.max(width, 0.5))} height=${n(height)} ...${attrs}>${tooltip === undefined ? null : title(tooltip)}</rect>` as Shape;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: Attributes): Shape {
  return html`<line x1=${n(x1)} y1=${n(y1)} x2=${n(x2)} y2=${n(y2)} ...${attrs} />` as Shape;
}

export function text(x: number, y: number, content: string, attrs: Attributes = {}): Shape {
  return html`<text x=${n(x)} y=${n(y)} ...${attrs}>${content}</text>` as Shape;
}

export function path(points: readonly (readonly [number, number])[], attrs: Attributes): Shape {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)},${n(y)}`).join('');
  return html`<path d=${d} ...${attrs} />` as Shape;
}

/** Shapes kept together, with a tooltip for all of them. */
export function group(children: readonly (Shape | null)[], attrs: Attributes = {}): Shape {
  return html`<g ...${attrs}>${children}</g>` as Shape;
}

/** A label cut to fit its column; the whole of it goes in a tooltip. */
export function clip(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1)}…`;
}
