/**
 * `fabric-verify replay FILE`: replay a saved counterexample and print its story.
 */
import { counterexampleText } from '../reports/counterexampleText.ts';
import { readCounterexample } from '../properties/counterexampleFile.ts';
import { replayCounterexample } from '../properties/replay.ts';

export interface ReplayResult {
  readonly text: string;
  /** The recorded violation happened again, to the letter. */
  readonly reproduced: boolean;
}

export function replayCommand(file: string): ReplayResult {
  const counterexample = readCounterexample(file);
  const replay = replayCounterexample(counterexample, file);
  const verdict = replay.reproduced
    ? 'Replayed: the property breaks again exactly as recorded.'
    : replay.violation
      ? `Replayed: the property still breaks, differently: expected ${replay.violation.expected}; saw ${replay.violation.seen}.`
      : 'Replayed: the property no longer breaks on this schedule (the model changed since it was recorded).';
  return { text: `${counterexampleText(counterexample, replay.trace, { file, maxLines: 200 })}\n\n${verdict}`, reproduced: replay.reproduced };
}
