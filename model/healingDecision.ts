/**
 * The healing region's decision, as a pure function of the controller's view: which queued
 * pieces of work (instance moves, and portal requests when they share the queue) start now.
 * The controller machine calls it from its `startWork` action; nothing else decides this.
 */
import type { HealingPolicy } from './policy.ts';
import { zoneEvictionRatePerS, zoneState } from './zoneState.ts';

export type WorkItem =
  | { readonly kind: 'move'; readonly instanceId: string; readonly fromServerId: string; readonly fromFaultDomain: number }
  | { readonly kind: 'management'; readonly requestId: string };

export interface FaultDomainHealth {
  readonly faultDomain: number;
  readonly servers: number;
  /** Servers whose heartbeats are missing or that were declared dead. */
  readonly lookDead: number;
}

export interface HealingView {
  readonly queue: readonly WorkItem[];
  readonly inFlight: readonly WorkItem[];
  readonly faultDomains: readonly FaultDomainHealth[];
  /** Servers already evicted: moving the rest of their instances costs no eviction token. */
  readonly evictedServers: ReadonlySet<string>;
  /** Kubernetes preset: eviction tokens per fault domain (burst 1). */
  readonly evictionTokens: Readonly<Record<number, number>>;
  /** Adaptive: domains healed narrowly until none of their servers looks dead (see `nextNarrowedDomains`). */
  readonly narrowedDomains: ReadonlySet<number>;
  /** Servers the controller believes dead or suspects: only their moves are evictions. */
  readonly serversLookingDead: ReadonlySet<string>;
}

export interface HealingDecision {
  /** Indexes into the queue, in queue order. */
  readonly start: readonly number[];
  readonly evictionTokens: Readonly<Record<number, number>>;
  /** Adaptive: the domains this decision healed narrowly, remembered while they stay dark. */
  readonly narrowedDomains: readonly number[];
}

export function selectWork(policy: HealingPolicy, view: HealingView): HealingDecision {
  switch (policy.kind) {
    case 'serial':
    case 'parallel':
      return { start: firstN(view.queue.length, policy.concurrency - view.inFlight.length), evictionTokens: view.evictionTokens, narrowedDomains: [] };
    case 'adaptive':
      return selectAdaptive(policy, view);
    case 'kubernetes':
      return selectByEvictionTokens(view);
  }
}

function firstN(available: number, limit: number): number[] {
  const start: number[] = [];
  for (let i = 0; i < Math.min(available, limit); i++) start.push(i);
  return start;
}

/** A fault domain that is partly dark looks like a network fault: heal it slowly. */
export function isPartiallyDisrupted(health: FaultDomainHealth, narrowConcurrency: number, unhealthyThreshold: number): boolean {
  return (
    health.lookDead > narrowConcurrency &&
    health.lookDead < health.servers &&
    health.lookDead / health.servers >= unhealthyThreshold
  );
}

/** Remembered domains whose every server answers again: the memory lets go of them. */
export function recoveredNarrowedDomains(domains: readonly FaultDomainHealth[], narrowed: readonly number[]): number[] {
  return narrowed.filter((d) => domains.find((h) => h.faultDomain === d)?.lookDead === 0);
}

/**
 * Adaptive's memory: a domain healed narrowly (it was partially dark when moves were decided)
 * stays narrow until every one of its servers answers again. Without it, a rack whose servers
 * come back one by one passes through a share below the threshold and, for an instant, is
 * healed wide open. The memory is taken only when work is decided, never as heartbeats
 * arrive one by one: a rack that fails whole passes through "partially dark" too.
 */
export function nextNarrowedDomains(
  policy: Extract<HealingPolicy, { kind: 'adaptive' }>,
  domains: readonly FaultDomainHealth[],
  narrowed: ReadonlySet<number>,
): number[] {
  return domains
    .filter((d) => isPartiallyDisrupted(d, policy.narrowConcurrency, policy.unhealthyThreshold) || (narrowed.has(d.faultDomain) && d.lookDead > 0))
    .map((d) => d.faultDomain);
}

