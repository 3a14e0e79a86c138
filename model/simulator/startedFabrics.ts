/**
 * The started fabrics kept between runs, newest last, so that runs sharing a fabric share its
 * remembered steps (startedFabric.ts). Only what can be met again safely is kept: a fabric is
 * the same when its topology, timings and policy are (JSON, the scenario's own data), and only
 * under a built-in healing policy (a user's policy is known only inside the call it was passed
 * to, and may keep records of its own as it decides, so its steps are computed every time).
 * A fabric remembers its steps only from its second run on: most fabrics a property draws are
 * met once, and a run that remembers keeps every snapshot it passed through (more for the
 * garbage collector to carry than the live machines). Large fleets are not kept at all.
 */
import { BUILT_IN_HEALING_POLICIES } from '../healingPolicies/registry.ts';
import type { Scenario } from '../scenario.ts';
import { type StartedFabric, startFabric } from './startedFabric.ts';

/** Fabrics kept at once. */
const KEPT_FABRICS_MAX = 4;
/** Actors (servers, instances and the five services) a kept fabric may have. */
const KEPT_ACTORS_MAX = 4_000;
/** Steps a kept fabric remembers before its memory starts again. */
const REMEMBERED_STEPS_MAX = 100_000;

const BUILT_IN_KINDS: ReadonlySet<string> = new Set(BUILT_IN_HEALING_POLICIES.map((p) => p.kind));
const kept = new Map<string, StartedFabric>();

/** Infinity and NaN would print as null: keep them apart from it. */
function exactNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? `#${value}` : value;
}

function actorsOf(scenario: Scenario): number {
  let instances = 0;
  for (const app of scenario.topology.apps) for (const role of app.roles) instances += role.instances;
  return scenario.topology.servers.length + instances + 5;
}

export function startedFabricFor(scenario: Scenario): StartedFabric {
  if (!BUILT_IN_KINDS.has(scenario.policy.healing.kind) || actorsOf(scenario) > KEPT_ACTORS_MAX) return startFabric(scenario, 0);
  const key = JSON.stringify([scenario.topology, scenario.timings, scenario.policy], exactNumbers);
  const known = kept.get(key);
  if (known) {
    kept.delete(key);
    kept.set(key, known);
    if (!known.transitions.remembering) known.transitions.rememberUpTo(REMEMBERED_STEPS_MAX);
    return known;
  }
  const fabric = startFabric(scenario, 0);
  kept.set(key, fabric);
  if (kept.size > KEPT_FABRICS_MAX) kept.delete(kept.keys().next().value!);
  return fabric;
}

/** Forget every kept fabric (a test that wants a cold start, a bench that measures one). */
export function forgetStartedFabrics(): void {
  kept.clear();
}
