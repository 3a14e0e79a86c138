/**
 * The simulator's agenda: ordered by simulated time, then by insertion order, so the same
 * inputs always deliver events in the same order. flatqueue is a binary heap over numeric
 * priorities; (time, sequence) packs into one exact integer below 2^53.
 */
import FlatQueue from 'flatqueue';

const SEQUENCE_SPAN = 2 ** 26;
/** The packed priority stays exact up to 2^53: 2^27 simulated seconds (about four years). */
export const MAX_TIME_S = 2 ** 27 - 1;

export class EventQueue<Entry> {
  readonly #heap = new FlatQueue<Entry>();
  #sequence = 0;

  get length(): number {
    return this.#heap.length;
  }

  push(timeS: number, entry: Entry): void {
    if (!Number.isInteger(timeS) || timeS < 0 || timeS > MAX_TIME_S) throw new RangeError(`event time must be a whole second in [0, ${MAX_TIME_S}], got ${timeS}`);
    // Sequence numbers wrap only after 2^26 events at one instant, far past any step limit.
    this.#heap.push(entry, timeS * SEQUENCE_SPAN + (this.#sequence++ % SEQUENCE_SPAN));
  }

  peekTimeS(): number | undefined {
    const priority = this.#heap.peekValue();
    return priority === undefined ? undefined : Math.floor(priority / SEQUENCE_SPAN);
  }

  peek(): Entry | undefined {
    return this.#heap.peek();
  }

  pop(): Entry | undefined {
    return this.#heap.pop();
  }
}
