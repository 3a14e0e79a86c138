/** A verdict or an expectation as a coloured word, and whether it matched, as a tick or a cross. */
import type { Expectation, Verdict } from '../../properties/propertyDefinition.ts';

export function verdictBadge(verdict: Verdict | Expectation): string {
  return `<span class="badge ${verdict}">${verdict}</span>`;
}

export function matchMark(matches: boolean): string {
  return matches ? '<span class="match yes" title="verdict as expected">✓ as expected</span>' : '<span class="match no" title="verdict differs from the expectation">✗ differs</span>';
}
