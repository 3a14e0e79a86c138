/**
 * "Did you mean …?" for a mistyped name (a property id, a scenario, a choice), judged as
 * commander judges mistyped commands and flags: a few edits away, and most of the word kept.
 * The distance is fastest-levenshtein's (well kept, and the fastest plain Levenshtein in JS).
 */
import { distance } from 'fastest-levenshtein';

/** Commander's bounds: at most 3 edits, and at least 40% of the word unchanged. */
const MAX_EDITS = 3;
const MIN_KEPT = 0.4;

/** The closest candidates (ties kept, in the candidates' order); none when nothing is close. */
export function closestNames(word: string, candidates: readonly string[]): string[] {
  let best = MAX_EDITS;
  let closest: string[] = [];
  for (const candidate of candidates) {
    const edits = distance(word, candidate);
    const kept = (Math.max(word.length, candidate.length) - edits) / Math.max(word.length, candidate.length);
    if (edits > MAX_EDITS || edits > best || kept <= MIN_KEPT) continue;
    if (edits < best) closest = [];
    best = edits;
    closest.push(candidate);
  }
  return closest;
}

/** `; did you mean X?` (or `X or Y?`), or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const closest = closestNames(word, candidates);
  return closest.length === 0 ? '' : `; did you mean ${closest.join(' or ')}?`;
}
