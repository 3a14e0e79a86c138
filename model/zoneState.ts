/**
 * Kubernetes' node lifecycle controller, per zone (here: per fault domain), as documented:
 * the zone's disruption state from its ready and not-ready nodes, and the eviction rate
 * that state allows. Plain functions so the rules can be tested on their own.
 */

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

export interface ZoneRules {
  readonly evictionRatePerS: number;
  readonly secondaryEvictionRatePerS: number;
  readonly largeClusterSizeThreshold: number;
  readonly unhealthyZoneThreshold: number;
}

export function zoneState(ready: number, notReady: number, rules: Pick<ZoneRules, 'unhealthyZoneThreshold'>): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (ready + notReady) >= rules.unhealthyZoneThreshold) return 'PartialDisruption';
  return 'Normal';
}

/**
 * Evictions per second for one zone. When every zone is fully disrupted the controller
 * assumes it is the one cut off and evicts nothing anywhere.
 */
export function zoneEvictionRatePerS(state: ZoneState, zoneSize: number, everyZoneFullyDisrupted: boolean, rules: ZoneRules): number {
  if (everyZoneFullyDisrupted) return 0;
  switch (state) {
    case 'Normal':
    case 'FullDisruption':
      return rules.evictionRatePerS;
    case 'PartialDisruption':
      return zoneSize > rules.largeClusterSizeThreshold ? rules.secondaryEvictionRatePerS : 0;
  }
}
