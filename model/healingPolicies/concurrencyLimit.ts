/**
 * `serial` and `parallel`: start the oldest queued work while fewer than `concurrency` pieces
 * are in flight. Serial is the cautious 2009 controller (a few moves at a time); parallel
 * opens up to capacity.
 */
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { firstN } from '../healingView.ts';

type ConcurrencyLimit<Kind extends string> = { readonly kind: Kind; readonly concurrency: number };

function concurrencyLimit<Kind extends 'serial' | 'parallel'>(kind: Kind, summary: string): HealingPolicyDefinition<ConcurrencyLimit<Kind>, null> {
  return {
    kind,
    summary,
    honoursBlackouts: false,
    initialMemory: () => null,
    decide: (params, view) => ({ start: firstN(view.queue.length, params.concurrency - view.inFlight.length), memory: null }),
  };
}

export const serialHealing = concurrencyLimit('serial', 'the oldest work first, at most k pieces in flight');
export const parallelHealing = concurrencyLimit('parallel', 'every queued piece of work at once, up to the concurrency');
