/**
 * Placement, as the fabric controller decides it: a server that is up and has room, spread
 * over fault domains first (a rack failure must not take every instance of a role), then
 * over update domains (the upgrade walk must not either), then the least loaded. Ties go to
 * the server listed first, so placement is deterministic.
 */

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
  return best;
}

/** Fewer fault domain clashes first, then fewer update domain clashes, then less load. */
function lexicallyBefore(a: Score, b: Score): boolean {
  return (a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) < 0;
}