/** Every domain dark at once: the controller is the one cut off, so it moves nothing. */
export function everyDomainLooksDead(domains: readonly FaultDomainHealth[]): boolean {
  return domains.length > 0 && domains.every((d) => d.servers > 0 && d.lookDead === d.servers);
}

function selectAdaptive(policy: Extract<HealingPolicy, { kind: 'adaptive' }>, view: HealingView): HealingDecision {
  const allDark = everyDomainLooksDead(view.faultDomains);
  const narrowedDomains = nextNarrowedDomains(policy, view.faultDomains, view.narrowedDomains);
  const narrowDomains = new Set(narrowedDomains);
  const inFlightByDomain = new Map<number, number>();
  for (const item of view.inFlight) {
    if (item.kind === 'move') inFlightByDomain.set(item.fromFaultDomain, (inFlightByDomain.get(item.fromFaultDomain) ?? 0) + 1);
  }
  let total = view.inFlight.length;
  const start: number[] = [];
  const healedNarrowly = new Set<number>();
  view.queue.forEach((item, index) => {
    if (total >= policy.wideConcurrency) return;
    if (item.kind === 'move') {
      if (allDark) return;
      const inDomain = inFlightByDomain.get(item.fromFaultDomain) ?? 0;
      if (narrowDomains.has(item.fromFaultDomain)) {
        if (inDomain >= policy.narrowConcurrency) return;
        healedNarrowly.add(item.fromFaultDomain);
      }
      inFlightByDomain.set(item.fromFaultDomain, inDomain + 1);
    }
    start.push(index);
    total++;
  });
  // Remembered: what was already remembered and still dark, and every domain this decision healed narrowly.
  const remembered = narrowedDomains.filter((d) => view.narrowedDomains.has(d) || healedNarrowly.has(d));
  return { start, evictionTokens: view.evictionTokens, narrowedDomains: remembered };
}

/**
 * Kubernetes evicts nodes, not pods: a token lets every queued move of one more server of
 * that zone start. Portal requests never wait for tokens.
 */
function selectByEvictionTokens(view: HealingView): HealingDecision {
  // Every zone dark: the controller assumes it is the one cut off; tokens saved earlier don't count.
  const cutOff = everyDomainLooksDead(view.faultDomains);
  const tokens: Record<number, number> = { ...view.evictionTokens };
  const admittedServers = new Set<string>();
  const start: number[] = [];
  view.queue.forEach((item, index) => {
    if (item.kind === 'management') {
      start.push(index);
      return;
    }
    // Moving off a server that is back, or already evicted, evicts nothing: no token needed.
    if (!view.serversLookingDead.has(item.fromServerId) || view.evictedServers.has(item.fromServerId) || admittedServers.has(item.fromServerId)) {
      start.push(index);
      return;
    }
    if (!cutOff && (tokens[item.fromFaultDomain] ?? 0) >= 1) {
      tokens[item.fromFaultDomain] = (tokens[item.fromFaultDomain] ?? 0) - 1;
      admittedServers.add(item.fromServerId);
      start.push(index);
    }
  });
  return { start, evictionTokens: tokens, narrowedDomains: [] };
}

/** One eviction pass's refill: each zone earns its rate × the pass interval, burst 1. */
export function refillEvictionTokens(
  policy: Extract<HealingPolicy, { kind: 'kubernetes' }>,
  domains: readonly FaultDomainHealth[],
  tokens: Readonly<Record<number, number>>,
  passS: number,
): Record<number, number> {
  const everyZoneFull = domains.length > 0 && domains.every((d) => zoneState(d.servers - d.lookDead, d.lookDead, policy) === 'FullDisruption');
  const refilled: Record<number, number> = {};
  for (const d of domains) {
    const state = zoneState(d.servers - d.lookDead, d.lookDead, policy);
    const rate = zoneEvictionRatePerS(state, d.servers, everyZoneFull, policy);
    refilled[d.faultDomain] = Math.min(1, (tokens[d.faultDomain] ?? 0) + rate * passS);
  }
  return refilled;
}
