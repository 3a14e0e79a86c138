/**
 * The deployment service: the upgrade's control channel. Each upgrade call is answered after
 * the latency of the network condition at the time of the call; a degraded network makes
 * calls outlast the servers' timeout, which is how the 2009 incident began.
 */
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';

export interface DeploymentServiceInput {
  readonly callS: number;
}

export interface DeploymentServiceContext {
  readonly normalCallS: number;
  readonly callS: number;
}

export type DeploymentServiceEvent =
  | { type: 'server.deploymentRequested'; serverId: string }
  | { type: 'fault.networkDegraded'; latencyS: number }
  | { type: 'fault.networkRestored' }
  | { type: 'deployment.replyDue'; serverId: string };

export type DeploymentServiceEmitted = { type: 'deployment.completed'; serverId: string };

export const deploymentServiceMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as DeploymentServiceInput,
    context: {} as DeploymentServiceContext,
    events: {} as DeploymentServiceEvent,
    emitted: {} as DeploymentServiceEmitted,
  },
  delays: {
    callLatency: ({ context }) => context.callS * 1000,
  },
  actions: {
    scheduleReply: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'server.deploymentRequested');
      enqueue.raise({ type: 'deployment.replyDue', serverId: event.serverId }, { delay: 'callLatency', id: `reply:${event.serverId}` });
    }),
    reply: emit(({ event }) => {
      assertEvent(event, 'deployment.replyDue');
      return { type: 'deployment.completed' as const, serverId: event.serverId };
    }),
    slowDown: assign({
      callS: ({ event }) => {
        assertEvent(event, 'fault.networkDegraded');
        return event.latencyS;
      },
    }),
    speedUp: assign({ callS: ({ context }) => context.normalCallS }),
  },
}).createMachine({
  id: 'deploymentService',
  context: ({ input }) => ({ normalCallS: input.callS, callS: input.callS }),
  initial: 'healthy',
  on: {
    'server.deploymentRequested': { actions: 'scheduleReply' },
    'deployment.replyDue': { actions: 'reply' },
  },
  states: {
    healthy: {
      on: { 'fault.networkDegraded': { target: 'degraded', actions: 'slowDown' } },
    },
    degraded: {
      on: {
        'fault.networkDegraded': { actions: 'slowDown' },
        'fault.networkRestored': { target: 'healthy', actions: 'speedUp' },
      },
    },
  },
});
