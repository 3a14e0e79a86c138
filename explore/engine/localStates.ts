/**
 * Every machine snapshot the explorer has met, once each (hash-consing, as SPIN's collapse
 * compression stores component states in tables). A composed state is then a row of small
 * integers, one per actor, and a transition can be remembered by (local state, event).
 *
 * Two snapshots are the same local state when their state value, status and context are
 * equal, leaving out the context fields every snapshot of a run shares by reference: the
 * simulated clock (time enters the explorer's key separately), the fabric index and the
 * timings. `checkSharedFields` (run on every step) makes sure no transition replaces one of those.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { ActorKind } from '../../model/simulator/fabric.ts';
import { type LocalState, type LocalStateTable, localStateOf } from '../../model/simulator/localState.ts';

export interface FingerprintedState extends LocalState {
  readonly fingerprint: string;
}

function withoutSharedFields(key: string, value: unknown): unknown {
  return key === 'time' || key === 'fabric' || key === 'timings' ? undefined : value;
}

export class LocalStates implements LocalStateTable<FingerprintedState> {
  readonly #byFingerprint = new Map<string, FingerprintedState>();
  readonly #all: FingerprintedState[] = [];

  get size(): number {
    return this.#all.length;
  }

  byId(id: number): FingerprintedState {
    return this.#all[id]!;
  }

  intern(kind: ActorKind, snapshot: AnyMachineSnapshot): FingerprintedState {
    const context = snapshot.context as Record<string, unknown>;
    // Only the top-level shared fields are dropped: the replacer sees them as keys of the context object.
    const body = JSON.stringify(context, function (this: unknown, key, value) {
      return this === context ? withoutSharedFields(key, value) : value;
    });
    const fingerprint = `${kind}|${snapshot.status}|${JSON.stringify(snapshot.value)}|${body}`;
    const known = this.#byFingerprint.get(fingerprint);
    if (known) return known;
    const local: FingerprintedState = { ...localStateOf(this.#all.length, kind, snapshot), fingerprint };
    this.#byFingerprint.set(fingerprint, local);
    this.#all.push(local);
    return local;
  }
}
