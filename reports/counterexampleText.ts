/**
 * A failed property, told in a fixed order (as fast-check's reporter does): what failed, one
 * line to reproduce it, the shrunk fault schedule in words, the timeline up to the break,
 * then hints.
 */
import type { Counterexample } from '../properties/counterexample.ts';
import type { Minimality } from '../properties/checkProperty.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { clockTime } from './clock.ts';
import { count } from './plural.ts';
import { scheduleInWords } from './faultsInWords.ts';
import { timelineText } from './timelineText.ts';

export interface CounterexampleTextOptions {
  readonly file?: string;
  readonly minimality?: Minimality | null;
  readonly maxLines?: number;
}

export function counterexampleText(counterexample: Counterexample, trace: Trace, options: CounterexampleTextOptions = {}): string {
  const { violation, scenario } = counterexample;
  const name = counterexample.variant ? `${counterexample.propertyId} (${counterexample.variant})` : counterexample.propertyId;
  const lines = [
    `✗ ${name} broke at ${clockTime(violation.atS)}: expected ${violation.expected}; saw ${violation.seen}.`,
    '',
    'Reproduce:',
    options.file ? `  npx fabric-verify replay ${options.file}` : '  (write the counterexample to a file to replay it)',
    // The catalog's own test of this property (and only it: -t is a pattern, so the name is
    // escaped and anchored); it fails with this story only where the verdict differs from its
    // expectation, so it is told as that, not as a second way to see the story.
    `  FV_SEED=${counterexample.seed} FV_PATH=${counterexample.path} npx vitest run properties/catalog.test.ts -t '${catalogTestPattern(name)}'   (the catalog's test; it prints the story only when the verdict differs from its expectation)`,
    '',
    `Fault schedule (shrunk in ${count(counterexample.shrinks, 'step')}), on ${count(scenario.topology.servers.length, 'server')} and ${count(scenario.topology.apps.length, 'app')}, healing ${scenario.policy.healing.kind}, fencing ${scenario.policy.fencing ? 'on' : 'off'}:`,
    ...scheduleInWords(scenario.faults, scenario.topology).map((l) => `  ${l}`),
    '',
    'Timeline:',
    ...timelineText(trace, { untilS: violation.atS, maxLines: options.maxLines ?? 60 }).map((l) => `  ${l}`),
  ];
  if (options.minimality) {
    lines.push('', options.minimality.minimal ? `Smallest story, as expected: ${options.minimality.expected}.` : `Not the smallest story expected (${options.minimality.expected}): ${options.minimality.detail}.`);
  }
  return lines.join('\n');
}

/** A vitest -t pattern for exactly one catalog test, named `<property> (<variant>) <expectation>`. */
export function catalogTestPattern(name: string): string {
  return `catalog ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (holds|fails)$`;
}
