import { describe, expect, it } from 'vitest';
import { breakWindow, tickLabel, timeTicks } from './timeAxis.ts';
import { timelineFrame } from './timelineFrame.ts';

const violation = (atS: number) => ({ atS, expected: 'x', seen: 'y' });

describe('the window around the break', () => {
  it('reaches back to the last fault before the break when it is recent, with room after', () => {
    const w = breakWindow(violation(1000), [100, 900, 1200], 5000);
    expect(w.fromS).toBeLessThan(900);
    expect(w.fromS).toBeGreaterThan(100);
    expect(w.toS).toBeGreaterThanOrEqual(1060);
  });

  it('stays a couple of minutes wide when the cause is long past, so a one-second outage is wide enough to see', () => {
    const w = breakWindow(violation(1950), [0], 5280);
    expect(w).toEqual({ fromS: 1890, toS: 2010 });
    const frame = timelineFrame(w.toS, w.fromS);
    expect(frame.x(1951) - frame.x(1950)).toBeGreaterThan(3);
  });

  it('never starts before 0 nor ends before the break', () => {
    expect(breakWindow(violation(0), [0], 30)).toEqual({ fromS: 0, toS: 30 });
    expect(breakWindow(violation(500), [], 400).toS).toBe(501);
  });

  it('ticks inside the window, in seconds when the window is short', () => {
    const ticks = timeTicks(2010, 1890);
    expect(ticks[0]).toBeGreaterThanOrEqual(1890);
    expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(2010);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(tickLabel(1905, ticks[1]! - ticks[0]!)).toBe('0:31:45');
    expect(tickLabel(3600, 600)).toBe('1:00');
  });
});
