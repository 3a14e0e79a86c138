/**
 * A workload's pod topology spread → the role's hard spread. A `DoNotSchedule` constraint over
 * zones that counts the workload's own pods is what the model's placement refuses to break
 * (model/topology.ts `HardSpread`): after a zone outage the scheduler leaves a replacement
 * Pending rather than crowd the zones that are left, and so does the model. `ScheduleAnyway`
 * is the model's own soft spread. What the model cannot place by (another topology key, other
 * pods' labels) is said, never silently taken as kept.
 */
import type { HardSpread } from '../model/topology.ts';
import { LEGACY_ZONE_LABEL, ZONE_LABEL } from './clusterNodes.ts';
import { selects } from './labelSelector.ts';
import type { Validated } from './validatedObjects.ts';

type Workload = Validated<'Deployment' | 'StatefulSet' | 'ReplicaSet'>;

export interface ZoneSpread {
  readonly hardSpread: HardSpread | null;
  readonly warnings: readonly string[];
}

export function zoneSpread(workload: Workload, podLabels: Readonly<Record<string, string>>): ZoneSpread {
  const warnings: string[] = [];
  let hardSpread: HardSpread | null = null;
  (workload.value.spec.template.spec.topologySpreadConstraints ?? []).forEach((constraint, i) => {
    if (constraint.whenUnsatisfiable !== 'DoNotSchedule') return;
    const field = `${workload.ref}: spec.template.spec.topologySpreadConstraints.${i}`;
    if (constraint.topologyKey !== ZONE_LABEL && constraint.topologyKey !== LEGACY_ZONE_LABEL) {
      warnings.push(`${field} spreads over ${constraint.topologyKey} with DoNotSchedule; the model places by zone only and never leaves a pod Pending for this constraint, so its verdicts for this app may be optimistic`);
      return;
    }
    // The scheduler counts the pods the selector matches; with none given it counts none.
    if (!constraint.labelSelector) {
      warnings.push(`${field} has no labelSelector: the scheduler counts no pods for it, so it constrains nothing`);
      return;
    }
    if (!selects(constraint.labelSelector, podLabels)) {
      warnings.push(`${field}.labelSelector does not select this workload's own pods; the model counts only an app's own pods, so this constraint is not modelled`);
      return;
    }
    if (constraint['nodeTaintsPolicy'] === 'Honor') {
      warnings.push(`${field}.nodeTaintsPolicy is Honor; the model keeps a zone whose nodes are not ready a domain, as the default Ignore does`);
    }
    // Every constraint must hold at once: two over zones keep the stricter skew and the larger minDomains.
    const minDomains = Math.max(hardSpread?.minDomains ?? 1, constraint.minDomains ?? 1);
    hardSpread = { maxSkew: Math.min(hardSpread?.maxSkew ?? Infinity, constraint.maxSkew), ...(minDomains > 1 ? { minDomains } : {}) };
  });
  return { hardSpread, warnings };
}
