import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, MAX_TIME_S } from './eventQueue.ts';

function drain<Entry>(queue: EventQueue<Entry>): Entry[] {
  const out: Entry[] = [];
  for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) out.push(entry);
  return out;
}

describe('EventQueue', () => {
  it('delivers earlier times first and, at one instant, in the order the events were pushed', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'crash at 5');
    queue.push(1, 'first at 1');
    queue.push(5, 'restore at 5');
    queue.push(1, 'second at 1');
    queue.push(0, 'start');
    expect(queue.length).toBe(5);
    expect(drain(queue)).toEqual(['start', 'first at 1', 'second at 1', 'crash at 5', 'restore at 5']);
  });

  it('names the next event and its time without taking it', () => {
    const queue = new EventQueue<string>();
    expect(queue.peekTimeS()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    queue.push(MAX_TIME_S, 'last possible second');
    queue.push(42, 'answer');
    expect(queue.peekTimeS()).toBe(42);
    expect(queue.peek()).toBe('answer');
    expect(queue.length).toBe(2);
    expect(queue.pop()).toBe('answer');
    expect(queue.peekTimeS()).toBe(MAX_TIME_S);
    expect(queue.pop()).toBe('last possible second');
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTimeS()).toBeUndefined();
  });

  it('keeps insertion order among many events at one instant, even at the largest time', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 1000; i++) queue.push(MAX_TIME_S, i);
    expect(drain(queue)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('pops any schedule as a stable sort by time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, MAX_TIME_S - 1, MAX_TIME_S)), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((t, i) => queue.push(t, i));
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map(({ i }) => i);
        expect(drain(queue)).toEqual(expected);
      }),
      { seed: 20090313, numRuns: 200 },
    );
  });

  it.each([
    ['a fractional second', 1.5],
    ['a negative time', -1],
    ['a time past the exact range', MAX_TIME_S + 1],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s', (_, timeS) => {
    const queue = new EventQueue<string>();
    expect(() => queue.push(timeS, 'bad')).toThrow(RangeError);
    expect(() => queue.push(timeS, 'bad')).toThrow(/whole second/);
    expect(queue.length).toBe(0);
  });
});
