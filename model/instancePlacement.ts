/**
 * Where the controller believes each instance runs (null while it waits for a move), as a
 * persistent map (immutable's Map), with the instances believed on each server kept beside
 * the map it reflects: declaring a server dead then looks at that server's instances, not at
 * every instance of the fabric. Same discipline as serverViews.ts: changes made through
 * `withPlacement` to the map the index reflects update it; any other map gets it rebuilt.
 */
import { Map as ImmutableMap } from 'immutable';

export type Placement = ImmutableMap<string, string | null>;

export function placementOf(record: Readonly<Record<string, string | null>>): Placement {
  return ImmutableMap(record);
}

class InstancesByServer {
  reflects: Placement;
  readonly #byServer = new Map<string, Set<string>>();

  constructor(placement: Placement) {
    this.reflects = placement;
    for (const [instanceId, serverId] of placement) if (serverId !== null) this.#add(serverId, instanceId);
  }

  #add(serverId: string, instanceId: string): void {
    let on = this.#byServer.get(serverId);
    if (on === undefined) {
      on = new Set();
      this.#byServer.set(serverId, on);
    }
    on.add(instanceId);
  }

  move(instanceId: string, from: string | null | undefined, to: string | null): void {
    if (from != null) this.#byServer.get(from)?.delete(instanceId);
    if (to !== null) this.#add(to, instanceId);
  }

  on(serverId: string): ReadonlySet<string> {
    return this.#byServer.get(serverId) ?? new Set();
  }
}

const indexByMap = new WeakMap<Placement, InstancesByServer>();

function indexOf(placement: Placement): InstancesByServer {
  const known = indexByMap.get(placement);
  if (known !== undefined && known.reflects === placement) return known;
  const built = new InstancesByServer(placement);
  indexByMap.set(placement, built);
  return built;
}

/**
 * The instances believed on `serverId`, in `order` (each instance's position in the
 * placement the story began with: the order a walk over the whole placement would meet them).
 */
export function instancesOn(placement: Placement, serverId: string, order: Readonly<Record<string, number>>): string[] {
  return [...indexOf(placement).on(serverId)].sort((a, b) => order[a]! - order[b]!);
}

/** A copy of the placement with `instanceId` believed on `serverId` (null: waiting for a move). */
export function withPlacement(placement: Placement, instanceId: string, serverId: string | null): Placement {
  const next = placement.set(instanceId, serverId);
  if (next === placement) return next;
  const index = indexByMap.get(placement);
  if (index !== undefined && index.reflects === placement) {
    index.move(instanceId, placement.get(instanceId), serverId);
    index.reflects = next;
    indexByMap.set(next, index);
  }
  return next;
}
