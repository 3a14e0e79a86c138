/**
 * Whether `swarm(...)` builds swarm schedules. Arbitraries are built synchronously when a
 * property asks for its scenarios, so the check scopes the mode around that call; outside any
 * scope the mode comes from FV_SWARM (default: DEFAULT_SWARM).
 */
import { chooseSwarm } from '../seeds.ts';

let scoped: boolean | null = null;

export function swarmMode(): boolean {
  return scoped ?? chooseSwarm();
}

/** Builds arbitraries with swarm mode on or off, whatever the environment says. */
export function withSwarmMode<T>(on: boolean, build: () => T): T {
  const outer = scoped;
  scoped = on;
  try {
    return build();
  } finally {
    scoped = outer;
  }
}
