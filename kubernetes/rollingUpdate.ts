/**
 * A Deployment's rollout budget (`spec.strategy`): how many of its pods a rolling update may
 * take down at once (`maxUnavailable`, rounded down) and start above its replicas
 * (`maxSurge`, rounded up), ints or percentages, Kubernetes' defaults 25% and 25%, validated
 * as the API server validates them; scaled to nothing either way, one pod may go down, as the
 * Deployment controller resolves it. `Recreate` takes every pod down and starts none extra.
 */
import { scaledCount } from './intOrPercent.ts';
import { manifestError } from './manifestError.ts';
import type { Validated } from './validatedObjects.ts';

export interface RolloutBudget {
  readonly maxUnavailable: number;
  readonly maxSurge: number;
}

const DEFAULT = '25%';

export function rolloutBudget(deployment: Validated<'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'DaemonSet'>, replicas: number): RolloutBudget {
  const strategy = deployment.value.spec.strategy;
  const path = (field: string) => ['spec', 'strategy', 'rollingUpdate', field];
  const bad = (field: string, expected: string, value: unknown) =>
    manifestError(deployment.source.file, deployment.source.lineOf(path(field)), `${deployment.ref} ${path(field).join('.')}`, expected, JSON.stringify(value));
  if (strategy?.type === 'Recreate') {
    if (strategy.rollingUpdate) {
      throw manifestError(deployment.source.file, deployment.source.lineOf(['spec', 'strategy', 'rollingUpdate']), `${deployment.ref} spec.strategy.rollingUpdate`, 'no rollingUpdate with strategy type Recreate', 'a rollingUpdate');
    }
    return { maxUnavailable: replicas, maxSurge: 0 };
  }
  const raw = { maxUnavailable: strategy?.rollingUpdate?.maxUnavailable ?? DEFAULT, maxSurge: strategy?.rollingUpdate?.maxSurge ?? DEFAULT };
  const maxUnavailable = scaledCount(raw.maxUnavailable, replicas, false);
  if (maxUnavailable === null || (typeof raw.maxUnavailable === 'string' && percent(raw.maxUnavailable) > 100)) {
    throw bad('maxUnavailable', 'a whole number or a percentage up to "100%", such as "25%"', raw.maxUnavailable);
  }
  const maxSurge = scaledCount(raw.maxSurge, replicas, true);
  if (maxSurge === null) throw bad('maxSurge', 'a whole number or a percentage such as "25%"', raw.maxSurge);
  // The API server refuses both zero (as written, before scaling): such a rollout could never move.
  if (isZero(raw.maxUnavailable) && isZero(raw.maxSurge)) throw bad('maxUnavailable', 'not 0 when maxSurge is 0 (a rollout could take nothing down and start nothing extra)', raw.maxUnavailable);
  // The Deployment controller's fencepost: a rollout that scales to nothing either way takes one pod down.
  if (maxUnavailable === 0 && maxSurge === 0) return { maxUnavailable: 1, maxSurge: 0 };
  return { maxUnavailable: Math.min(maxUnavailable, replicas), maxSurge };
}

function percent(value: string): number {
  const match = /^(\d+)%$/.exec(value.trim());
  return match ? Number(match[1]) : 0;
}

function isZero(value: number | string): boolean {
  return typeof value === 'number' ? value === 0 : /^0+%?$/.test(value.trim());
}
