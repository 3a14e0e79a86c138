import { describe, expect, it } from 'vitest';
import type { PropertyResult } from '../properties/checkProperty.ts';
import { eta, progressBar, progressReporter } from './progress.ts';

/** A stream that keeps what is written; a terminal when `isTTY`. */
function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 200, chunks, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean; chunks: string[] };
}

const result = (id: string, verdict: 'holds' | 'fails', expected: 'holds' | 'fails') => ({ id, variant: null, verdict, expected, durationMs: 1500 }) as unknown as PropertyResult;

describe('progress in a log (not a terminal)', () => {
  it('counts at completion, in completion order, with the ETA at the pace so far', () => {
    const out = stream(false);
    let now = 0;
    const progress = progressReporter(out, () => now);
    // A pool hands out every task at once: nothing is counted yet.
    for (let i = 0; i < 3; i++) progress.start({} as never, i, 3);
    expect(out.chunks).toEqual([]);
    now = 10_000;
    progress.done(result('b', 'fails', 'fails'), 0, 3);
    now = 20_000;
    progress.done(result('a', 'fails', 'holds'), 1, 3);
    now = 30_000;
    progress.done(result('c', 'holds', 'holds'), 2, 3);
    progress.stop();
    expect(out.chunks).toEqual([
      '[1/3] b: expected fails, fails (ok) in 1.5s, ETA 20s\n',
      '[2/3] a: expected holds, fails (MISMATCH) in 1.5s, ETA 10s\n',
      '[3/3] c: expected holds, holds (ok) in 1.5s\n',
    ]);
  });

  it('eta: the time left at the pace so far', () => {
    expect(eta(60_000, 1, 4)).toBe('3m 00s');
    expect(eta(1_000, 2, 2)).toBe('0s');
  });
});

describe('progress on a terminal', () => {
  it('draws one bar counting completed items, with ETA and the last finished', () => {
    const out = stream(true);
    const bar = progressBar(4, { unit: 'grid points', stream: out });
    bar.tick('serial × 2');
    const drawn = out.chunks.join('');
    expect(drawn).toContain('0/4 grid points | ETA');
    bar.stop();
    // Stopping draws the final state (then clears it).
    expect(out.chunks.join('')).toContain('1/4 grid points | ETA');
    expect(out.chunks.join('')).toContain('| serial × 2');
  });
});
