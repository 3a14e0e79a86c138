/**
 * What a healing policy sees of the controller when it decides: the queue of work, what is in
 * flight, how dark each fault domain looks, which servers are already evicted or look dead,
 * and the simulated time.
 */
export type WorkItem =
  | { readonly kind: 'move'; readonly instanceId: string; readonly fromServerId: string; readonly fromFaultDomain: number }
  | { readonly kind: 'management'; readonly requestId: string };

export interface FaultDomainHealth {
  readonly faultDomain: number;
  readonly servers: number;
  /** Servers whose heartbeats are missing or that were declared dead. */
  readonly lookDead: number;
  /** Of those, the servers declared dead (their detection timeout ran out). */
  readonly declaredDead: number;
}

export interface HealingView {
  /** Waiting work, oldest first: instance moves, and portal requests when they share the queue. */
  readonly queue: readonly WorkItem[];
  readonly inFlight: readonly WorkItem[];
  readonly faultDomains: readonly FaultDomainHealth[];
  /** Servers some move already left (fenced or abandoned): moving their other instances evicts nothing new. */
  readonly evictedServers: ReadonlySet<string>;
  /** Servers the controller believes dead or suspects: only moves off them are evictions. */
  readonly serversLookingDead: ReadonlySet<string>;
  readonly nowS: number;
}

/** Every domain dark at once: the controller is probably the one cut off. */
export function everyDomainLooksDead(domains: readonly FaultDomainHealth[]): boolean {
  return domains.length > 0 && domains.every((d) => d.servers > 0 && d.lookDead === d.servers);
}

/** The first `limit` queue positions (fewer if the queue is shorter). */
export function firstN(available: number, limit: number): number[] {
  const start: number[] = [];
  for (let i = 0; i < Math.min(available, limit); i++) start.push(i);
  return start;
}
