/**
 * The agenda: every event still to be delivered, external or a machine's own timer, with its
 * deadline. It takes over each actor's XState scheduler so a delayed event becomes a plain
 * entry (target, event, deadline, id) instead of a closure behind a clock.
 */
import type { AnyActorRef, EventObject } from 'xstate';
import type { Address } from './addresses.ts';
import { EventQueue } from './eventQueue.ts';
import { SimulatedClock } from '../simulatedTime.ts';
import type { EventSource } from './trace.ts';

export interface AgendaEntry {
  readonly to: Address;
  readonly from: EventSource;
  readonly event: EventObject;
  readonly timerKey: string | null;
  /** The trace index of the delivery during which this event was emitted or scheduled. */
  readonly cause: number | null;
  cancelled: boolean;
}

export class AgendaError extends Error {}

/** A delay XState's scheduler was asked for, in whole seconds, or the reason it is not part of the model. */
export function delayOf(address: Address, source: unknown, target: unknown, delayMs: number): number {
  if (source !== target) throw new AgendaError(`${address}: delayed events to other actors are not part of the model`);
  const delayS = delayMs / 1000;
  if (!Number.isInteger(delayS) || delayS < 0) throw new AgendaError(`${address}: delay ${delayMs} ms is not a whole number of seconds`);
  return delayS;
}

export class Agenda {
  readonly #queue = new EventQueue<AgendaEntry>();
  readonly #timers = new Map<string, AgendaEntry>();
  /** Simulated time, shared with the machines that read it (injected into their input). */
  readonly time: SimulatedClock;

  constructor(time: SimulatedClock = new SimulatedClock()) {
    this.time = time;
  }

  /** The simulated time of the entry being delivered. */
  get nowS(): number {
    return this.time.nowS;
  }

  set nowS(value: number) {
    this.time.nowS = value;
  }

  /** The trace index of the delivery being processed, stamped on what it causes. */
  cause: number | null = null;

  push(atS: number, to: Address, from: EventSource, event: EventObject): void {
    this.#queue.push(atS, { to, from, event, timerKey: null, cause: this.cause, cancelled: false });
  }

  /** The time of the next live entry: cancelled timers at the head are dropped first. */
  peekTimeS(): number | undefined {
    while (this.#queue.peek()?.cancelled) this.#queue.pop();
    return this.#queue.peekTimeS();
  }

  /** The next live entry (cancelled timers are skipped), with the clock moved to its time. */
  next(): AgendaEntry | undefined {
    for (;;) {
      const t = this.#queue.peekTimeS();
      if (t === undefined) return undefined;
      const entry = this.#queue.pop()!;
      if (entry.cancelled) continue;
      // A live timer is the one its key holds: a replaced or cancelled one was marked cancelled.
      // Stryker disable next-line ConditionalExpression: deleting the key of no timer changes nothing; the check narrows the type
      if (entry.timerKey !== null) this.#timers.delete(entry.timerKey);
      this.nowS = t;
      return entry;
    }
  }

  /** Timers not yet fired or cancelled, for readers who want to see what is pending. */
  pendingTimers(): AgendaEntry[] {
    return [...this.#timers.values()];
  }

  /** A machine's delayed event to itself, by its timer name: a timer of the same name is replaced. */
  schedule(address: Address, event: EventObject, delayS: number, timer: string): void {
    const timerKey = `${address}#${timer}`;
    const previous = this.#timers.get(timerKey);
    if (previous) previous.cancelled = true;
    const entry: AgendaEntry = { to: address, from: 'timer', event, timerKey, cause: this.cause, cancelled: false };
    this.#timers.set(timerKey, entry);
    this.#queue.push(this.nowS + delayS, entry);
  }

  cancel(address: Address, timer: string): void {
    const timerKey = `${address}#${timer}`;
    const entry = this.#timers.get(timerKey);
    if (entry) {
      entry.cancelled = true;
      this.#timers.delete(timerKey);
    }
  }

  /** Every timer of one machine, as XState's stop procedure cancels them when it reaches a final state. */
  cancelAllOf(address: Address): void {
    for (const [timerKey, entry] of this.#timers) {
      if (entry.to !== address) continue;
      entry.cancelled = true;
      this.#timers.delete(timerKey);
    }
  }

  takeOverScheduler(ref: AnyActorRef, address: Address): void {
    const scheduler = ref.system.scheduler;
    scheduler.schedule = (source, target, event, delayMs, id) => this.schedule(address, event, delayOf(address, source, target, delayMs), id ?? event.type);
    scheduler.cancel = (_source, id) => this.cancel(address, id);
    scheduler.cancelAll = () => this.cancelAllOf(address);
  }
}
