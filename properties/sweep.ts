/**
 * The policy explorer: the chosen properties over a grid of healing policy × concurrency ×
 * instances per role × detection timeout × fencing. Each grid point is a variant of every
 * property (its hypothesis unchanged); what is recorded is where each property holds.
 */
import type { HealingPolicy, HealingPolicyKind } from '../model/policy.ts';
import { healingPolicyNamed } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import type { SweepConfig } from './campaignConfig.ts';
import type { PropertyVariant } from './propertyDefinition.ts';

export interface SweepPoint {
  readonly healing: HealingPolicyKind;
  readonly concurrency?: number;
  readonly instancesPerRole?: number;
  readonly detectionTimeoutS?: number;
  readonly fencing?: boolean;
}

export function sweepPoints(grid: SweepConfig['grid']): SweepPoint[] {
  let points: SweepPoint[] = grid.healing.map((healing) => ({ healing }));
  const expand = <K extends keyof SweepPoint>(key: K, values: readonly SweepPoint[K][] | undefined) => {
    if (values) points = points.flatMap((p) => values.map((value) => ({ ...p, [key]: value })));
  };
  expand('concurrency', grid.concurrency);
  expand('instancesPerRole', grid.instancesPerRole);
  expand('detectionTimeoutS', grid.detectionTimeoutS);
  expand('fencing', grid.fencing);
  return points;
}

export function healingPolicyAt(point: SweepPoint): HealingPolicy {
  const named = healingPolicyNamed(point.healing);
  if (point.concurrency === undefined) return named;
  switch (named.kind) {
    case 'serial':
    case 'parallel':
      return { ...named, concurrency: point.concurrency };
    case 'adaptive':
      return { ...named, narrowConcurrency: point.concurrency };
    case 'kubernetes':
      return named;
  }
}

/** Every role runs `instances` copies; capacity grows so the fabric still holds them. */
function withInstancesPerRole(scenario: Scenario, instances: number): Scenario {
  const apps = scenario.topology.apps.map((app) => ({ ...app, roles: app.roles.map((role) => ({ ...role, instances })) }));
  const total = apps.reduce((sum, app) => sum + app.roles.length * instances, 0);
  const needed = Math.ceil(total / Math.max(1, scenario.topology.servers.length - 1));
  const servers = scenario.topology.servers.map((s) => ({ ...s, capacity: Math.max(s.capacity, needed) }));
  return { ...scenario, topology: { ...scenario.topology, apps, servers } };
}

export function pointLabel(point: SweepPoint): string {
  return Object.entries(point)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

export function variantAt(point: SweepPoint): PropertyVariant {
  return {
    label: pointLabel(point),
    policy: { healing: healingPolicyAt(point), ...(point.fencing === undefined ? {} : { fencing: point.fencing }) },
    adjust: (scenario) => {
      let adjusted = point.instancesPerRole === undefined ? scenario : withInstancesPerRole(scenario, point.instancesPerRole);
      if (point.detectionTimeoutS !== undefined) adjusted = { ...adjusted, timings: { ...adjusted.timings, detectionTimeoutS: point.detectionTimeoutS } };
      return adjusted;
    },
    expectation: 'holds',
  };
}
