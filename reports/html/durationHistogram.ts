/**
 * A distribution of durations (recovery times, downtime) as chart data: binned on round
 * widths, with the positions of p50, p99 and the bound, if any, in bin units (a category axis
 * puts bin i's centre at i).
 */
import { duration } from '../clock.ts';

const BIN_WIDTHS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
const MAX_BINS = 24;

export interface ChartMarker {
  readonly at: number;
  readonly label: string;
  readonly colour: string;
  readonly dashed: boolean;
}

/** The sample and its figures; `boundS` null when nothing bounds it. */
export interface DurationSample {
  readonly durationsS: readonly number[];
  readonly p50S: number | null;
  readonly p99S: number | null;
  readonly boundS: number | null;
}

/** What the axes and bars say: x is always the duration. */
export interface HistogramWording {
  /** The x axis: what each duration is. */
  readonly measured: string;
  /** The y axis and the bars: what is counted. */
  readonly counted: string;
}

export interface DurationHistogram {
  readonly canvas: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly labels: readonly string[];
  /** Each bin's range in words, for the tooltip. */
  readonly ranges: readonly string[];
  readonly counts: readonly number[];
  readonly overBound: readonly boolean[];
  readonly markers: readonly ChartMarker[];
}

export function durationHistogram(summary: DurationSample, canvas: string, wording: HistogramWording): DurationHistogram {
  const top = Math.max(summary.boundS ?? 0, ...summary.durationsS, 1) * 1.05;
  const width = BIN_WIDTHS_S.find((w) => top / w <= MAX_BINS) ?? Math.ceil(top / MAX_BINS);
  const bins = Math.max(1, Math.ceil(top / width));
  const counts = new Array<number>(bins).fill(0);
  for (const d of summary.durationsS) counts[Math.min(bins - 1, Math.floor(d / width))]!++;
  const starts = counts.map((_, i) => i * width);
  const at = (seconds: number) => seconds / width - 0.5;
  const markers: ChartMarker[] = [];
  if (summary.boundS !== null) markers.push({ at: at(summary.boundS), label: `bound ${duration(Math.round(summary.boundS))}`, colour: '#c2185b', dashed: false });
  if (summary.p50S !== null) markers.push({ at: at(summary.p50S), label: `p50 ${duration(Math.round(summary.p50S))}`, colour: '#555555', dashed: true });
  if (summary.p99S !== null) markers.push({ at: at(summary.p99S), label: `p99 ${duration(Math.round(summary.p99S))}`, colour: '#555555', dashed: true });
  const bound = summary.boundS;
  return {
    canvas,
    xTitle: wording.measured,
    yTitle: wording.counted,
    labels: starts.map((s) => duration(s)),
    ranges: starts.map((s) => `${duration(s)} to ${duration(s + width)}`),
    counts,
    overBound: starts.map((s) => bound !== null && s >= bound),
    markers,
  };
}
