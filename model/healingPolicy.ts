/**
 * The seam every healing policy goes through, the built-in ones included: a decision function
 * over the controller's view, with a memory of its own that the controller keeps for it.
 * A policy is data in a scenario (`{ kind, ...parameters }`); its definition, registered by
 * kind, is the code.
 */
import type { HealingView } from './healingView.ts';
import type { Timings } from './timings.ts';

export interface HealingDecision<Memory> {
  /** Indexes into `view.queue` of the work to start now, in queue order. */
  readonly start: readonly number[];
  /** The policy's memory after this decision: kept when some work starts, and at every pace tick (see `paceS`). */
  readonly memory: Memory;
}

export interface HealingPolicyParams {
  readonly kind: string;
}

export interface HealingPolicyDefinition<Params extends HealingPolicyParams = HealingPolicyParams, Memory = unknown> {
  readonly kind: Params['kind'];
  /** One line for reports: what the policy does. */
  readonly summary: string;
  /** Whether a blackout (every fault domain dark) earns every server a fresh grace period. */
  readonly honoursBlackouts: boolean;
  initialMemory(params: Params, view: HealingView): Memory;
  /** Which queued work starts now. Pure: the same view and memory give the same decision. */
  decide(params: Params, view: HealingView, memory: Memory): HealingDecision<Memory>;
  /** Memory changes between decisions (e.g. forgetting a domain that recovered); return `memory` itself when nothing changes. */
  refresh?(params: Params, view: HealingView, memory: Memory): Memory;
  /**
   * While moves wait and none can start, decide again every this many seconds and keep the
   * memory that decision returns (rate-limited and back-off policies); null or absent: decide
   * only when something happens.
   */
  paceS?(params: Params, timings: Timings): number | null;
}

/** Any policy definition, whatever its parameters and memory. */
// biome-ignore lint: a registry holds definitions of every parameter and memory type.
export type AnyHealingPolicyDefinition = HealingPolicyDefinition<any, any>;
