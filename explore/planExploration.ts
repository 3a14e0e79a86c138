/**
 * From an `explore` section to the explorations to run: each catalog property with a profile
 * that applies, under its own policy and hypothesis, grouped so that properties sharing a
 * policy, an alphabet of faults, a hypothesis and a check scope share one search.
 */
import type { FaultKind } from '../model/faultSchedule.ts';
import { InputError } from '../model/inputError.ts';
import type { ControllerPolicy } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { checkScenario } from '../model/scenarioSchema.ts';
import type { Topology } from '../model/topology.ts';
import { faultDomainsOf } from '../model/topology.ts';
import { propertyById } from '../properties/catalog/index.ts';
import type { ExploreSection } from './exploreConfig.ts';
import { EXPLORE_PROFILES, NOT_EXPLORED, type ExploreProfile } from './profiles.ts';
import type { ExplorationBound } from './space/explorationBound.ts';
import type { ExplorationSpace, ExploredProperty } from './space/explorationSpace.ts';
import { type FaultChoice, type UntimedFault, labelOf } from './space/faultChoice.ts';

export interface BoundOverrides {
  readonly maxFaults?: number;
  readonly horizonS?: number;
  readonly granularityS?: number;
  /** Explore only these properties (and their variants). */
  readonly properties?: readonly string[];
}

export interface NotExplored {
  readonly propertyId: string;
  readonly variant: string | null;
  readonly reason: string;
}

export interface ExplorationPlan {
  readonly bound: ExplorationBound;
  readonly spaces: readonly ExplorationSpace[];
  readonly notExplored: readonly NotExplored[];
}

/** Every fault the section allows, of the given kinds, one per target (and duration). */
export function faultAlphabet(section: ExploreSection, topology: Topology, kinds: readonly FaultKind[]): FaultChoice[] {
  const faults: UntimedFault[] = [];
  const allowed = (kind: FaultKind) => kinds.includes(kind);
  const f = section.faults;
  if (f.crash && allowed('crash')) for (const s of topology.servers) faults.push({ kind: 'crash', serverId: s.id });
  if (f.heartbeatLossS && allowed('heartbeat-loss')) for (const s of topology.servers) for (const durationS of f.heartbeatLossS) faults.push({ kind: 'heartbeat-loss', serverId: s.id, durationS });
  if (f.rackFailure && allowed('rack-failure')) for (const faultDomain of faultDomainsOf(topology)) faults.push({ kind: 'rack-failure', faultDomain });
  if (f.networkDegradation && allowed('network-degradation')) for (const w of f.networkDegradation) faults.push({ kind: 'network-degradation', durationS: w.durationS, latencyS: w.latencyS });
  if (f.upgradeStart && allowed('upgrade-start')) faults.push({ kind: 'upgrade-start' });
  if (f.managementRequest && allowed('management-request')) faults.push({ kind: 'management-request', requestId: 'portal' });
  return faults.map((fault) => ({ fault, label: labelOf(fault) }));
}

/** Long enough after the last fault for the slowest story to finish: the longest fault, detection, repair, two starts, an hour. */
export function defaultSettleS(section: ExploreSection): number {
  const longest = Math.max(0, ...(section.faults.heartbeatLossS ?? []), ...(section.faults.networkDegradation ?? []).map((w) => w.durationS));
  const t = section.timings;
  return longest + t.detectionTimeoutS + t.repairS + 2 * t.instanceStartS + 3600;
}

function policyFor(section: ExploreSection, profile: ExploreProfile, variantPolicy: Partial<ControllerPolicy> | undefined): ControllerPolicy {
  return { ...(section.policy as ControllerPolicy), ...profile.policy, ...variantPolicy };
}

