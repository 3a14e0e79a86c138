/**
 * Every machine snapshot the explorer has met, once each (hash-consing, as SPIN's collapse
 * compression stores component states in tables). A composed state is then a row of small
 * integers, one per actor, and a transition can be remembered by (local state, event).
 *
 * Two snapshots are the same local state when their state value, status and context are
 * equal, leaving out the context fields every snapshot of a run shares by reference: the
 * simulated clock (time enters the explorer's key separately), the fabric index and the
 * timings. `LocalStates.check` makes sure no transition ever replaces one of those.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { servingCopies } from '../../model/simulator/availability.ts';
import type { ActorKind } from '../../model/simulator/fabric.ts';
import { gaugeOf } from '../../model/simulator/simulate.ts';
import { stateKey } from '../../model/simulator/trace.ts';

/** Context fields shared by reference across a run; never part of a local state's identity. */
export const SHARED_CONTEXT_FIELDS = ['time', 'fabric', 'timings'] as const;

export interface LocalState {
  readonly id: number;
  readonly kind: ActorKind;
  readonly snapshot: AnyMachineSnapshot;
  readonly fingerprint: string;
  /** The trace's name of the state value (`unreachable.suspected`). */
  readonly stateName: string;
  /** The one number the trace follows per actor: a server's load, the controller's queue (as the simulator computes it). */
  readonly gauge: number;
  /** For an instance: copies serving (placed and stray). */
  readonly serving: number;
  readonly active: boolean;
}

export class LocalStateError extends Error {}

function withoutSharedFields(key: string, value: unknown): unknown {
  return key === 'time' || key === 'fabric' || key === 'timings' ? undefined : value;
}

export class LocalStates {
  readonly #byFingerprint = new Map<string, LocalState>();
  readonly #all: LocalState[] = [];

  get size(): number {
    return this.#all.length;
  }

  byId(id: number): LocalState {
    return this.#all[id]!;
  }

  intern(kind: ActorKind, snapshot: AnyMachineSnapshot): LocalState {
    const context = snapshot.context as Record<string, unknown>;
    // Only the top-level shared fields are dropped: the replacer sees them as keys of the context object.
    const body = JSON.stringify(context, function (this: unknown, key, value) {
      return this === context ? withoutSharedFields(key, value) : value;
    });
    const fingerprint = `${kind}|${snapshot.status}|${JSON.stringify(snapshot.value)}|${body}`;
    const known = this.#byFingerprint.get(fingerprint);
    if (known) return known;
    const local: LocalState = {
      id: this.#all.length,
      kind,
      snapshot,
      fingerprint,
      stateName: stateKey(snapshot.value),
      gauge: gaugeOf(kind, snapshot),
      serving: kind === 'instance' ? servingCopies(snapshot.value) : 0,
      active: snapshot.status === 'active',
    };
    this.#byFingerprint.set(fingerprint, local);
    this.#all.push(local);
    return local;
  }

  /** A transition must keep the shared fields by reference; otherwise leaving them out of the identity would be wrong. */
  static check(before: AnyMachineSnapshot, after: AnyMachineSnapshot, address: string): void {
    const a = before.context as Record<string, unknown> | undefined;
    const b = after.context as Record<string, unknown> | undefined;
    if (!a || !b) return;
    for (const field of SHARED_CONTEXT_FIELDS) {
      if (a[field] !== b[field]) throw new LocalStateError(`${address}: a transition replaced the shared context field ${field}; the explorer assumes it never changes`);
    }
  }
}
