/**
 * A fault schedule is plain data: a list of timed faults and outside actions. The model is
 * closed-world, so everything that happens to the fabric from outside is in this list, and
 * a counterexample is just a shorter list.
 */
export type Fault =
  /** A server dies: its instances stop at once; the controller only learns from missing heartbeats. */
  | { readonly kind: 'crash'; readonly atS: number; readonly serverId: string }
  /** A whole rack loses power: every server of the fault domain crashes at once. */
  | { readonly kind: 'rack-failure'; readonly atS: number; readonly faultDomain: number }
  /** Heartbeats stop reaching the controller for a while; the server and its instances run on. */
  | { readonly kind: 'heartbeat-loss'; readonly atS: number; readonly serverId: string; readonly durationS: number }
  /** The deployment service's network slows: its calls take `latencyS` for `durationS`. */
  | { readonly kind: 'network-degradation'; readonly atS: number; readonly durationS: number; readonly latencyS: number }
  /** A portal (management) request for the controller. */
  | { readonly kind: 'management-request'; readonly atS: number; readonly requestId: string }
  /** The operator switches healing from serial to parallel, as happened in 2009. */
  | { readonly kind: 'operator-parallel'; readonly atS: number }
  /** The rolling OS upgrade begins. */
  | { readonly kind: 'upgrade-start'; readonly atS: number }
  /** A client writes to storage (storage must acknowledge and keep it whatever compute does). */
  | { readonly kind: 'storage-write'; readonly atS: number; readonly writeId: string };

export type FaultKind = Fault['kind'];

export type FaultSchedule = readonly Fault[];

/** Sorted by time, ties kept in list order (sort is stable): the order the simulator applies them. */
export function inTimeOrder(schedule: FaultSchedule): Fault[] {
  return [...schedule].sort((a, b) => a.atS - b.atS);
}
