import { describe, expect, it } from 'vitest';
import { type ServerSpec, type Topology, faultDomainsOf, quotaCharge, updateDomainsOf } from './topology.ts';

const server = (id: string, faultDomain: number, updateDomain: number): ServerSpec => ({ id, faultDomain, updateDomain, capacity: 4 });

describe('a fabric’s domains', () => {
  // Listed as an operator might add racks over time: not in order, domains past 9, repeats.
  const topology: Topology = {
    servers: [server('s0', 10, 2), server('s1', 2, 10), server('s2', 9, 0), server('s3', 2, 9), server('s4', 0, 2), server('s5', 10, 1)],
    apps: [],
  };

  it('lists each fault domain (rack) once, in numeric order', () => {
    expect(faultDomainsOf(topology)).toEqual([0, 2, 9, 10]);
  });

  it('lists each update domain once, in the numeric order the upgrade walks them', () => {
    expect(updateDomainsOf(topology)).toEqual([0, 1, 2, 9, 10]);
  });
});

describe('the instances a role counts against its quota', () => {
  it('in 2009, every instance', () => {
    const quota = { instancesPerRole: 2, secondInstanceFree: false };
    expect([1, 2, 3].map((instances) => quotaCharge({ id: 'web', instances }, quota))).toEqual([1, 2, 3]);
  });

  it('after the incident, all but the second: a role may follow the two-instance advice for free', () => {
    const quota = { instancesPerRole: 2, secondInstanceFree: true };
    expect([1, 2, 3, 5].map((instances) => quotaCharge({ id: 'web', instances }, quota))).toEqual([1, 1, 2, 4]);
  });
});
