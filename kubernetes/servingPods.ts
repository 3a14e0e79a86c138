/**
 * Serving pods per app over a trace, from each instance's recorded state (its placed copy
 * running, or a stray copy still serving), as the simulator's availability tracker counts them.
 */
import { servingCopies } from '../model/simulator/availability.ts';

/** `lifecycle.running | stray.none` back to the value shape `servingCopies` reads. */
export function servingOfState(state: string): number {
  const value: Record<string, string> = {};
  for (const part of state.split(' | ')) {
    const dot = part.indexOf('.');
    value[part.slice(0, dot)] = part.slice(dot + 1);
  }
  return servingCopies(value);
}

/** `app/role/index` → `app` (an app id may itself hold slashes: `namespace/name`). */
export function appOfInstance(instanceId: string): string {
  const role = instanceId.slice(0, instanceId.lastIndexOf('/'));
  return role.slice(0, role.lastIndexOf('/'));
}
