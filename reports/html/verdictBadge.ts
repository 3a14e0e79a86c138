/** A verdict read against its expectation, as one badge: the outcome's words, its colour, the hint in a tooltip. */
import type { PropertySummary } from '../summary.ts';
import { html } from './markup.ts';
import { OUTCOME_HINTS, OUTCOME_WORDS, isUnexpected, outcomeOf } from './outcome.ts';

const MARK = { holds: '✓', 'expected-failure': '✓', 'unexpected-failure': '✗', 'missed-failure': '✗', vacuous: '?', inconclusive: '?' } as const;

export function outcomeBadge(p: Pick<PropertySummary, 'expected' | 'verdict'>) {
  const outcome = outcomeOf(p);
  return html`<span class=${`outcome ${outcome}`} title=${`expected ${p.expected}, verdict ${p.verdict}: ${OUTCOME_HINTS[outcome]}`} data-unexpected=${String(isUnexpected(outcome))}>${MARK[outcome]} ${OUTCOME_WORDS[outcome]}</span>`;
}
