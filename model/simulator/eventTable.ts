/**
 * Events as numbered, shared objects. The explorer meets the same few events millions of
 * times (`fault.crash`, `server.copyLost` of one instance, …); interning them once makes an
 * event a small integer in a state's key and in the transition memo, and its recipients a
 * look-up instead of a routing decision each time.
 */
import type { EventObject } from 'xstate';

export interface InternedEvent {
  readonly id: number;
  readonly event: EventObject;
  /** Canonical JSON: equal keys are equal events. */
  readonly key: string;
}

export class EventTable {
  readonly #byKey = new Map<string, InternedEvent>();
  readonly #byObject = new WeakMap<object, InternedEvent>();
  readonly #all: InternedEvent[] = [];

  get size(): number {
    return this.#all.length;
  }

  intern(event: EventObject): InternedEvent {
    const known = this.#byObject.get(event);
    if (known) return known;
    const key = JSON.stringify(event);
    let interned = this.#byKey.get(key);
    if (interned === undefined) {
      interned = { id: this.#all.length, event, key };
      this.#byKey.set(key, interned);
      this.#all.push(interned);
    }
    this.#byObject.set(event, interned);
    return interned;
  }

  byId(id: number): InternedEvent {
    return this.#all[id]!;
  }
}
