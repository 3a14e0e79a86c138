/**
 * Storage: an independent service. Compute faults never reach it; it acknowledges every
 * write and keeps it. `storage-unaffected` checks that no wiring of compute events into it
 * ever makes it lose an acknowledged write or refuse one.
 */
import { assign, emit, setup } from 'xstate';

export interface StorageContext {
  readonly acknowledged: number;
  readonly durable: number;
}

export type StorageEvent = { type: 'client.write'; writeId: string };

export type StorageEmitted = { type: 'storage.acknowledged'; writeId: string };

export const storageMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    context: {} as StorageContext,
    events: {} as StorageEvent,
    emitted: {} as StorageEmitted,
  },
  actions: {
    persist: assign({ durable: ({ context }) => context.durable + 1 }),
    acknowledge: assign({ acknowledged: ({ context }) => context.acknowledged + 1 }),
    reportAcknowledged: emit(({ event }) => ({ type: 'storage.acknowledged' as const, writeId: event.writeId })),
  },
}).createMachine({
  id: 'storage',
  context: { acknowledged: 0, durable: 0 },
  initial: 'serving',
  states: {
    serving: {
      on: { 'client.write': { actions: ['persist', 'acknowledge', 'reportAcknowledged'] } },
    },
  },
});
