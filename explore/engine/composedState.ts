/**
 * The state of a whole run at one moment, as plain data: every actor's local state (a number,
 * see localStates.ts), every event still to be delivered, and the time. Nothing else decides
 * what happens next, so two composed states with the same local states and the same pending
 * events (at the same distances from now) have the same future.
 */
import type { EventSource } from '../../model/simulator/trace.ts';
import type { InternedEvent } from '../../model/simulator/eventTable.ts';

/**
 * Among events due at the same second, the simulator delivers what the machines queued while
 * starting, then the fault schedule (queued whole before the first delivery), then what the
 * machines queued since, each in queueing order. Bands keep that order when faults are added
 * as the explorer goes.
 */
export const STARTUP_BAND = 0;
export const FAULT_BAND = 1;
export const MACHINE_BAND = 2;

export interface PendingEvent {
  readonly atS: number;
  readonly band: number;
  /** Order among events due at the same second in the same band: the order they were queued. */
  readonly sequence: number;
  /** Index of the actor it is delivered to. */
  readonly to: number;
  readonly from: EventSource;
  readonly event: InternedEvent;
  /** For a timer, its key (`address#id`, as the simulator's agenda names it); null otherwise. */
  readonly timer: string | null;
  /** Trace index of the delivery that sent it or set its timer; null for faults. Provenance only: not part of the state's identity. */
  readonly cause: number | null;
}

export interface ComposedState {
  /** Where the run stands: every event due before it has been delivered. */
  readonly nowS: number;
  /** The time of the last delivery (the simulator's clock, and a trace's `endS`). */
  readonly clockS: number;
  /** Local state id of each actor, by actor index. */
  readonly locals: Int32Array;
  /** Pending events in delivery order. */
  readonly pending: readonly PendingEvent[];
  /** The next sequence number. */
  readonly sequence: number;
  /** Deliveries so far (the step limit counts them). */
  readonly steps: number;
  /** Trace entries written so far: the index the next one will have (causes point into the whole run's trace). */
  readonly traceLength: number;
}

/** Delivery order: time, then faults before machines, then queueing order. */
export function comesBefore(a: PendingEvent, b: PendingEvent): boolean {
  return a.atS !== b.atS ? a.atS < b.atS : a.band !== b.band ? a.band < b.band : a.sequence < b.sequence;
}

/** Insert keeping delivery order (binary search; agendas here hold a handful of events). */
export function insertPending(pending: PendingEvent[], entry: PendingEvent): void {
  let low = 0;
  let high = pending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comesBefore(pending[middle]!, entry)) low = middle + 1;
    else high = middle;
  }
  pending.splice(low, 0, entry);
}
