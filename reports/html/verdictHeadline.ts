/**
 * The one sentence a report leads with, as data: are all verdicts as expected, or how many
 * are not, and which ones to act on. An expected failure found counts as expected.
 */
import type { PropertySummary } from '../summary.ts';
import { type Outcome, isUnexpected, outcomeOf } from './outcome.ts';

export type Tone = 'all-match' | 'some-differ' | 'interrupted';

export interface Headline {
  readonly tone: Tone;
  readonly headline: string;
  /** The expected ones, counted by kind. */
  readonly detail: string;
  /** What differs from its expectation, in catalog order. */
  readonly actOn: readonly { readonly property: PropertySummary; readonly outcome: Outcome }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function verdictHeadline(properties: readonly PropertySummary[], complete: boolean): Headline {
  const outcomes = properties.map((property) => ({ property, outcome: outcomeOf(property) }));
  const actOn = outcomes.filter((o) => isUnexpected(o.outcome));
  const holds = outcomes.filter((o) => o.outcome === 'holds').length;
  const found = outcomes.filter((o) => o.outcome === 'expected-failure').length;
  const expected = properties.length - actOn.length;
  const detail = `${plural(holds, 'property holds', 'properties hold')}, ${plural(found, 'expected failure', 'expected failures')} found, each shrunk to its story`;
  if (actOn.length > 0) {
    const tail = complete ? '' : ' (the campaign was interrupted: only what finished is counted)';
    return {
      tone: 'some-differ',
      headline: `${actOn.length} of ${plural(properties.length, 'verdict', 'verdicts')} unexpected${tail}`,
      detail: `The other ${expected} as expected: ${detail}.`,
      actOn,
    };
  }
  if (!complete) {
    return { tone: 'interrupted', headline: `Interrupted: the ${plural(properties.length, 'verdict', 'verdicts')} that finished are as expected`, detail: `${detail}.`, actOn };
  }
  const all = properties.length === 1 ? 'The 1 verdict is' : `All ${properties.length} verdicts are`;
  return { tone: 'all-match', headline: `${all} as expected`, detail: `${detail}.`, actOn };
}
