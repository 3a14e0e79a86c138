/**
 * The physical and logical shape of a fabric: servers in fault domains (racks) and update
 * domains, and the apps (hosted services) whose role instances run on them.
 */

export interface ServerSpec {
  readonly id: string;
  /** The rack: servers sharing a top-of-rack switch and power feed fail together. */
  readonly faultDomain: number;
  /** The upgrade walk takes down one update domain at a time. */
  readonly updateDomain: number;
  /** How many role instances the server can host at once. */
  readonly capacity: number;
  /**
   * A node pool's surge node: added for the upgrade, so it hosts nothing when the story
   * begins and takes copies only once the walk has reached it (its update domain comes first).
   */
  readonly surge?: boolean;
}

export interface RoleSpec {
  readonly id: string;
  readonly instances: number;
  /** A spread the placement may not break; without it, spreading is a preference. */
  readonly hardSpread?: HardSpread;
}

/**
 * A spread over fault domains (zones) that the placement refuses to break: a move that finds
 * no server keeping it waits in the healing queue (Pending) until one comes back.
 * `maxSkew` is Kubernetes' `topologySpreadConstraints` with `whenUnsatisfiable: DoNotSchedule`:
 * never more than `maxSkew` of the role's instances in a fault domain above the fault domain
 * holding fewest (with fewer fault domains than `minDomains`, the fewest counts as 0).
 * `maxPerFaultDomain` is required pod anti-affinity over zones (1): never more than that many
 * in one fault domain.
 */
export interface HardSpread {
  readonly maxSkew?: number;
  readonly minDomains?: number;
  readonly maxPerFaultDomain?: number;
}

/** The spread in words, for messages: `maxSkew 1, minDomains 3, at most 1 a fault domain`. */
export function describeHardSpread(spread: HardSpread): string {
  const parts = [
    spread.maxSkew === undefined ? null : `maxSkew ${spread.maxSkew}`,
    spread.minDomains === undefined ? null : `minDomains ${spread.minDomains}`,
    spread.maxPerFaultDomain === undefined ? null : `at most ${spread.maxPerFaultDomain} a fault domain`,
  ];
  return parts.filter((p) => p !== null).join(', ');
}

export interface AppSpec {
  readonly id: string;
  readonly roles: readonly RoleSpec[];
}

/** A subscription's instance quota, as in the 2009 CTP: the template default is two. */
export interface Quota {
  readonly instancesPerRole: number;
  /** The fix after the incident: the second instance of a role does not count. */
  readonly secondInstanceFree: boolean;
}

export interface Topology {
  readonly servers: readonly ServerSpec[];
  readonly apps: readonly AppSpec[];
  readonly quota?: Quota;
}

/** A role instance's identity, stable across moves: `app/role/index`. */
export type InstanceId = string;

export interface InstanceSpec {
  readonly id: InstanceId;
  readonly appId: string;
  readonly roleId: string;
  readonly index: number;
}

export function instanceId(appId: string, roleId: string, index: number): InstanceId {
  return `${appId}/${roleId}/${index}`;
}

export function instancesOf(topology: Topology): InstanceSpec[] {
  const instances: InstanceSpec[] = [];
  for (const app of topology.apps) {
    for (const role of app.roles) {
      for (let index = 0; index < role.instances; index++) {
        instances.push({ id: instanceId(app.id, role.id, index), appId: app.id, roleId: role.id, index });
      }
    }
  }
  return instances;
}

/**
 * Servers laid out as a real cluster is racked: every rack (fault domain) holds servers of
 * every update domain. Server i sits in update domain i mod U and, within each block of U
 * servers, the racks rotate by one, so F×U servers fill each (fault, update) pair exactly
 * once, and a small fabric still spans as many update and fault domains as it can.
 */
export function rackedServers(count: number, faultDomains: number, updateDomains: number, capacity: number): ServerSpec[] {
  const servers: ServerSpec[] = [];
  for (let i = 0; i < count; i++) {
    const block = Math.floor(i / updateDomains);
    const updateDomain = i % updateDomains;
    servers.push({
      id: `s${String(i).padStart(2, '0')}`,
      faultDomain: (block + updateDomain) % faultDomains,
      updateDomain,
      capacity,
    });
  }
  return servers;
}

export function faultDomainsOf(topology: Topology): number[] {
  return [...new Set(topology.servers.map((s) => s.faultDomain))].sort((a, b) => a - b);
}

export function updateDomainsOf(topology: Topology): number[] {
  return [...new Set(topology.servers.map((s) => s.updateDomain))].sort((a, b) => a - b);
}

/** Instances a role counts against quota: with the post-incident rule the second is free. */
export function quotaCharge(role: RoleSpec, quota: Quota): number {
  return quota.secondInstanceFree && role.instances >= 2 ? role.instances - 1 : role.instances;
}

/** Each instance whose role has a hard spread, with it. */
export function hardSpreadOf(topology: Topology): Record<InstanceId, HardSpread> {
  const spreads: Record<InstanceId, HardSpread> = {};
  for (const app of topology.apps) {
    for (const role of app.roles) {
      if (role.hardSpread === undefined) continue;
      for (let index = 0; index < role.instances; index++) spreads[instanceId(app.id, role.id, index)] = role.hardSpread;
    }
  }
  return spreads;
}
