/**
 * Monitoring: raises an alert once the servers declared dead stay at or above the threshold
 * for the evaluation window, and clears it when they drop below.
 */
import { assign, emit, setup } from 'xstate';

export interface MonitoringInput {
  readonly threshold: number;
  readonly evaluationS: number;
}

export interface MonitoringContext {
  readonly threshold: number;
  readonly evaluationS: number;
  readonly deadServers: number;
}

export type MonitoringEvent = { type: 'controller.declaredDead'; serverId: string } | { type: 'controller.serverRestored'; serverId: string };

export type MonitoringEmitted = { type: 'monitoring.alertRaised'; deadServers: number } | { type: 'monitoring.alertCleared' };

export const monitoringMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as MonitoringInput,
    context: {} as MonitoringContext,
    events: {} as MonitoringEvent,
    emitted: {} as MonitoringEmitted,
  },
  delays: {
    alertEvaluation: ({ context }) => context.evaluationS * 1000,
  },
  guards: {
    atOrAboveThreshold: ({ context }) => context.deadServers >= context.threshold,
    belowThreshold: ({ context }) => context.deadServers < context.threshold,
  },
  actions: {
    countDead: assign({ deadServers: ({ context }) => context.deadServers + 1 }),
    countRestored: assign({ deadServers: ({ context }) => Math.max(0, context.deadServers - 1) }),
    raiseAlert: emit(({ context }) => ({ type: 'monitoring.alertRaised' as const, deadServers: context.deadServers })),
    clearAlert: emit({ type: 'monitoring.alertCleared' as const }),
  },
}).createMachine({
  id: 'monitoring',
  context: ({ input }) => ({ threshold: input.threshold, evaluationS: input.evaluationS, deadServers: 0 }),
  initial: 'quiet',
  on: {
    'controller.declaredDead': { actions: 'countDead' },
    'controller.serverRestored': { actions: 'countRestored' },
  },
  states: {
    quiet: {
      always: { guard: 'atOrAboveThreshold', target: 'pending' },
    },
    pending: {
      always: { guard: 'belowThreshold', target: 'quiet' },
      after: { alertEvaluation: { target: 'alerting', actions: 'raiseAlert' } },
    },
    alerting: {
      always: { guard: 'belowThreshold', target: 'quiet', actions: 'clearAlert' },
    },
  },
});
