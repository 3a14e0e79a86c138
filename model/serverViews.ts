/**
 * The controller's server views as a persistent list (immutable's List: a change copies a
 * path of the tree, not the fleet), and the indexes its decisions read, kept beside the list:
 * each fault domain's health, how many servers look dead, and the placement index. The
 * indexes are a function of the list they reflect; a change made through `withServer` or
 * `replaceServer` to the list they reflect updates them in place, and a list they do not
 * reflect (an older snapshot the explorer branches from) gets them rebuilt. Which list is
 * current is never guessed: each look-up names its list.
 */
import { List } from 'immutable';
import type { FaultDomainHealth } from './healingView.ts';
import { type PlacementCandidate, PlacementIndex } from './placement.ts';

/**
 * `suspect`: heartbeats missing, detection timer running. `dead`: declared dead. `absent`: a
 * surge server the upgrade has not brought up yet; it counts in no fault domain's health.
 */
export type ServerStatus = 'up' | 'suspect' | 'dead' | 'upgrading' | 'absent';

export interface ServerView extends PlacementCandidate {
  readonly status: ServerStatus;
  /**
   * Copies a server reported running when it rejoined (fencing off) that the placement puts
   * elsewhere: counted in its load, and a move of one of those instances onto it takes no
   * new room (the server runs one copy of an instance, not two).
   */
  readonly strayCopies?: readonly string[];
}

export type ServerViews = List<ServerView>;

export function serverViews(servers: Iterable<ServerView>): ServerViews {
  return List(servers);
}

function looksDead(server: ServerView): boolean {
  return server.status === 'suspect' || server.status === 'dead';
}

export class ServerIndexes {
  reflects: ServerViews;
  readonly faultDomains: readonly number[];
  readonly placement: PlacementIndex;
  readonly #health: { readonly faultDomain: number; servers: number; lookDead: number; declaredDead: number }[];
  readonly #healthOf = new Map<number, { servers: number; lookDead: number; declaredDead: number }>();
  /** Servers suspect or dead, over the whole fleet. */
  lookingDead = 0;
  /** Servers not absent, over the whole fleet. */
  present = 0;

  constructor(servers: ServerViews, faultDomains: readonly number[]) {
    this.reflects = servers;
    this.faultDomains = faultDomains;
    const list = servers.toArray();
    this.placement = new PlacementIndex(list);
    this.#health = faultDomains.map((faultDomain) => ({ faultDomain, servers: 0, lookDead: 0, declaredDead: 0 }));
    for (const h of this.#health) this.#healthOf.set(h.faultDomain, h);
    for (const server of list) this.#count(server, 1);
  }

  #count(server: ServerView, sign: 1 | -1): void {
    if (server.status === 'absent') return;
    this.present += sign;
    const h = this.#healthOf.get(server.faultDomain);
    const dark = looksDead(server) ? sign : 0;
    if (h !== undefined) {
      h.servers += sign;
      h.lookDead += dark;
      if (server.status === 'dead') h.declaredDead += sign;
    }
    this.lookingDead += dark;
  }

  /** The server at `position` is now `after`. */
  apply(position: number, before: ServerView, after: ServerView): void {
    this.#count(before, -1);
    this.#count(after, 1);
    this.placement.update(position, after);
  }

  /** Each fault domain's health, as fresh objects (a policy may keep what it is shown). */
  health(): FaultDomainHealth[] {
    return this.#health.map((h) => ({ faultDomain: h.faultDomain, servers: h.servers, lookDead: h.lookDead, declaredDead: h.declaredDead }));
  }
}

const indexesByList = new WeakMap<ServerViews, ServerIndexes>();

/** The indexes of exactly `servers`: kept up to date, or rebuilt when they reflect another list. */
export function serverIndexes(servers: ServerViews, faultDomains: readonly number[]): ServerIndexes {
  const known = indexesByList.get(servers);
  if (known !== undefined && known.reflects === servers && known.faultDomains === faultDomains) return known;
  const built = new ServerIndexes(servers, faultDomains);
  indexesByList.set(servers, built);
  return built;
}

/** A copy of the list with the server at `position` replaced by `view`. */
export function replaceServer(servers: ServerViews, position: number, view: ServerView): ServerViews {
  const before = servers.get(position)!;
  const next = servers.set(position, view);
  const indexes = indexesByList.get(servers);
  if (indexes !== undefined && indexes.reflects === servers) {
    indexes.apply(position, before, view);
    indexes.reflects = next;
    indexesByList.set(next, indexes);
  }
  return next;
}

/** A copy of the list with one server changed; only `up` servers take new copies. */
export function withServer(
  servers: ServerViews,
  position: number,
  change: { readonly status?: ServerStatus; readonly load?: number; readonly strayCopies?: readonly string[] | undefined },
): ServerViews {
  const before = servers.get(position)!;
  const status = change.status ?? before.status;
  return replaceServer(servers, position, { ...before, ...change, placeable: status === 'up' });
}

/** Ids of the servers that look dead, in list order. */
export function serversLookingDead(servers: ServerViews): string[] {
  const ids: string[] = [];
  for (const server of servers) if (looksDead(server)) ids.push(server.id);
  return ids;
}
