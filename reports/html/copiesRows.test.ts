import { describe, expect, it } from 'vitest';
import type { Trace } from '../../model/simulator/trace.ts';
import { copiesRows, roleCopies } from './copiesRows.ts';
import { render } from './markup.ts';
import { timelineFrame } from './timelineFrame.ts';

const running = 'lifecycle.running | stray.none';
/** Two copies of pair/web; the server of copy 0 comes back after it was restarted elsewhere (fencing off). */
const trace = {
  initialStates: { 'instance:pair/web/0': running, 'instance:pair/web/1': running, 'instance:solo/app/0': running },
  entries: [
    { t: 120, kind: 'state', actor: 'instance:pair/web/0', from: running, to: 'lifecycle.starting | stray.serving' },
    { t: 720, kind: 'state', actor: 'instance:pair/web/0', from: 'lifecycle.starting | stray.serving', to: 'lifecycle.running | stray.serving' },
    { t: 900, kind: 'state', actor: 'instance:pair/web/0', from: 'lifecycle.running | stray.serving', to: running },
  ],
} as unknown as Trace;
const apps = [
  { id: 'pair', roles: [{ id: 'web', instances: 2 }] },
  { id: 'solo', roles: [{ id: 'app', instances: 1 }] },
];

describe('copies serving', () => {
  it('counts the placed and the stray copies of each role over time', () => {
    expect(roleCopies(trace, 1000).get('pair/web')).toEqual([
      { fromS: 0, toS: 720, copies: 2 },
      { fromS: 720, toS: 900, copies: 3 },
      { fromS: 900, toS: 1000, copies: 2 },
    ]);
  });

  it('draws a row only for a role that ran more copies than its count, the surplus marked', () => {
    const block = copiesRows(apps, trace, timelineFrame(1000), 0);
    const svg = render([...block.svg]);
    expect(svg).toContain('pair/web (≤ 2)');
    expect(svg).not.toContain('solo/app');
    expect(svg.match(/class="surplus"/g)?.length).toBe(1);
    expect(svg).toContain('pair/web: 3 copies serving — more than its 2 0:12:00–0:15:00');
    expect(copiesRows(apps, trace, timelineFrame(700), 0).height).toBe(0);
  });
});
