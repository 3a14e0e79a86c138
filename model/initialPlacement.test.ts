import { describe, expect, it } from 'vitest';
import { placeInitially } from './initialPlacement.ts';
import type { Topology } from './topology.ts';

describe('placeInitially', () => {
  // Two racks of one server each, room for four instances; the apps ask for five.
  const topology: Topology = {
    servers: [
      { id: 'a', faultDomain: 0, updateDomain: 0, capacity: 2 },
      { id: 'b', faultDomain: 1, updateDomain: 1, capacity: 2 },
    ],
    apps: [
      { id: 'shop', roles: [{ id: 'web', instances: 3 }] },
      { id: 'blog', roles: [{ id: 'web', instances: 2 }] },
    ],
  };

  it('deploys every role’s first instance before any second one, each away from its siblings', () => {
    expect(placeInitially(topology).placement).toEqual({ 'shop/web/0': 'a', 'blog/web/0': 'b', 'shop/web/1': 'b', 'blog/web/1': 'a' });
  });

  it('leaves unplaced the instances that find no room, and fills the servers it has', () => {
    const { servers, unplaced } = placeInitially(topology);
    expect(unplaced).toEqual(['shop/web/2']);
    expect(servers.map((s) => [s.id, s.load, s.status])).toEqual([
      ['a', 2, 'up'],
      ['b', 2, 'up'],
    ]);
  });

  it('places everything when there is room', () => {
    const roomy = { ...topology, servers: topology.servers.map((s) => ({ ...s, capacity: 3 })) };
    const { placement, unplaced } = placeInitially(roomy);
    expect(unplaced).toEqual([]);
    expect(placement['shop/web/2']).toBe('a');
  });
});
