/**
 * Traces the explorer hands to property checks: one stretch between two choice points (with
 * the actors' states at its start as its initial states), or a whole run assembled from the
 * stretches of its schedule. Both have the shape `simulate` returns, so a catalog check reads
 * them unchanged. A stretch keeps the run-wide cause indexes of its entries.
 */
import type { Address } from '../../model/simulator/addresses.ts';
import type { RunEnd, Trace, TraceEntry } from '../../model/simulator/trace.ts';
import type { ComposedState } from '../engine/composedState.ts';
import type { FabricModel } from '../engine/fabricModel.ts';
import { finalStatesOf } from '../engine/wholeRun.ts';

/** The stretches of a run so far, newest first, shared between the runs that branch from it. */
export interface History {
  readonly entries: readonly TraceEntry[];
  readonly earlier: History | null;
}

export function entriesOf(history: History | null, last: readonly TraceEntry[]): TraceEntry[] {
  const stretches: (readonly TraceEntry[])[] = [last];
  for (let h = history; h !== null; h = h.earlier) stretches.push(h.entries);
  const entries: TraceEntry[] = [];
  for (let i = stretches.length - 1; i >= 0; i--) for (const entry of stretches[i]!) entries.push(entry);
  return entries;
}

/** A stretch as a trace; initial and final states are computed only if a check asks. */
export class StretchTrace implements Trace {
  readonly entries: readonly TraceEntry[];
  readonly endS: number;
  readonly steps: number;
  readonly end: RunEnd;
  readonly #model: FabricModel;
  readonly #initial: () => Readonly<Record<Address, string>>;
  readonly #to: ComposedState;
  #final: Record<Address, string> | null = null;

  /** `initial`: the actors' states at the stretch's start, computed once for every stretch from one state. */
  constructor(model: FabricModel, initial: () => Readonly<Record<Address, string>>, from: ComposedState, to: ComposedState, entries: readonly TraceEntry[], end: RunEnd | null) {
    this.#model = model;
    this.#initial = initial;
    this.#to = to;
    this.entries = entries;
    this.endS = to.clockS;
    this.steps = to.steps - from.steps;
    this.end = end ?? 'horizon';
  }

  get initialStates(): Readonly<Record<Address, string>> {
    return this.#initial();
  }

  get initialPlacement(): Readonly<Record<string, string>> {
    return this.#model.initialPlacement;
  }

  get finalStates(): Readonly<Record<Address, string>> {
    this.#final ??= finalStatesOf(this.#model, this.#to);
    return this.#final;
  }
}

export function wholeRunTrace(model: FabricModel, history: History | null, last: readonly TraceEntry[], state: ComposedState, end: RunEnd | null): Trace {
  return {
    entries: entriesOf(history, last),
    initialStates: model.initialStates,
    initialPlacement: model.initialPlacement,
    finalStates: finalStatesOf(model, state),
    endS: state.clockS,
    steps: state.steps,
    end: end ?? 'quiescent',
  };
}
