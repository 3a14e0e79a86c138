/**
 * Placement, as the fabric controller decides it: a server that is up and has room, spread
 * over fault domains first (a rack failure must not take every instance of a role), then
 * over update domains (the upgrade walk must not either), then the least loaded. Ties go to
 * the server listed first, so placement is deterministic.
 *
 * The spread is a preference, unless the role's spread is hard (`HardSpread`: Kubernetes'
 * `whenUnsatisfiable: DoNotSchedule` or required anti-affinity over zones): then a server
 * whose fault domain would break it is refused, even when it is the only one with room, and
 * the instance waits.
 */
import FlatQueue from 'flatqueue';
import type { HardSpread } from './topology.ts';

export interface PlacementCandidate {
  readonly id: string;
  readonly faultDomain: number;
  readonly updateDomain: number;
  readonly capacity: number;
  readonly load: number;
  readonly placeable: boolean;
}

export interface SiblingPlacement {
  readonly faultDomain: number;
  readonly updateDomain: number;
}

type Score = readonly [faultDomainClashes: number, updateDomainClashes: number, load: number];

export function chooseServer<Server extends PlacementCandidate>(
  candidates: readonly Server[],
  siblings: readonly SiblingPlacement[],
  hardSpread?: HardSpread,
): Server | null {
  let best: Server | null = null;
  let bestScore: Score = [Infinity, Infinity, Infinity];
  for (const server of candidates) {
    if (!server.placeable || server.load >= server.capacity) continue;
    let faultDomainClashes = 0;
    let updateDomainClashes = 0;
    for (const sibling of siblings) {
      if (sibling.faultDomain === server.faultDomain) faultDomainClashes++;
      if (sibling.updateDomain === server.updateDomain) updateDomainClashes++;
    }
    const score = [faultDomainClashes, updateDomainClashes, server.load] as const;
    if (lexicallyBefore(score, bestScore)) {
      best = server;
      bestScore = score;
    }
  }
  if (best === null || hardSpread === undefined) return best;
  return keepsHardSpread(bestScore[0], siblings, new Set(candidates.map((c) => c.faultDomain)), hardSpread) ? best : null;
}

/**
 * Whether one more instance in a fault domain already holding `clashes` siblings keeps the
 * hard spread: at most `maxPerFaultDomain` there, and Kubernetes' skew rule, at most `maxSkew`
 * above the fault domain holding fewest, counted over every fault domain of the fleet, up or
 * not (the scheduler's default `nodeTaintsPolicy: Ignore` keeps a dark zone a domain); with
 * fewer domains than `minDomains`, the fewest counts as 0. The best-spread choice holds the
 * fewest clashes of any server with room, so when it breaks the spread every server does.
 */
function keepsHardSpread(clashes: number, siblings: readonly SiblingPlacement[], faultDomains: ReadonlySet<number>, hardSpread: HardSpread): boolean {
  if (hardSpread.maxPerFaultDomain !== undefined && clashes + 1 > hardSpread.maxPerFaultDomain) return false;
  if (hardSpread.maxSkew === undefined) return true;
  let fewest = 0;
  if (faultDomains.size >= (hardSpread.minDomains ?? 1)) {
    const held = new Map<number, number>();
    for (const sibling of siblings) held.set(sibling.faultDomain, (held.get(sibling.faultDomain) ?? 0) + 1);
    fewest = Infinity;
    for (const faultDomain of faultDomains) fewest = Math.min(fewest, held.get(faultDomain) ?? 0);
  }
  return clashes + 1 - fewest <= hardSpread.maxSkew;
}

/** Fewer fault domain clashes first, then fewer update domain clashes, then less load. */
function lexicallyBefore(a: Score, b: Score): boolean {
  return (a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) < 0;
}

/** Server positions below this fit the packed (load, position) key exactly. */
const POSITION_SPAN = 2 ** 21;

interface Bucket {
  readonly faultDomain: number;
  readonly updateDomain: number;
  /** Candidates by (load, position), smallest first; entries whose key is no longer the server's are stale and dropped when met. */
  readonly byLoad: FlatQueue<number>;
}

/**
 * `chooseServer` without the scan over every server: the same choice, kept for a changing list
 * of candidates. A sibling clashes with a server only through its fault and update domain, so
 * every server of one (fault domain, update domain) pair scores the same clashes, and the best
 * of the pair is the least loaded, then the first listed. The index keeps each pair's
 * candidates in a heap by (load, position) and compares the pairs' heads: per choice, the cost
 * is the number of pairs, not of servers.
 */
export class PlacementIndex {
  readonly #buckets: Bucket[] = [];
  readonly #faultDomains = new Set<number>();
  readonly #bucketOf: Int32Array;
  /** Each server's current key in its bucket's heap, or -1 while it is no candidate. */
  readonly #keyOf: Float64Array;

  constructor(candidates: readonly PlacementCandidate[]) {
    if (candidates.length > POSITION_SPAN) throw new RangeError(`at most ${POSITION_SPAN} servers, found ${candidates.length}`);
    this.#bucketOf = new Int32Array(candidates.length);
    this.#keyOf = new Float64Array(candidates.length).fill(-1);
    const bucketByPair = new Map<string, number>();
    candidates.forEach((server, position) => {
      const pair = `${server.faultDomain}/${server.updateDomain}`;
      let bucket = bucketByPair.get(pair);
      if (bucket === undefined) {
        bucket = this.#buckets.length;
        bucketByPair.set(pair, bucket);
        this.#buckets.push({ faultDomain: server.faultDomain, updateDomain: server.updateDomain, byLoad: new FlatQueue<number>() });
        this.#faultDomains.add(server.faultDomain);
      }
      this.#bucketOf[position] = bucket;
      this.update(position, server);
    });
  }

  /** The server at `position` changed (load, placeability); its fault and update domain never do. */
  update(position: number, server: PlacementCandidate): void {
    const key = server.placeable && server.load < server.capacity ? server.load * POSITION_SPAN + position : -1;
    if (key === this.#keyOf[position]) return;
    this.#keyOf[position] = key;
    if (key >= 0) this.#buckets[this.#bucketOf[position]!]!.byLoad.push(position, key);
  }

  /** The position `chooseServer` would pick among the candidates as they are now, or null. */
  choose(siblings: readonly SiblingPlacement[], hardSpread?: HardSpread): number | null {
    let best: number | null = null;
    let bestFaultDomainClashes = Infinity;
    let bestUpdateDomainClashes = Infinity;
    let bestKey = Infinity;
    for (const bucket of this.#buckets) {
      const heap = bucket.byLoad;
      while (heap.length > 0 && this.#keyOf[heap.peek()!] !== heap.peekValue()) heap.pop();
      if (heap.length === 0) continue;
      let faultDomainClashes = 0;
      let updateDomainClashes = 0;
      for (const sibling of siblings) {
        if (sibling.faultDomain === bucket.faultDomain) faultDomainClashes++;
        if (sibling.updateDomain === bucket.updateDomain) updateDomainClashes++;
      }
      const key = heap.peekValue()!;
      if ((faultDomainClashes - bestFaultDomainClashes || updateDomainClashes - bestUpdateDomainClashes || key - bestKey) < 0) {
        best = heap.peek()!;
        bestFaultDomainClashes = faultDomainClashes;
        bestUpdateDomainClashes = updateDomainClashes;
        bestKey = key;
      }
    }
    if (best === null || hardSpread === undefined) return best;
    return keepsHardSpread(bestFaultDomainClashes, siblings, this.#faultDomains, hardSpread) ? best : null;
  }
}
