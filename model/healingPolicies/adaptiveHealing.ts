/**
 * `adaptive`: per fault domain, wide open while few servers look dead; narrow (k moves in
 * flight) once a domain is partially dark, the signature of a network fault rather than dead
 * hardware; nothing at all when every domain looks dead (the controller is probably cut off).
 * It remembers a domain it healed narrowly, or in which a server was declared dead while the
 * domain was partly dark, until every server of it answers again.
 */
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { type FaultDomainHealth, everyDomainLooksDead } from '../healingView.ts';

export interface AdaptiveParams {
  readonly kind: 'adaptive';
  readonly narrowConcurrency: number;
  readonly wideConcurrency: number;
  /** Share of a domain's servers that must look dead for it to count as partially disrupted. */
  readonly unhealthyThreshold: number;
}

/** Domains healed narrowly, remembered while any of their servers looks dead. */
export type AdaptiveMemory = readonly number[];

/** A fault domain that is partly dark looks like a network fault: heal it slowly. */
export function isPartiallyDisrupted(health: FaultDomainHealth, narrowConcurrency: number, unhealthyThreshold: number): boolean {
  return health.lookDead > narrowConcurrency && health.lookDead < health.servers && health.lookDead / health.servers >= unhealthyThreshold;
}

/**
 * The domains to heal narrowly: partially dark now, or remembered and still dark. The memory
 * is taken when a decision heals a domain narrowly, or when a server of a partly dark domain
 * is declared dead (see `refresh`), never from heartbeats alone: a rack that fails whole
 * passes through "partially dark" for an instant before any of it is declared, and a rack
 * coming back one server at a time passes through a share below the threshold.
 */
export function narrowDomains(params: AdaptiveParams, domains: readonly FaultDomainHealth[], remembered: AdaptiveMemory): number[] {
  return domains
    .filter((d) => isPartiallyDisrupted(d, params.narrowConcurrency, params.unhealthyThreshold) || (remembered.includes(d.faultDomain) && d.lookDead > 0))
    .map((d) => d.faultDomain);
}

export const adaptiveHealing: HealingPolicyDefinition<AdaptiveParams, AdaptiveMemory> = {
  kind: 'adaptive',
  summary: 'wide open while few servers look dead, narrow in a partly dark domain, nothing when every domain is dark',
  honoursBlackouts: true,
  initialMemory: () => [],
  decide(params, view, memory) {
    const allDark = everyDomainLooksDead(view.faultDomains);
    const narrow = narrowDomains(params, view.faultDomains, memory);
    const inFlightByDomain = new Map<number, number>();
    // Stryker disable next-line ConditionalExpression: a portal request would be counted under no domain (undefined), which no queued move looks up
    for (const item of view.inFlight) if (item.kind === 'move') inFlightByDomain.set(item.fromFaultDomain, (inFlightByDomain.get(item.fromFaultDomain) ?? 0) + 1);
    let total = view.inFlight.length;
    const start: number[] = [];
    const healedNarrowly = new Set<number>();
    view.queue.forEach((item, index) => {
      if (total >= params.wideConcurrency) return;
      if (item.kind === 'move') {
        if (allDark) return;
        const inDomain = inFlightByDomain.get(item.fromFaultDomain) ?? 0;
        if (narrow.includes(item.fromFaultDomain)) {
          if (inDomain >= params.narrowConcurrency) return;
          healedNarrowly.add(item.fromFaultDomain);
        }
        inFlightByDomain.set(item.fromFaultDomain, inDomain + 1);
      }
      start.push(index);
      total++;
    });
    return { start, memory: narrow.filter((d) => memory.includes(d) || healedNarrowly.has(d)) };
  },
  /**
   * Forget a domain once every server of it answers again; remember one that is partly dark
   * with a server declared dead. The second is a network fault rolling through a rack: a
   * server that held nothing is declared dead (no move, so no decision takes the memory) and
   * answers again before the rest are declared, and without the memory the rest would then
   * be healed at full speed, the rack's share having dropped below the threshold.
   */
  refresh(params, view, memory) {
    const stillDark = memory.filter((d) => (view.faultDomains.find((h) => h.faultDomain === d)?.lookDead ?? 0) > 0);
    const declaredInDarkDomain = view.faultDomains
      .filter((h) => h.declaredDead > 0 && !memory.includes(h.faultDomain) && isPartiallyDisrupted(h, params.narrowConcurrency, params.unhealthyThreshold))
      .map((h) => h.faultDomain);
    return stillDark.length === memory.length && declaredInDarkDomain.length === 0 ? memory : [...stillDark, ...declaredInDarkDomain];
  },
};
