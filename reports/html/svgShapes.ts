/** The few SVG elements the timeline is made of; every text and tooltip escaped here. */
import { escapeHtml } from './escapeHtml.ts';

const n = (v: number): string => String(Math.round(v * 10) / 10);

export function title(text: string): string {
  return `<title>${escapeHtml(text)}</title>`;
}

export function rect(x: number, y: number, width: number, height: number, attrs: string, tooltip?: string): string {
  const body = tooltip === undefined ? '' : title(tooltip);
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(width, 0.5))}" height="${n(height)}" ${attrs}>${body}</rect>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attrs}/>`;
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

export function path(points: readonly (readonly [number, number])[], attrs: string): string {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)},${n(y)}`).join('');
  return `<path d="${d}" ${attrs}/>`;
}

/** A label cut to fit its column; the whole of it goes in a tooltip. */
export function clip(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1)}…`;
}
