/**
 * How many apps were available, degraded and down at each moment of a run: the curve
 * `simulate --compare` overlays for each healing policy. A step function read from the
 * trace's app entries; it decides nothing a machine decides.
 */
import type { Trace } from '../model/simulator/trace.ts';

export interface AppsAtInstant {
  /** Seconds of simulated time from which these counts hold, until the next point. */
  readonly t: number;
  readonly available: number;
  readonly degraded: number;
  readonly down: number;
}

/** One point per instant at which some app changed status (the last change at an instant wins), plus t = 0 and the run's end. */
export function appsOverTime(trace: Trace, appCount: number): AppsAtInstant[] {
  const counts = { available: appCount, degraded: 0, down: 0 };
  const points: AppsAtInstant[] = [{ t: 0, ...counts }];
  for (const entry of trace.entries) {
    if (entry.kind !== 'app') continue;
    counts[entry.from]--;
    counts[entry.to]++;
    const last = points[points.length - 1]!;
    const point = { t: entry.t, ...counts };
    if (last.t === entry.t) points[points.length - 1] = point;
    else points.push(point);
  }
  const last = points[points.length - 1]!;
  if (trace.endS > last.t) points.push({ ...last, t: trace.endS });
  return points;
}

/**
 * The curve sampled into `buckets` equal slices of [fromS, toS), each slice keeping the
 * worst moment inside it (the most apps down, then the fewest available), so a one-second
 * outage still shows at a chart's width of a few dozen columns.
 */
export function worstPerSlice(points: readonly AppsAtInstant[], fromS: number, toS: number, buckets: number): AppsAtInstant[] {
  const width = (toS - fromS) / buckets;
  const slices: AppsAtInstant[] = [];
  let i = 0;
  for (let b = 0; b < buckets; b++) {
    const start = fromS + b * width;
    const end = b === buckets - 1 ? toS : start + width;
    // The point in force at the slice's start, then every point that begins inside it.
    while (i + 1 < points.length && points[i + 1]!.t <= start) i++;
    let worst = points[i]!;
    for (let j = i + 1; j < points.length && points[j]!.t < end; j++) {
      const p = points[j]!;
      if (p.down > worst.down || (p.down === worst.down && p.available < worst.available)) worst = p;
    }
    slices.push({ ...worst, t: start });
  }
  return slices;
}
