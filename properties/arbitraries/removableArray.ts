/**
 * An array whose shrinking can drop any one of its items, at any length above its minimum.
 *
 * fast-check's own `fc.array({ minLength })` drops items from the front, and drops a later
 * item only by shrinking the tail as an array of the same minimum length: at `minLength + 1`
 * items nothing but the first can go. A fault schedule `[request at 2:01, request at 0:00]`
 * whose second request is not needed then stays at two requests (measured: an array of
 * one to three numbers, failing when any lies in [100, 200], shrinks to `[100, 0]` on 138 of
 * 300 seeds; through this arbitrary to `[100]` on all 300).
 *
 * Generation is fast-check's own array, value for value, so every seed draws the scenarios it
 * drew before; only the shrinker differs: the same array without a minimum length (its
 * item contexts are the same arbitrary's), with candidates below the minimum left out.
 */
import fc from 'fast-check';

class RemovableItemsArray<T> extends fc.Arbitrary<T[]> {
  constructor(
    private readonly generating: fc.Arbitrary<T[]>,
    private readonly shrinking: fc.Arbitrary<T[]>,
    private readonly minLength: number,
  ) {
    super();
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T[]> {
    return this.generating.generate(random, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T[] {
    return this.generating.canShrinkWithoutContext(value);
  }

  shrink(value: T[], context: unknown): fc.Stream<fc.Value<T[]>> {
    return this.shrinking.shrink(value, context).filter((candidate) => candidate.value.length >= this.minLength);
  }
}

export function removableArray<T>(item: fc.Arbitrary<T>, constraints: { readonly minLength?: number; readonly maxLength: number }): fc.Arbitrary<T[]> {
  const minLength = constraints.minLength ?? 0;
  const generating = fc.array(item, { minLength, maxLength: constraints.maxLength });
  if (minLength === 0) return generating;
  // size 'max': the shrinker's length range must cover every length the generator can draw.
  return new RemovableItemsArray(generating, fc.array(item, { maxLength: constraints.maxLength, size: 'max' }), minLength);
}
