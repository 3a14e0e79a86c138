import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.ts';
import { labelOf, type FaultChoice, type UntimedFault } from './faultChoice.ts';
import { singleFaultDomain } from './restriction.ts';
import { schedulesInBound, sequencesByLength } from './scheduleCount.ts';

const topology: Topology = {
  servers: [
    { id: 'a', faultDomain: 0, updateDomain: 0, capacity: 2 },
    { id: 'b', faultDomain: 0, updateDomain: 1, capacity: 2 },
    { id: 'c', faultDomain: 1, updateDomain: 0, capacity: 2 },
  ],
  apps: [],
};
const choices = (faults: UntimedFault[]): FaultChoice[] => faults.map((fault) => ({ fault, label: labelOf(fault) }));
const crashes = choices(topology.servers.map((s) => ({ kind: 'crash', serverId: s.id })));
const racks = choices([{ kind: 'rack-failure', faultDomain: 0 }, { kind: 'rack-failure', faultDomain: 1 }]);

describe('schedules in a bound', () => {
  it('without a hypothesis: sequences of faults at increasing choice points', () => {
    // 4 choice points (0, 100, 200, 300), 3 crashes, at most 2: 1 + 4·3 + C(4,2)·3² = 67.
    expect(schedulesInBound(crashes, null, { maxFaults: 2, horizonS: 300, granularityS: 100, settleS: 0 })).toBe(67);
  });

  it('the single-domain hypothesis: crashes of distinct servers in one rack, or the rack alone', () => {
    const restriction = singleFaultDomain(topology, 2);
    // Length 1: 3 crashes + 2 racks; length 2: a then b, b then a (c's rack has no other server).
    expect(sequencesByLength([...crashes, ...racks], restriction, 2)).toEqual([1, 5, 2]);
    expect(restriction.allows([{ kind: 'rack-failure', atS: 0, faultDomain: 0 }], crashes[0]!.fault)).toBe(false);
    expect(restriction.allows([{ kind: 'crash', atS: 0, serverId: 'a' }], crashes[2]!.fault)).toBe(false);
    expect(restriction.memory([{ kind: 'crash', atS: 0, serverId: 'b' }, { kind: 'crash', atS: 9, serverId: 'a' }])).toBe('crashes:a,b');
  });
});
