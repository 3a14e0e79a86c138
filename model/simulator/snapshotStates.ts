/**
 * The simulator's local states: one per snapshot object. A step remembered from a local state
 * returns the same next snapshot every time, so a run that repeats an earlier run's path from
 * the same start meets the same objects and finds every step remembered, without ever
 * comparing contents (the explorer's fingerprints cost a JSON text of the context per state,
 * which for the controller of a large fleet is the fleet).
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { ActorKind } from './fabric.ts';
import { type LocalState, type LocalStateTable, localStateOf } from './localState.ts';

export class SnapshotStates implements LocalStateTable {
  readonly #bySnapshot = new WeakMap<AnyMachineSnapshot, LocalState>();
  #next = 0;

  intern(kind: ActorKind, snapshot: AnyMachineSnapshot): LocalState {
    const known = this.#bySnapshot.get(snapshot);
    if (known) return known;
    const local = localStateOf(this.#next++, kind, snapshot);
    this.#bySnapshot.set(snapshot, local);
    return local;
  }
}
