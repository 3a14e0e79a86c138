/**
 * Each app's availability, derived from its instances' states as the trace is written. An
 * instance serves while its placed copy runs or a stray copy still serves elsewhere.
 */
import type { AppSpec } from '../topology.ts';
import { instanceId } from '../topology.ts';
import type { AppStatus } from './trace.ts';

interface RoleTally {
  readonly instances: number;
  serving: number;
}

export class AvailabilityTracker {
  readonly #rolesOfApp = new Map<string, RoleTally[]>();
  readonly #roleOfInstance = new Map<string, { appId: string; tally: RoleTally }>();
  readonly #servingOfInstance = new Map<string, number>();
  readonly #statusOfApp = new Map<string, AppStatus>();

  constructor(apps: readonly AppSpec[], initiallyServing: (instanceId: string) => number) {
    for (const app of apps) {
      const tallies = app.roles.map((role) => {
        const tally: RoleTally = { instances: role.instances, serving: 0 };
        for (let i = 0; i < role.instances; i++) {
          const id = instanceId(app.id, role.id, i);
          const serving = initiallyServing(id);
          this.#roleOfInstance.set(id, { appId: app.id, tally });
          this.#servingOfInstance.set(id, serving);
          tally.serving += serving;
        }
        return tally;
      });
      this.#rolesOfApp.set(app.id, tallies);
      this.#statusOfApp.set(app.id, statusOf(tallies));
    }
  }

  statusOf(appId: string): AppStatus {
    return this.#statusOfApp.get(appId)!;
  }

  /** Record an instance's serving copies; returns the app's change, if any. */
  update(id: string, serving: number): { appId: string; from: AppStatus; to: AppStatus } | null {
    const before = this.#servingOfInstance.get(id);
    if (before === undefined) return null;
    this.#servingOfInstance.set(id, serving);
    const { appId, tally } = this.#roleOfInstance.get(id)!;
    tally.serving += serving - before;
    const from = this.#statusOfApp.get(appId)!;
    const to = statusOf(this.#rolesOfApp.get(appId)!);
    if (from === to) return null;
    this.#statusOfApp.set(appId, to);
    return { appId, from, to };
  }
}

function statusOf(roles: readonly RoleTally[]): AppStatus {
  let short = false;
  for (const role of roles) {
    if (role.serving === 0) return 'down';
    if (role.serving < role.instances) short = true;
  }
  return short ? 'degraded' : 'available';
}

/** Serving copies of an instance from its machine's state value. */
export function servingCopies(value: unknown): number {
  const v = value as { lifecycle?: string; stray?: string };
  return (v.lifecycle === 'running' ? 1 : 0) + (v.stray === 'serving' ? 1 : 0);
}
