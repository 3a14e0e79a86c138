/**
 * `fabric-verify replay FILE`: replay a saved counterexample and print its story.
 */
import { counterexampleText } from '../reports/counterexampleText.ts';
import { readCounterexample, writeAtomically } from '../properties/counterexampleFile.ts';
import { storyPage } from '../reports/html/storyPage.ts';
import { replayCounterexample } from '../properties/replay.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ReplayResult {
  readonly text: string;
  /** The recorded violation happened again, to the letter. */
  readonly reproduced: boolean;
}

export function replayCommand(file: string, options: { readonly html?: boolean } = {}): ReplayResult {
  const counterexample = readCounterexample(file);
  const replay = replayCounterexample(counterexample, file);
  const verdict = replay.reproduced
    ? 'Replayed: the property breaks again exactly as recorded.'
    : replay.violation
      ? `Replayed: the property still breaks, differently: expected ${replay.violation.expected}; saw ${replay.violation.seen}.`
      : 'Replayed: the property no longer breaks on this schedule (the model changed since it was recorded).';
  let text = `${counterexampleText(counterexample, replay.trace, { file, maxLines: 200 })}\n\n${verdict}`;
  if (options.html) {
    const page = file.replace(/\.json$/i, '') + '.html';
    writeAtomically(page, storyPage({ counterexample, trace: replay.trace, file }));
    // A URL a terminal opens as it is, wherever the command ran (the path given may be relative).
    text += `\nTimeline page written to ${pathToFileURL(resolve(page)).href}`;
  }
  return { text, reproduced: replay.reproduced };
}
