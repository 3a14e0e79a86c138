/**
 * A workload's pod topology spread and anti-affinity → the role's hard spread
 * (model/topology.ts `HardSpread`), what the model's placement refuses to break. A
 * `DoNotSchedule` constraint over zones that counts the workload's own pods is `maxSkew`:
 * after a zone outage the scheduler leaves a replacement Pending rather than crowd the zones
 * that are left, and so does the model. Required pod anti-affinity over zones against its own
 * pods is at most one pod per zone. `ScheduleAnyway` and preferred anti-affinity are the
 * model's own soft spread. What the model cannot place by (another topology key, other pods'
 * labels) is said, never silently taken as kept.
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

const isZoneKey = (key: string) => key === ZONE_LABEL || key === LEGACY_ZONE_LABEL;

export function zoneSpread(workload: Workload, podLabels: Readonly<Record<string, string>>): ZoneSpread {
  const warnings: string[] = [];
  let hardSpread: HardSpread | null = null;
  // Each required anti-affinity term against the workload's own pods, over zones: one pod a zone.
  const antiAffinity = workload.value.spec.template.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  antiAffinity.forEach((term, i) => {
    const field = `${workload.ref}: spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.${i}`;
    // A term with no selector matches no pods: it keeps the pod from nothing.
    if (!term.labelSelector) {
      warnings.push(`${field} has no labelSelector: it matches no pods, so it constrains nothing`);
      return;
    }
    if (!selects(term.labelSelector, podLabels)) {
      warnings.push(`${field}.labelSelector does not select this workload's own pods; the model counts only an app's own pods, so this term is not modelled`);
      return;
    }
    if (!isZoneKey(term.topologyKey)) {
      warnings.push(`${field} keeps its pods apart by ${term.topologyKey}; the model keeps them apart by zone, then upgrade batch, only as a preference, so where nodes run short it may put two together and its verdicts for this app may be optimistic`);
      return;
    }
    hardSpread = { ...hardSpread, maxPerFaultDomain: 1 };
  });
  (workload.value.spec.template.spec.topologySpreadConstraints ?? []).forEach((constraint, i) => {
    if (constraint.whenUnsatisfiable !== 'DoNotSchedule') return;
    const field = `${workload.ref}: spec.template.spec.topologySpreadConstraints.${i}`;
    if (!isZoneKey(constraint.topologyKey)) {
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
    hardSpread = { ...hardSpread, maxSkew: Math.min(hardSpread?.maxSkew ?? Infinity, constraint.maxSkew), ...(minDomains > 1 ? { minDomains } : {}) };
  });
  return { hardSpread, warnings };
}
