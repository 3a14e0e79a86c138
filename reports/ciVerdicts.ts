/**
 * What the CI formats (JUnit XML, SARIF, GitHub annotations) say of each property, from
 * summary.json's data alone, in the same words everywhere: a property that fails as expected
 * passes (with a note that it failed as expected), one whose verdict differs from its
 * expectation fails, with the violation and the line that replays it.
 */
import { clockTime } from './clock.ts';
import { count } from './plural.ts';
import type { CampaignSummary, PropertySummary } from './summary.ts';

export interface CiVerdict {
  readonly property: PropertySummary;
  /** `id` or `id (variant)`. */
  readonly name: string;
  readonly passed: boolean;
  /** One line: why it passed or failed. */
  readonly message: string;
  /** More lines: the violation, the counterexample and how to replay it. */
  readonly details: string;
  /** The counterexample file as a path from the working directory, if the run wrote one. */
  readonly counterexampleFile: string | null;
}

export const propertyName = (p: Pick<PropertySummary, 'id' | 'variant'>): string => (p.variant ? `${p.id} (${p.variant})` : p.id);

/** `outDir` is the report folder, as the user named it (counterexample files are relative to it). */
export function ciVerdicts(summary: CampaignSummary, outDir: string): CiVerdict[] {
  return summary.properties.map((p) => {
    const cx = p.counterexample;
    const file = cx ? `${outDir.replace(/\/+$/, '')}/${cx.file}` : null;
    const broke = cx ? `it broke at ${clockTime(cx.violation.atS)}: expected ${cx.violation.expected}; saw ${cx.violation.seen}` : null;
    const message = p.matches
      ? p.expected === 'fails'
        ? `fails as expected${broke ? `: ${broke}` : ''}`
        : `holds as expected over ${count(p.runs, 'run')}`
      : `expected the property to ${p.expected === 'holds' ? 'hold' : 'fail'}, but it ${p.verdict === 'vacuous' ? 'held only vacuously (the runs never reached what it needs)' : p.verdict === 'holds' ? 'held' : 'failed'}${broke ? `: ${broke}` : ''}`;
    const details = [
      p.statement,
      `Hypothesis: ${p.hypothesis}`,
      `Policy: ${p.policy}; ${count(p.runs, 'run')}, seed ${p.seed}${p.path ? `, path ${p.path}` : ''}.`,
      ...(cx ? [`Counterexample: ${count(cx.faults, 'fault')}, ${count(cx.failedServers, 'failed server')}, shrunk in ${count(cx.shrinks, 'step')}${cx.minimal === false ? ` (not the smallest story: ${cx.minimalityDetail})` : ''}.`] : []),
      ...(file ? [`Replay: npx fabric-verify replay ${file}`] : []),
    ].join('\n');
    return { property: p, name: propertyName(p), passed: p.matches, message, details, counterexampleFile: file };
  });
}

/** The campaign-level problem a CI format reports beside the properties: an interrupted campaign. */
export function incompleteNote(summary: CampaignSummary): string | null {
  return summary.complete ? null : 'The campaign was interrupted: only the properties that finished are reported, and a missing one is not a pass.';
}
