/**
 * Topologies: servers racked over fault and update domains, apps placed on them. Capacity is
 * raised to what the hypothesis needs (derived in a map, not filtered), so every generated
 * topology is valid and shrinking never leaves the hypothesis.
 */
import fc from 'fast-check';
import { type AppSpec, type Topology, rackedServers } from '../../model/topology.ts';

export interface TopologyShape {
  readonly servers: readonly [number, number];
  readonly faultDomains: readonly [number, number];
  readonly updateDomains: readonly [number, number];
  readonly capacity: readonly [number, number];
  /**
   * How many servers the fabric may lose and still hold every instance: `all-but-one` is the
   * "spare capacity for healing" hypothesis at its most generous.
   */
  readonly spareServers: number | 'all-but-one';
  /**
   * Enough servers for every (fault domain, update domain) pair, so a role can always be
   * spread over both. Placement spreads over fault domains first; without this, a small
   * fabric can force two instances of a role into one update domain.
   */
  readonly everyDomainPair?: boolean;
}

export function instanceCount(apps: readonly AppSpec[]): number {
  return apps.reduce((sum, app) => sum + app.roles.reduce((s, r) => s + r.instances, 0), 0);
}

export function topologyArbitrary(shape: TopologyShape, apps: fc.Arbitrary<AppSpec[]>): fc.Arbitrary<Topology> {
  return fc
    .record({
      servers: fc.integer({ min: shape.servers[0], max: shape.servers[1] }),
      faultDomains: fc.integer({ min: shape.faultDomains[0], max: shape.faultDomains[1] }),
      updateDomains: fc.integer({ min: shape.updateDomains[0], max: shape.updateDomains[1] }),
      capacity: fc.integer({ min: shape.capacity[0], max: shape.capacity[1] }),
      apps,
    })
    .map(({ servers: drawn, faultDomains, updateDomains, capacity, apps }) => {
      const servers = shape.everyDomainPair ? Math.max(drawn, faultDomains * updateDomains) : drawn;
      const keep = shape.spareServers === 'all-but-one' ? 1 : Math.max(1, servers - shape.spareServers);
      const needed = Math.ceil(instanceCount(apps) / keep);
      return {
        servers: rackedServers(servers, Math.min(faultDomains, servers), Math.min(updateDomains, servers), Math.max(capacity, needed, 1)),
        apps,
      };
    });
}
