/**
 * Kubernetes' zone-aware eviction rate as a property of a run or of a log: within each zone,
 * nodes are evicted no faster than the zone's disruption state lets the node lifecycle
 * controller evict, and none while every zone is dark — no mass eviction on a zone outage.
 * The state and its rate are the model's own (model/zoneState.ts), from the nodes out of
 * reach in each zone; the cluster's flags give the rates.
 *
 * An eviction of a node: the first controller move, while the node is out of reach, of an
 * instance whose copy was on it (in a log, the Scheduled of the replacement of a pod on a
 * NotReady node). Further moves off the same node before it is back are the same eviction,
 * as one token lets a whole node go in the model and in Kubernetes.
 *
 * Which token bucket it judges by. The model keeps each zone's bucket (burst 1, tokens ≤ 1)
 * across rate changes and refills it at the rate of the moment it decides; Kubernetes swaps
 * in a new bucket of burst 1 when a zone's state changes (RateLimitedTimedQueue.SwapLimiter),
 * full only if the old one held a token, so it never holds more than a bucket that keeps its
 * token. Both spend the whole token on an eviction (burst 1: an eviction needs it full) and
 * earn at most the zone's fastest rate of the meantime times the time, so
 * the property asks what both keep: between two evictions in a zone, at the fastest rate the
 * zone had in between, there was time to earn one token. Judged by Kubernetes' swap, the
 * model's own runs would break it (it may evict sooner after a rate change); judged by this,
 * a log Kubernetes' rules allow never breaks it. The first eviction of a zone in a run or log
 * is judged only against the blackout (no earlier one to space it from).
 *
 * A log's times are whole seconds, and events of one second come in no reliable order: the
 * zone's states of both evictions' seconds count, and a gap may be one second short.
 */
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { type ZoneRules, zoneEvictionRatePerS, zoneState } from '../model/zoneState.ts';
import type { ZonesJudged } from '../properties/counterexample.ts';
import type { PropertyDefinition, Violation } from '../properties/propertyDefinition.ts';
import { nodeCategory } from '../observe/eventVocabulary.ts';

export const EVICTION_RATE_PROPERTY_ID = 'eviction-rate-limited';
export const EVICTION_RATE_STATEMENT =
  "Within each zone, nodes out of reach are evicted no faster than the zone's eviction rate (node-eviction-rate; the secondary rate, or none below the large-cluster size, while the zone is partially disrupted), and none while every zone is dark.";

/** The log's timestamp resolution: a gap between two evictions may look this much shorter than it was. */
export const TIMESTAMP_TOLERANCE_S = 1;

export interface Eviction {
  readonly atS: number;
  readonly serverId: string;
  readonly faultDomain: number;
  /** The move that evicted it. */
  readonly instanceId: string;
}

/** A zone's eviction rate from `atS` on, and whether every zone was dark then. */
interface RateChange {
  readonly atS: number;
  readonly ratePerS: number;
  readonly everyZoneDark: boolean;
}

export interface EvictionHistory {
  readonly evictions: readonly Eviction[];
  /** Per fault domain, its rate over time, the first entry from second 0. */
  readonly rates: ReadonlyMap<number, readonly RateChange[]>;
}

