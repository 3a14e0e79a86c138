/**
 * `kubernetes`: the node lifecycle controller's zone-aware eviction (model/zoneState.ts). It
 * evicts servers, not instances: a token per zone lets every queued move of one more server
 * of that zone start, and each zone earns tokens at its rate (burst 1). Portal requests never
 * wait for tokens.
 */
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { type FaultDomainHealth, type HealingView, everyDomainLooksDead } from '../healingView.ts';
import { type ZoneRules, zoneEvictionRatePerS, zoneState } from '../zoneState.ts';

export interface KubernetesParams extends ZoneRules {
  readonly kind: 'kubernetes';
}

export interface EvictionTokens {
  readonly tokens: Readonly<Record<number, number>>;
  /** When the tokens were last counted. */
  readonly atS: number;
}

/** Each zone's tokens after `elapsedS` at its current rate, burst 1; none when every zone is dark. */
export function refillEvictionTokens(params: KubernetesParams, domains: readonly FaultDomainHealth[], tokens: Readonly<Record<number, number>>, elapsedS: number): Record<number, number> {
  // With no domain at all, `every` is true, but the loop below then has nothing to fill.
  const everyZoneFull = domains.every((d) => zoneState(d.servers - d.lookDead, d.lookDead, params) === 'FullDisruption');
  const refilled: Record<number, number> = {};
  for (const d of domains) {
    const rate = zoneEvictionRatePerS(zoneState(d.servers - d.lookDead, d.lookDead, params), d.servers, everyZoneFull, params);
    // Rounded to a nanotoken, so ten passes at 0.1 make a whole token, not 0.9999999999999999.
    refilled[d.faultDomain] = everyZoneFull ? 0 : Math.min(1, Math.round(((tokens[d.faultDomain] ?? 0) + rate * elapsedS) * 1e9) / 1e9);
  }
  return refilled;
}

function selectByEvictionTokens(view: HealingView, tokens: Record<number, number>): number[] {
  const cutOff = everyDomainLooksDead(view.faultDomains);
  const admitted = new Set<string>();
  const start: number[] = [];
  view.queue.forEach((item, index) => {
    // Portal requests never wait for tokens. (A request has no server, so the next check would
    // let it through too; this one says so plainly and tells TypeScript the rest are moves.)
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: without this branch a request still starts, through the next check
    if (item.kind === 'management') {
      start.push(index);
      return;
    }
    // Moving off a server that is back, already evicted, or admitted by this decision costs no token.
    if (!view.serversLookingDead.has(item.fromServerId) || view.evictedServers.has(item.fromServerId) || admitted.has(item.fromServerId)) {
      start.push(index);
      return;
    }
    if (!cutOff && (tokens[item.fromFaultDomain] ?? 0) >= 1) {
      tokens[item.fromFaultDomain] = (tokens[item.fromFaultDomain] ?? 0) - 1;
      admitted.add(item.fromServerId);
      start.push(index);
    }
  });
  return start;
}

export const kubernetesEviction: HealingPolicyDefinition<KubernetesParams, EvictionTokens> = {
  kind: 'kubernetes',
  summary: "Kubernetes' zone-aware eviction: 0.1 servers/s per zone, slower or none in a partially dark zone, none when every zone is dark",
  honoursBlackouts: true,
  initialMemory: (_params, view) => ({ tokens: Object.fromEntries(view.faultDomains.map((d) => [d.faultDomain, 1])), atS: view.nowS }),
  decide(params, view, memory) {
    const tokens = refillEvictionTokens(params, view.faultDomains, memory.tokens, view.nowS - memory.atS);
    const start = selectByEvictionTokens(view, tokens);
    return { start, memory: { tokens, atS: view.nowS } };
  },
  paceS: (_params, timings) => timings.evictionPassS,
};
