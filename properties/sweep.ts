/**
 * The policy explorer: the chosen properties over a grid of healing policy × concurrency ×
 * instances per role × detection timeout × fencing. Each grid point is a variant of every
 * property (its hypothesis unchanged); what is recorded is where each property holds.
 */
import type { HealingPolicy, HealingPolicyKind } from '../model/policy.ts';
import { healingPolicyNamed } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import type { SweepCell, SweepSummary } from '../reports/summary.ts';
import { catalog } from './catalog/index.ts';
import { checkProperty } from './checkProperty.ts';
import type { DowntimeTally } from './downtime.ts';
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

export interface SweepOptions {
  readonly seed: number;
  readonly runs: number | null;
  readonly onCell?: (done: number, total: number) => void;
  readonly shouldStop?: () => boolean;
}

/**
 * Every property at every point of the grid. Downtime comes back by grid point (its label in
 * place of the policy) and instance count: the same faults under each point, so the rows
 * compare policies fairly.
 */
export function runSweep(sweep: SweepConfig, options: SweepOptions): { summary: SweepSummary; downtime: DowntimeTally[]; complete: boolean } {
  const points = sweepPoints(sweep.grid);
  const properties = catalog.filter((p) => sweep.properties.includes(p.id));
  const cells: SweepCell[] = [];
  const downtime: DowntimeTally[] = [];
  let complete = true;
  const total = points.length * properties.length;
  for (const point of points) {
    const verdicts: Record<string, SweepCell['verdicts'][string]> = {};
    for (const property of properties) {
      if (options.shouldStop?.()) {
        complete = false;
        break;
      }
      const runs = options.runs ?? sweep.runs ?? null;
      const result = checkProperty(property, { seed: options.seed, ...(runs !== null ? { runs } : {}), variant: variantAt(point) });
      verdicts[property.id] = result.verdict;
      downtime.push(...result.downtime.map((t) => ({ ...t, policy: pointLabel(point) })));
      options.onCell?.(cells.length * properties.length + Object.keys(verdicts).length, total);
    }
    if (!complete) break;
    cells.push({ point: { ...point }, verdicts });
  }
  const parameters = Object.keys(points[0] ?? {});
  return { summary: { parameters, properties: properties.map((p) => p.id), cells }, downtime, complete };
}
