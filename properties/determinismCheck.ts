/**
 * FoundationDB's habit: re-run a share of the simulations and demand the identical story. A
 * model that is not deterministic (wall-clock time, Math.random, iteration over something
 * unordered) makes every seed and replay a lie; this catches it while a campaign runs, not
 * when a user's replay disagrees.
 */
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';

/** One generated run in this many (the first included) is simulated a second time. */
export const RECHECK_EVERY = 25;

export class NondeterminismError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NondeterminismError';
  }
}

/** Where two traces of one scenario first differ, in words; null if they are identical. */
export function firstDifference(first: Trace, second: Trace): string | null {
  const length = Math.max(first.entries.length, second.entries.length);
  for (let i = 0; i < length; i++) {
    const a = JSON.stringify(first.entries[i] ?? null);
    const b = JSON.stringify(second.entries[i] ?? null);
    if (a !== b) return `trace entry ${i}: ${a} the first time, ${b} the second`;
  }
  for (const field of ['initialStates', 'initialPlacement', 'finalStates', 'endS', 'steps', 'end'] as const) {
    const a = JSON.stringify(first[field]);
    const b = JSON.stringify(second[field]);
    if (a !== b) return `${field}: ${a} the first time, ${b} the second`;
  }
  return null;
}

/** Simulates `scenario` again and throws if the story differs from `trace`. */
export function recheckDeterminism(scenario: Scenario, trace: Trace, simulateAgain: (scenario: Scenario) => Trace = simulate): void {
  const difference = firstDifference(trace, simulateAgain(scenario));
  if (difference !== null) throw new NondeterminismError(`the model is not deterministic: scenario "${scenario.name}" simulated twice differs at ${difference}`);
}
