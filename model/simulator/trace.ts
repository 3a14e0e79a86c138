/**
 * The trace: everything a property may read about a run. Every delivered event, every state
 * change with its simulated time, each app's availability changes, the healing queue's
 * length and each server's load. Properties only read it; they never touch the machines.
 */
import type { Address } from './addresses.ts';
import type { FabricEmitted, FabricEvent } from './wiring.ts';

/** available: every role at its instance count; degraded: every role running, some short; down: some role has none. */
export type AppStatus = 'available' | 'degraded' | 'down';

/** Where a delivered event came from: a machine, the fault schedule, or a timer a machine set. */
export type EventSource = Address | 'fault' | 'timer';

export type TraceEntry =
  | {
      readonly t: number;
      readonly kind: 'event';
      readonly from: EventSource;
      readonly to: Address | null;
      readonly event: FabricEvent | FabricEmitted;
      /** Index of the delivery during which this event was emitted or its timer set; null for faults. */
      readonly cause: number | null;
    }
  | { readonly t: number; readonly kind: 'state'; readonly actor: Address; readonly from: string; readonly to: string }
  | { readonly t: number; readonly kind: 'app'; readonly appId: string; readonly from: AppStatus; readonly to: AppStatus }
  | { readonly t: number; readonly kind: 'queue'; readonly length: number; readonly inFlight: number }
  | { readonly t: number; readonly kind: 'load'; readonly serverId: string; readonly load: number };

export type TraceEntryKind = TraceEntry['kind'];

/** Why a run ended: nothing left to do, the horizon, or the step limit (a liveness failure). */
export type RunEnd = 'quiescent' | 'horizon' | 'step-limit';

export interface Trace {
  readonly entries: readonly TraceEntry[];
  /** Each actor's state when the story began. */
  readonly initialStates: Readonly<Record<Address, string>>;
  /** Where every instance ran when the story began (instance id → server id). */
  readonly initialPlacement: Readonly<Record<string, string>>;
  /** Each actor's state when the run ended. */
  readonly finalStates: Readonly<Record<Address, string>>;
  readonly endS: number;
  readonly steps: number;
  readonly end: RunEnd;
}

/** A machine's state value as one readable string: `upgrading.installing`, `lifecycle.running | stray.none`. */
export function stateKey(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  for (const [region, child] of Object.entries(value as Record<string, unknown>)) {
    const inner = stateKey(child);
    parts.push(inner.includes(' | ') ? `${region}.(${inner})` : `${region}.${inner}`);
  }
  return parts.join(' | ');
}
