/**
 * The scaled incident at several sizes, each in its own child process (scalingChild.ts)
 * with --expose-gc, one after the other so they do not compete for the cores.
 */
import { runTsx } from './childProcess.ts';
import type { ScalingPoint } from './scalingPoint.ts';

/** 10 to 20,000 servers: the range (a real region has tens of thousands of nodes). */
export const SCALING_SIZES: readonly number[] = [10, 100, 1_000, 5_000, 20_000];
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

export async function measureScalingPoint(servers: number): Promise<ScalingPoint> {
  const run = await runTsx('bench/scalingChild.ts', [String(servers)], { nodeFlags: ['--expose-gc'], timeoutMs: CHILD_TIMEOUT_MS });
  if (run.code !== 0) throw new Error(`scaling child for ${servers} servers exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ScalingPoint;
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