/** The evictions of a run or log and each zone's rate over time, read from server states and moves. */
export function evictionHistory(scenario: Scenario, trace: Trace, rules: ZoneRules): EvictionHistory {
  const domainOf = new Map(scenario.topology.servers.map((s) => [s.id, s.faultDomain]));
  const domains = [...new Set(domainOf.values())].sort((a, b) => a - b);
  const size = new Map(domains.map((d) => [d, 0]));
  const notReady = new Map(domains.map((d) => [d, 0]));
  const unreachable = new Set<string>();
  // A surge node is in its zone only from when the upgrade brings it up.
  const absent = new Set<string>();
  for (const [serverId, domain] of domainOf) {
    const category = nodeCategory(trace.initialStates[`server:${serverId}`] ?? 'running');
    if (category === 'absent') {
      absent.add(serverId);
      continue;
    }
    size.set(domain, size.get(domain)! + 1);
    if (category === 'unreachable') {
      unreachable.add(serverId);
      notReady.set(domain, notReady.get(domain)! + 1);
    }
  }
  const rates = new Map<number, RateChange[]>(domains.map((d) => [d, []]));
  const noteRates = (atS: number) => {
    const states = new Map(domains.map((d) => [d, zoneState(size.get(d)! - notReady.get(d)!, notReady.get(d)!, rules)]));
    const everyZoneDark = domains.length > 0 && domains.every((d) => states.get(d) === 'FullDisruption');
    for (const d of domains) {
      const ratePerS = zoneEvictionRatePerS(states.get(d)!, size.get(d)!, everyZoneDark, rules);
      const changes = rates.get(d)!;
      const last = changes[changes.length - 1];
      if (last === undefined || last.ratePerS !== ratePerS || last.everyZoneDark !== everyZoneDark) changes.push({ atS, ratePerS, everyZoneDark });
    }
  };
  noteRates(0);
  const placement = new Map(Object.entries(trace.initialPlacement));
  const evicted = new Set<string>();
  const evictions: Eviction[] = [];
  for (const entry of trace.entries) {
    if (entry.kind === 'state' && entry.actor.startsWith('server:')) {
      const serverId = entry.actor.slice(7);
      const domain = domainOf.get(serverId);
      if (domain === undefined) continue;
      if (absent.has(serverId)) {
        if (nodeCategory(entry.to) === 'absent') continue;
        absent.delete(serverId);
        size.set(domain, size.get(domain)! + 1);
        noteRates(entry.t);
      }
      const was = unreachable.has(serverId);
      const is = nodeCategory(entry.to) === 'unreachable';
      if (was === is) continue;
      if (is) unreachable.add(serverId);
      else unreachable.delete(serverId);
      // A node back in reach is evicted anew the next time it is lost.
      evicted.delete(serverId);
      notReady.set(domain, notReady.get(domain)! + (is ? 1 : -1));
      noteRates(entry.t);
      continue;
    }
    if (entry.kind !== 'event' || entry.event.type !== 'controller.move' || !entry.to?.startsWith('instance:')) continue;
    const { instanceId, serverId: target } = entry.event;
    const from = placement.get(instanceId);
    placement.set(instanceId, target);
    if (from === undefined || !unreachable.has(from) || evicted.has(from)) continue;
    evicted.add(from);
    evictions.push({ atS: entry.t, serverId: from, faultDomain: domainOf.get(from)!, instanceId });
  }
  return { evictions, rates };
}

/** The changes in effect at some moment of seconds [fromS, toS]: the one holding as fromS begins, and every one made until toS ends. */
function changesDuring(changes: readonly RateChange[], fromS: number, toS: number): RateChange[] {
  const before = changes.filter((c) => c.atS < fromS);
  const held = before.length > 0 ? [before[before.length - 1]!] : [];
  return [...held, ...changes.filter((c) => c.atS >= fromS && c.atS <= toS)];
}

/** `zoneNames[faultDomain]` names a zone in what the violation says (a cluster's zone labels). */
export function evictionRateViolation(rules: ZoneRules, zoneNames: readonly string[] = []) {
  return (scenario: Scenario, trace: Trace): Violation | null => {
    const { evictions, rates } = evictionHistory(scenario, trace, rules);
    const last = new Map<number, Eviction>();
    for (const eviction of evictions) {
      const zone = rates.get(eviction.faultDomain)!;
      const previous = last.get(eviction.faultDomain);
      last.set(eviction.faultDomain, eviction);
      if (changesDuring(zone, eviction.atS, eviction.atS).every((c) => c.everyZoneDark)) {
        return { atS: eviction.atS, expected: 'no node evicted while every zone is dark (the controller is likelier cut off)', seen: `${eviction.serverId} evicted (${eviction.instanceId} moved) while every zone was dark` };
      }
      if (previous === undefined) continue;
      const fastestPerS = Math.max(...changesDuring(zone, previous.atS, eviction.atS).map((c) => c.ratePerS));
      const gapS = eviction.atS - previous.atS;
      // A billionth spares float error (1 / 0.1 is not exactly 10 in every sum).
      if ((gapS + TIMESTAMP_TOLERANCE_S) * fastestPerS >= 1 - 1e-9) continue;
      const zoneName = zoneNames[eviction.faultDomain] ?? `zone ${eviction.faultDomain}`;
      return {
        atS: eviction.atS,
        expected:
          fastestPerS === 0
            ? `no second node of ${zoneName} evicted while its eviction rate is 0 (after ${previous.serverId} at ${previous.atS}s)`
            : `in ${zoneName}, at most one node evicted per ${round(1 / fastestPerS)}s (${fastestPerS} nodes/s, the zone's fastest rate since ${previous.serverId} was evicted at ${previous.atS}s; ${TIMESTAMP_TOLERANCE_S}s allowed for the log's timestamps)`,
        seen: `${eviction.serverId} evicted ${gapS}s after ${previous.serverId} (${eviction.instanceId} moved at ${eviction.atS}s, ${previous.instanceId} at ${previous.atS}s)`,
      };
    }
    return null;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** eviction-rate-limited as a counterexample file records it: its check, by the rules and zone names the file carries. */
export function replayedEvictionRateProperty(zones: ZonesJudged): Pick<PropertyDefinition, 'id' | 'check'> {
  return { id: EVICTION_RATE_PROPERTY_ID, check: evictionRateViolation(zones.rules, zones.names) };
}
