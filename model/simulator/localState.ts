/**
 * One actor's snapshot as the engines keep it: the snapshot XState's `transition` returned,
 * with what the trace reads of it (state name, gauge, serving copies) worked out once. How two
 * snapshots come to be the same local state is the table's business: the explorer compares
 * contents (explore/engine/localStates.ts), the simulator object identity (snapshotStates.ts).
 */
import type { AnyMachineSnapshot } from 'xstate';
import { servingCopies } from './availability.ts';
import type { ActorKind } from './fabric.ts';
import { stateKey } from './trace.ts';

export interface LocalState {
  readonly id: number;
  readonly kind: ActorKind;
  readonly snapshot: AnyMachineSnapshot;
  /** The trace's name of the state value (`unreachable.suspected`). */
  readonly stateName: string;
  /** The one number the trace follows per actor: a server's load, the controller's queue. */
  readonly gauge: number;
  /** For an instance: copies serving (placed and stray). */
  readonly serving: number;
  readonly active: boolean;
}

/** Where a step's next snapshot becomes a local state. */
export interface LocalStateTable<S extends LocalState = LocalState> {
  intern(kind: ActorKind, snapshot: AnyMachineSnapshot): S;
}

/** Context fields shared by reference across a fabric; never part of a local state's identity. */
export const SHARED_CONTEXT_FIELDS = ['time', 'fabric', 'timings'] as const;

export class LocalStateError extends Error {}

/** The one number per actor the trace follows: a server's load, the controller's queue. */
export function gaugeOf(kind: ActorKind, snapshot: { context: any }): number {
  if (kind === 'server') return snapshot.context.hosted.length;
  // The controller's gauge is only compared for change: any number that tells apart (queue, in flight) pairs of realistic size records the same queue entries.
  // Stryker disable next-line ArithmeticOperator: queue × 10⁶ − in flight and queue ÷ 10⁶ + in flight tell the same pairs apart
  if (kind === 'controller') return snapshot.context.queue.length * 1_000_000 + snapshot.context.inFlight.length;
  return 0;
}

export function localStateOf(id: number, kind: ActorKind, snapshot: AnyMachineSnapshot): LocalState {
  return {
    id,
    kind,
    snapshot,
    stateName: stateKey(snapshot.value),
    gauge: gaugeOf(kind, snapshot),
    serving: kind === 'instance' ? servingCopies(snapshot.value) : 0,
    active: snapshot.status === 'active',
  };
}

/**
 * A transition must keep the shared fields by reference: a remembered step is reused wherever
 * the same fabric is, which is only sound if nothing of a run's own ever enters a snapshot.
 */
export function checkSharedFields(before: AnyMachineSnapshot, after: AnyMachineSnapshot, address: string): void {
  const a = before.context as Record<string, unknown> | undefined;
  const b = after.context as Record<string, unknown> | undefined;
  if (!a || !b) return;
  for (const field of SHARED_CONTEXT_FIELDS) {
    if (a[field] !== b[field]) throw new LocalStateError(`${address}: a transition replaced the shared context field ${field}; remembered steps assume it never changes`);
  }
}
