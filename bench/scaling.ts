/**
 * The scaled incident at several sizes, each in its own child process (scalingChild.ts)
 * with --expose-gc, one after the other so they do not compete for the cores.
 */
import { runTsx } from './childProcess.ts';
import type { ScalingPoint } from './scalingPoint.ts';

/** 10 to 20,000 servers: the range (a real region has tens of thousands of nodes). */
export const SCALING_SIZES: readonly number[] = [10, 100, 1_000, 5_000, 20_000];
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

/** The heap the 5,000-server incident must run within (issue 15). */
export const HEAP_CAP_MB = 200;
export const CAPPED_SIZE = 5_000;
/**
 * V8's young generation is three semi-spaces (two to copy between, one for large objects):
 * 8 MB semi-spaces leave the old generation the rest of the cap.
 */
const SEMI_SPACE_MB = 8;

export interface CappedRun {
  readonly capMB: number;
  /** The run completed within the cap (V8 aborts the process when a heap limit is reached). */
  readonly completed: boolean;
  readonly point: ScalingPoint | null;
  /** What the child said when it did not complete. */
  readonly failure?: string;
}

function childArgs(heapCapMB?: number): string[] {
  const capped = heapCapMB === undefined ? [] : [`--max-old-space-size=${heapCapMB - 3 * SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
  return ['--expose-gc', ...capped];
}

export async function measureScalingPoint(servers: number): Promise<ScalingPoint> {
  const run = await runTsx('bench/scalingChild.ts', [String(servers)], { nodeFlags: childArgs(), timeoutMs: CHILD_TIMEOUT_MS });
  if (run.code !== 0) throw new Error(`scaling child for ${servers} servers exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ScalingPoint;
}

/** The 5,000-server incident once more, with V8 allowed no more than HEAP_CAP_MB of heap in all. */
export async function measureCappedRun(servers = CAPPED_SIZE, capMB = HEAP_CAP_MB): Promise<CappedRun> {
  const run = await runTsx('bench/scalingChild.ts', [String(servers)], { nodeFlags: childArgs(capMB), timeoutMs: CHILD_TIMEOUT_MS });
  if (run.code !== 0) return { capMB, completed: false, point: null, failure: `exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}` };
  return { capMB, completed: true, point: JSON.parse(run.stdout.trim().split('\n').pop()!) as ScalingPoint };
}

export async function measureScaling(sizes: readonly number[] = SCALING_SIZES, onPoint?: (point: ScalingPoint) => void): Promise<ScalingPoint[]> {
  const points: ScalingPoint[] = [];
  for (const servers of sizes) {
    const point = await measureScalingPoint(servers);
    onPoint?.(point);
    points.push(point);
  }
  return points;
}