export function planExploration(section: ExploreSection, name: string, overrides: BoundOverrides = {}): ExplorationPlan {
  const bound: ExplorationBound = {
    maxFaults: overrides.maxFaults ?? section.maxFaults,
    horizonS: overrides.horizonS ?? section.horizonS,
    granularityS: overrides.granularityS ?? section.granularityS,
    settleS: section.settleS ?? defaultSettleS(section),
  };
  const topology = section.topology as Topology;
  const chosen = overrides.properties ?? section.properties;
  const wanted = (id: string) => chosen === undefined || chosen.includes(id);
  const notExplored: NotExplored[] = [];
  const groups = new Map<string, { space: Omit<ExplorationSpace, 'properties'>; properties: ExploredProperty[] }>();

  for (const [id, reason] of Object.entries(NOT_EXPLORED)) if (wanted(id)) notExplored.push({ propertyId: id, variant: null, reason });
  for (const profile of EXPLORE_PROFILES) {
    if (!wanted(profile.propertyId)) continue;
    const definition = propertyById(profile.propertyId)!;
    const variant = profile.variant === null ? null : (definition.variants ?? []).find((v) => v.label === profile.variant) ?? null;
    const skip = (reason: string) => notExplored.push({ propertyId: profile.propertyId, variant: profile.variant, reason });
    if (profile.variant !== null && variant === null) {
      skip(`the catalog has no variant "${profile.variant}"`);
      continue;
    }
    const needs = profile.needs?.(topology) ?? null;
    if (needs !== null) {
      skip(needs);
      continue;
    }
    const alphabet = faultAlphabet(section, topology, profile.faultKinds);
    if (alphabet.length === 0) {
      skip(`the config allows none of the faults its hypothesis uses (${profile.faultKinds.join(', ')})`);
      continue;
    }
    const policy = policyFor(section, profile, variant?.policy);
    const restriction = profile.restriction?.(topology) ?? null;
    const scenario: Scenario = { name: `${name} (exhaustive)`, topology, policy, timings: section.timings, faults: [], horizonS: bound.horizonS + bound.settleS };
    const problems = checkScenario(scenario);
    if (problems.length > 0) throw new InputError('explore', problems.map((p) => ({ ...p, path: `explore.${p.path}` })));
    const key = JSON.stringify([policy, alphabet.map((c) => c.label), restriction?.description ?? null, profile.scope]);
    let group = groups.get(key);
    if (group === undefined) {
      const label = `${policy.healing.kind}${policy.fencing ? '' : ', fencing off'}; ${profile.faultKinds.join(', ')}${restriction ? `; ${restriction.description}` : ''}; ${profile.scope === 'stretch' ? 'states merged' : 'whole runs'}`;
      group = { space: { label, scenario, alphabet, restriction, bound, scope: profile.scope }, properties: [] };
      groups.set(key, group);
    }
    group.properties.push({ definition, variant, expected: variant?.expectation ?? definition.expectation, scope: profile.scope });
  }
  return { bound, spaces: [...groups.values()].map((g) => ({ ...g.space, properties: g.properties })), notExplored };
}

/**
 * The config's own state space: every fault it allows, under its own policy, no hypothesis,
 * states merged; the stretch-scope properties that apply checked on it. What the benchmark
 * measures (`bench/explore.ts`): the fabric's reachable states, whatever the properties.
 */
export function wholeSpace(section: ExploreSection, name: string, overrides: BoundOverrides = {}): ExplorationSpace {
  const plan = planExploration(section, name, overrides);
  const kinds: FaultKind[] = ['crash', 'heartbeat-loss', 'rack-failure', 'network-degradation', 'upgrade-start', 'management-request'];
  const topology = section.topology as Topology;
  const scenario: Scenario = { name: `${name} (exhaustive)`, topology, policy: section.policy as ControllerPolicy, timings: section.timings, faults: [], horizonS: plan.bound.horizonS + plan.bound.settleS };
  const properties = plan.spaces.filter((s) => s.scope === 'stretch' && JSON.stringify(s.scenario.policy) === JSON.stringify(scenario.policy) && s.restriction === null).flatMap((s) => s.properties);
  return { label: `${section.policy.healing.kind}; every fault allowed; states merged`, scenario, alphabet: faultAlphabet(section, topology, kinds), restriction: null, bound: plan.bound, scope: 'stretch', properties };
}
