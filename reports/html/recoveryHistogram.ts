/**
 * A recovery distribution as chart data: durations binned on round widths, with the positions
 * of p50, p99 and the bound in bin units (a category axis puts bin i's centre at i).
 */
import { duration } from '../clock.ts';
import type { RecoverySummary } from '../summary.ts';

const BIN_WIDTHS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
const MAX_BINS = 24;

export interface ChartMarker {
  readonly at: number;
  readonly label: string;
  readonly colour: string;
  readonly dashed: boolean;
}

export interface RecoveryHistogram {
  readonly canvas: string;
  readonly labels: readonly string[];
  /** Each bin's range in words, for the tooltip. */
  readonly ranges: readonly string[];
  readonly counts: readonly number[];
  readonly overBound: readonly boolean[];
  readonly markers: readonly ChartMarker[];
}

export function recoveryHistogram(summary: RecoverySummary, canvas: string): RecoveryHistogram {
  const top = Math.max(summary.boundS, ...summary.durationsS, 1) * 1.05;
  const width = BIN_WIDTHS_S.find((w) => top / w <= MAX_BINS) ?? Math.ceil(top / MAX_BINS);
  const bins = Math.max(1, Math.ceil(top / width));
  const counts = new Array<number>(bins).fill(0);
  for (const d of summary.durationsS) counts[Math.min(bins - 1, Math.floor(d / width))]!++;
  const starts = counts.map((_, i) => i * width);
  const at = (seconds: number) => seconds / width - 0.5;
  const markers: ChartMarker[] = [{ at: at(summary.boundS), label: `bound ${duration(Math.round(summary.boundS))}`, colour: '#c2185b', dashed: false }];
  if (summary.p50S !== null) markers.push({ at: at(summary.p50S), label: `p50 ${duration(Math.round(summary.p50S))}`, colour: '#555555', dashed: true });
  if (summary.p99S !== null) markers.push({ at: at(summary.p99S), label: `p99 ${duration(Math.round(summary.p99S))}`, colour: '#555555', dashed: true });
  return {
    canvas,
    labels: starts.map((s) => duration(s)),
    ranges: starts.map((s) => `${duration(s)} to ${duration(s + width)}`),
    counts,
    overBound: starts.map((s) => s >= summary.boundS),
    markers,
  };
}
