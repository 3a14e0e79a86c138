/**
 * A composed state's identity, as a row of integers hashed to 64 bits: each actor's local
 * state, then every pending event (its distance from now, band, recipient, sender, event and
 * timer), in delivery order, then what the caller adds (faults used, the hypothesis's memory).
 * Times count from now, so a state met again later, with everything due at the same
 * distances, is the same state; the cause indexes and sequence numbers are provenance and
 * are left out.
 */
import type { ComposedState } from '../engine/composedState.ts';
import type { FabricModel } from '../engine/fabricModel.ts';
import { type Hash64, hashInts } from './hash64.ts';

const FROM_FAULT = -1;
const FROM_TIMER = -2;
const PER_PENDING = 6;

export class StateKeys {
  readonly #model: FabricModel;
  readonly #names = new Map<string, number>();
  #row = new Int32Array(256);

  constructor(model: FabricModel) {
    this.#model = model;
  }

  /** A small number for a string (a timer, a hypothesis's memory), the same one every time. */
  nameId(name: string): number {
    let id = this.#names.get(name);
    if (id === undefined) {
      id = this.#names.size;
      this.#names.set(name, id);
    }
    return id;
  }

  /** `locals` replaces the state's own row of local states (a symmetry's canonical order). */
  hash(state: ComposedState, extra: readonly number[], locals: Int32Array = state.locals): Hash64 {
    const length = locals.length + 1 + state.pending.length * PER_PENDING + extra.length;
    if (length > this.#row.length) this.#row = new Int32Array(length * 2);
    const row = this.#row;
    let i = 0;
    for (let a = 0; a < locals.length; a++) row[i++] = locals[a]!;
    row[i++] = state.pending.length;
    for (const p of state.pending) {
      row[i++] = p.atS - state.nowS;
      row[i++] = p.band;
      row[i++] = p.to;
      row[i++] = p.from === 'fault' ? FROM_FAULT : p.from === 'timer' ? FROM_TIMER : this.#model.indexOf.get(p.from)!;
      row[i++] = p.event.id;
      row[i++] = p.timer === null ? -1 : this.nameId(p.timer);
    }
    for (const x of extra) row[i++] = x;
    return hashInts(row, i);
  }
}
