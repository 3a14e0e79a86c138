/**
 * The bound of an exhaustive exploration: at most `maxFaults` faults, each injected at a
 * choice point on a grid of `granularityS` seconds from 0 to `horizonS`, one per point; the run
 * then goes on `settleS` more seconds without faults so recoveries can finish.
 */
export interface ExplorationBound {
  readonly maxFaults: number;
  readonly horizonS: number;
  readonly granularityS: number;
  readonly settleS: number;
}

/** The choice points: 0, G, 2G, … up to the horizon. */
export function choiceTimesS(bound: ExplorationBound): number[] {
  const times: number[] = [];
  for (let t = 0; t <= bound.horizonS; t += bound.granularityS) times.push(t);
  return times;
}

/** When every run of the bound ends. */
export function runEndS(bound: ExplorationBound): number {
  return bound.horizonS + bound.settleS;
}

export function describeBound(bound: ExplorationBound): string {
  return `≤ ${bound.maxFaults} fault${bound.maxFaults === 1 ? '' : 's'}, one per ${bound.granularityS}s grid point up to ${bound.horizonS}s, runs to ${runEndS(bound)}s`;
}
