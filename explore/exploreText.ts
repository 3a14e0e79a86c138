/**
 * What `fabric-verify explore` prints: each explored property's verdict beside its expectation
 * with its shortest counterexample, what each search did, the properties not explored and why,
 * and (with --agreement) how random testing of the same space compares.
 */
import { type Counterexample, counterexampleFileName } from '../properties/counterexample.ts';
import { clockTime } from '../reports/clock.ts';
import { scheduleInWords } from '../reports/faultsInWords.ts';
import { COUNTEREXAMPLE_FOLDER } from '../reports/summarize.ts';
import type { CampaignSummary, ExplorationSummary } from '../reports/summary.ts';
import { describeBound } from './space/explorationBound.ts';
import { agree, count } from '../reports/plural.ts';
import { textTable } from '../reports/textTable.ts';

/** The one text-table style of the CLI (reports/textTable.ts), as lines. */
function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string[] {
  return textTable(header, rows, { rightAligned: [...numeric] }).split('\n');
}

function searchLines(exploration: ExplorationSummary): string[] {
  const rows = exploration.searches.map((s) => [
    s.label,
    String(s.faults),
    String(s.generated),
    String(s.distinctStates),
    String(s.statesPerSecond),
    `${s.depth}/${s.choicePoints - 1}`,
    String(s.schedules),
    s.complete ? 'yes' : 'NO',
    `${(s.durationMs / 1000).toFixed(2)}s`,
  ]);
  return table(['search', 'faults', 'generated', 'distinct', 'states/s', 'depth', 'schedules', 'complete', 'time'], rows, new Set([1, 2, 3, 4, 6, 8]));
}

export function exploreText(summary: CampaignSummary, counterexamples: readonly Counterexample[], outDir: string | null): string {
  const exploration = summary.exploration!;
  const rows = summary.properties.map((p) => [
    p.variant ? `${p.id} (${p.variant})` : p.id,
    p.expected,
    `${p.matches ? '✓' : '✗'} ${p.verdict}`,
    String(p.runs),
    p.counterexample ? `${count(p.counterexample.faults, 'fault')}, ${count(p.counterexample.failedServers, 'failed server')}` : '',
  ]);
  const bound = describeBound(exploration);
  const mismatches = summary.properties.filter((p) => !p.matches).length;
  const lines = [
    `Exhaustive exploration: ${bound}${exploration.symmetry ? '; interchangeable servers and apps merged (heuristic)' : ''}.`,
    '',
    ...table(['property', 'expected', 'verdict', 'schedules', 'shortest counterexample'], rows, new Set([3])),
    '',
    ...searchLines(exploration),
    '',
    `${count(exploration.generated, 'stretch', 'stretches')} simulated: ${count(exploration.distinctStates, 'distinct state')} where states merge (${exploration.statesPerSecond} states/s), ` +
      `${count(exploration.wholeRuns, 'whole run')} where they do not (${exploration.wholeRunsPerSecond} runs/s); ${count(exploration.schedules, 'schedule')} covered; ` +
      (exploration.complete ? 'every bound explored completely.' : 'NOT every bound explored completely: a `holds` there is not a proof.'),
    `${count(summary.properties.length, 'check')}, ${mismatches === 0 ? 'every verdict matches its expectation' : `${count(mismatches, 'verdict')} ${agree(mismatches, 'differs from its expectation', 'differ from their expectations')}`}.`,
  ];
  if (counterexamples.length > 0) lines.push('', 'Shortest counterexamples (breadth-first: fewest faults, then earliest):');
  for (const cx of counterexamples) {
    lines.push('', `  ${cx.variant ? `${cx.propertyId} (${cx.variant})` : cx.propertyId} — at ${clockTime(cx.violation.atS)}: expected ${cx.violation.expected}; saw ${cx.violation.seen}`);
    lines.push(...scheduleInWords(cx.scenario.faults, cx.scenario.topology).map((l) => `  ${l}`));
    const stated = summary.properties.find((p) => p.id === cx.propertyId && p.variant === cx.variant)?.counterexample;
    if (stated?.expectedStory) {
      // The catalog states its smallest story for its own generated fabrics; on this one it may differ.
      lines.push(`    the catalog's smallest story: ${stated.expectedStory} — ${stated.minimal ? 'this is it' : `here: ${stated.minimalityDetail}`}`);
    }
    lines.push(`    replay: npx fabric-verify replay ${outDir ?? 'reports/out'}/${COUNTEREXAMPLE_FOLDER}/${counterexampleFileName(cx)}`);
  }
  if (exploration.notExplored.length > 0) {
    lines.push('', 'Not explored:');
    for (const n of exploration.notExplored) lines.push(`  ${n.variant ? `${n.property} (${n.variant})` : n.property}: ${n.reason}`);
  }
  if (exploration.agreement) {
    lines.push('', 'Agreement with random testing of the same space (fast-check, every run simulated by simulate()):', '');
    lines.push(
      ...table(
        ['property', 'exhaustive', 'random', 'agree', 'random runs to find', 'faults: breadth-first / shrunk random', 'as short'],
        exploration.agreement.map((a) => [
          a.variant ? `${a.property} (${a.variant})` : a.property,
          a.exhaustive,
          a.random,
          a.agree ? 'yes' : a.consistent ? 'no: random missed it' : 'NO: CONTRADICTS THE EXPLORATION',
          a.runsToFind === null ? `none in ${a.randomRuns}` : String(a.runsToFind),
          a.exhaustiveFaults === null && a.randomFaults === null ? '' : `${a.exhaustiveFaults ?? '-'} / ${a.randomFaults ?? '-'}`,
          a.asShort === null ? '' : a.asShort ? 'yes' : 'no',
        ]),
      ),
    );
  }
  if (outDir !== null) lines.push('', `Reports written to ${outDir}/ (index.html, summary.json, summary.md, counterexamples/).`);
  return lines.join('\n');
}
