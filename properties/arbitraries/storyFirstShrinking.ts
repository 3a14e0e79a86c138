/**
 * A scenario's parts drawn exactly as `fc.record` draws them (in order, then the record's own
 * boolean for a null prototype), but shrunk story first: the fault plan and the timings before
 * the fabric. fast-check shrinks a record field by field and starts again from the first field
 * after every success; with the topology first, each fault or timing that shrinks sends it
 * through the topology's candidates again, and most of those (an app fewer, an instance fewer)
 * make a backlog property hold. The same seed draws the same scenarios either way
 * (properties/arbitraries/storyFirstShrinking.test.ts); only the shrink walk differs.
 */
import fc from 'fast-check';

type Parts<T extends readonly unknown[]> = { readonly [K in keyof T]: fc.Arbitrary<T[K]> };

export class StoryFirstShrinking<T extends readonly unknown[]> extends fc.Arbitrary<T> {
  readonly #parts: Parts<T>;
  readonly #shrinkOrder: readonly number[];
  /** The record's own draw after its fields, kept so that a seed draws what `fc.record` draws. */
  readonly #prototypeDraw = fc.boolean();

  /** `shrinkOrder`: the parts' indexes, in the order they are shrunk. */
  constructor(parts: Parts<T>, shrinkOrder: readonly number[]) {
    super();
    if ([...shrinkOrder].sort().join() !== parts.map((_, i) => i).join()) throw new Error(`shrinkOrder must name each of the ${parts.length} parts once, found [${shrinkOrder.join(', ')}]`);
    this.#parts = parts;
    this.#shrinkOrder = shrinkOrder;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const drawn = this.#parts.map((part) => part.generate(mrng, biasFactor));
    this.#prototypeDraw.generate(mrng, biasFactor);
    return new fc.Value(drawn.map((v) => v.value) as unknown as T, drawn.map((v) => v.context));
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const contexts: readonly unknown[] = Array.isArray(context) ? context : [];
    const parts = this.#parts;
    const order = this.#shrinkOrder;
    function* candidates(): IterableIterator<fc.Value<T>> {
      for (const index of order) {
        for (const smaller of parts[index]!.shrink(value[index], contexts[index])) {
          const values = [...value];
          const nextContexts = [...contexts];
          values[index] = smaller.value;
          nextContexts[index] = smaller.context;
          yield new fc.Value(values as unknown as T, nextContexts);
        }
      }
    }
    return fc.stream(candidates());
  }
}
