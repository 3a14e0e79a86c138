/**
 * The states seen so far, by 64-bit hash, with each one's parent, the fault chosen on the way
 * in (−1: none) and its depth: enough to rebuild the shortest schedule to any state, in about
 * 32 bytes a state (an open-addressing table of two 32-bit halves, at most half full, and
 * three typed arrays). The composed states themselves live only in the search's frontier.
 */
import type { Hash64 } from './hash64.ts';

export class VisitedStatesError extends Error {}

export class VisitedStates {
  #high = new Uint32Array(1024);
  #low = new Uint32Array(1024);
  #slot = new Int32Array(1024).fill(-1);
  #parent = new Int32Array(1024);
  #choice = new Int16Array(1024);
  #depth = new Int16Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Bytes held per stored state (the table and the records), for the benchmark. */
  get bytesPerState(): number {
    const bytes = this.#high.byteLength + this.#low.byteLength + this.#slot.byteLength + this.#parent.byteLength + this.#choice.byteLength + this.#depth.byteLength;
    return this.#size === 0 ? 0 : bytes / this.#size;
  }

  /** Adds the state; returns its new id, or −1 when it was already there. */
  add(hash: Hash64, parent: number, choice: number, depth: number): number {
    if (this.#size * 2 >= this.#slot.length) this.#grow();
    const id = this.#insert(hash.high, hash.low, this.#size);
    if (id !== this.#size) return -1;
    if (id >= this.#parent.length) this.#growRecords();
    this.#parent[id] = parent;
    this.#choice[id] = choice;
    this.#depth[id] = depth;
    this.#size++;
    return id;
  }

  /** Stores a state the caller knows to be new (a search that does not merge states). */
  record(parent: number, choice: number, depth: number): number {
    const id = this.#size;
    if (id >= this.#parent.length) this.#growRecords();
    this.#parent[id] = parent;
    this.#choice[id] = choice;
    this.#depth[id] = depth;
    this.#size++;
    return id;
  }

  parentOf(id: number): number {
    return this.#parent[id]!;
  }

  choiceOf(id: number): number {
    return this.#choice[id]!;
  }

  depthOf(id: number): number {
    return this.#depth[id]!;
  }

  /** The id stored under the hash (an existing one), or `id` after storing it. */
  #insert(high: number, low: number, id: number): number {
    const mask = this.#slot.length - 1;
    let i = (low ^ Math.imul(high, 0x9e3779b1)) & mask;
    for (;;) {
      const there = this.#slot[i]!;
      if (there === -1) {
        this.#high[i] = high;
        this.#low[i] = low;
        this.#slot[i] = id;
        return id;
      }
      if (this.#high[i] === high && this.#low[i] === low) return there;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const high = this.#high;
    const low = this.#low;
    const slot = this.#slot;
    this.#high = new Uint32Array(slot.length * 2);
    this.#low = new Uint32Array(slot.length * 2);
    this.#slot = new Int32Array(slot.length * 2).fill(-1);
    for (let i = 0; i < slot.length; i++) if (slot[i] !== -1) this.#insert(high[i]!, low[i]!, slot[i]!);
  }

  #growRecords(): void {
    const grow = <T extends Int32Array | Int16Array>(from: T, make: (n: number) => T): T => {
      const to = make(from.length * 2);
      to.set(from);
      return to;
    };
    if (this.#parent.length * 2 > 0x7fffffff) throw new VisitedStatesError('too many states to store');
    this.#parent = grow(this.#parent, (n) => new Int32Array(n));
    this.#choice = grow(this.#choice, (n) => new Int16Array(n));
    this.#depth = grow(this.#depth, (n) => new Int16Array(n));
  }
}
