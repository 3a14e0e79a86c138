import { describe, expect, it } from 'vitest';
import { changedRegions } from './timelineText.ts';

describe('changedRegions', () => {
  it('tells a parallel machine by the regions that changed', () => {
    expect(changedRegions('lifecycle.running | stray.none', 'lifecycle.lost | stray.none')).toBe('lifecycle.running → lifecycle.lost');
    expect(changedRegions('lifecycle.running | stray.none', 'lifecycle.running | stray.serving')).toBe('stray.none → stray.serving');
    expect(changedRegions('a.x | b.y | c.z', 'a.u | b.y | c.w')).toBe('a.x | c.z → a.u | c.w');
  });

  it('keeps a plain state change as it is', () => {
    expect(changedRegions('running', 'failed')).toBe('running → failed');
    expect(changedRegions('a.x | b.y', 'done')).toBe('a.x | b.y → done');
  });
});
