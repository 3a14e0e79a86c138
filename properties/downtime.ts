/**
 * Downtime by instance count: over a property's runs, how long each app was down, grouped by
 * the healing policy of the run and the app's instance count. The incident's lesson in one
 * table: single-instance apps go down whenever their server does; two instances take a
 * correlated failure to go down, and then only for as long as healing lags.
 */
import type { AppSpec } from '../model/topology.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { timeIn } from './traceQueries.ts';

/** The app's smallest role: the copies that must all be lost for the app to go down. */
export function instanceCountOf(app: AppSpec): number {
  return Math.min(...app.roles.map((role) => role.instances));
}

/** One (policy, instance count) group of a property's runs. */
export interface DowntimeTally {
  readonly policy: string;
  readonly instances: number;
  /** Every app of that count in every run counted (an app in 100 runs counts 100 times). */
  readonly appRuns: number;
  /** The total down time of each app-run that was down for a while (seconds, each > 0), ascending. */
  readonly downS: readonly number[];
}

const groupKey = (policy: string, instances: number) => `${policy}\u0000${instances}`;

/** Adds runs one by one; `tallies()` gives the groups ordered by policy, then instance count. */
export class DowntimeCollector {
  private readonly groups = new Map<string, { policy: string; instances: number; appRuns: number; downS: number[] }>();

  add(scenario: Scenario, trace: Trace): void {
    const apps = scenario.topology.apps;
    const down = timeIn(trace, apps.map((app) => app.id), 'down');
    for (const app of apps) {
      const seconds = down.get(app.id) ?? 0;
      this.count(scenario.policy.healing.kind, instanceCountOf(app), 1, seconds > 0 ? [seconds] : []);
    }
  }

  /** Joins tallies gathered elsewhere (other properties, other shards). */
  addTallies(tallies: readonly DowntimeTally[]): void {
    for (const t of tallies) this.count(t.policy, t.instances, t.appRuns, t.downS);
  }

  tallies(): DowntimeTally[] {
    return [...this.groups.values()]
      .sort((a, b) => (a.policy < b.policy ? -1 : a.policy > b.policy ? 1 : a.instances - b.instances))
      .map((g) => ({ policy: g.policy, instances: g.instances, appRuns: g.appRuns, downS: [...g.downS].sort((x, y) => x - y) }));
  }

  private count(policy: string, instances: number, appRuns: number, downS: readonly number[]): void {
    const key = groupKey(policy, instances);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { policy, instances, appRuns: 0, downS: [] }));
    group.appRuns += appRuns;
    group.downS.push(...downS);
  }
}
