/**
 * One role instance, as the fabric sees it across moves. `lifecycle` is the copy the
 * controller placed last; `stray` is an older copy still serving on a server that was
 * abandoned without fencing — the hazard behind `no-duplicate-running-instance`.
 */
import { assertEvent, assign, emit, setup, stateIn } from 'xstate';
import type { Timings } from '../timings.ts';

export interface InstanceInput {
  readonly instanceId: string;
  /** Where the instance runs when the story begins; null = not yet placed. */
  readonly serverId: string | null;
  readonly timings: Timings;
}

export interface InstanceContext {
  readonly instanceId: string;
  readonly serverId: string | null;
  readonly strayServerId: string | null;
  readonly timings: Timings;
}

type CopyEvent = { instanceId: string; serverId: string };
export type InstanceEvent =
  | { type: 'controller.queued'; instanceId: string }
  | { type: 'controller.move'; instanceId: string; serverId: string }
  | ({ type: 'server.copyStopped' } & CopyEvent)
  | ({ type: 'server.copyRestarted' } & CopyEvent)
  | ({ type: 'server.copyLost' } & CopyEvent);

export type InstanceEmitted =
  | { type: 'instance.running'; instanceId: string; serverId: string }
  /** Its placed copy was stopped in place (its server is being upgraded); a stray copy's stop is not reported. */
  | { type: 'instance.stopped'; instanceId: string; serverId: string }
  | { type: 'instance.lost'; instanceId: string; serverId: string };

/** The server a `controller.move` places the copy on. */
function movedTo(event: InstanceEvent): string {
  assertEvent(event, 'controller.move');
  return event.serverId;
}

export const instanceMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as InstanceInput,
    context: {} as InstanceContext,
    events: {} as InstanceEvent,
    emitted: {} as InstanceEmitted,
  },
  delays: {
    instanceStart: ({ context }) => context.timings.instanceStartS * 1000,
  },
  guards: {
    deployedAtStart: ({ context }) => context.serverId !== null,
    fromCurrentServer: ({ context, event }) => 'serverId' in event && event.serverId === context.serverId,
    fromStrayServer: ({ context, event }) => 'serverId' in event && event.serverId === context.strayServerId,
    leavesStrayCopy: stateIn({ lifecycle: 'running' }),
  },
  actions: {
    assignServer: assign({ serverId: ({ event }) => movedTo(event) }),
    moveLeavingStray: assign({
      strayServerId: ({ context }) => context.serverId,
      serverId: ({ event }) => movedTo(event),
    }),
    forgetStray: assign({ strayServerId: null }),
    // Reported only from starting, running or stopped: states a copy reaches once placed, so serverId is set.
    reportRunning: emit(({ context }) => ({ type: 'instance.running' as const, instanceId: context.instanceId, serverId: context.serverId! })),
    reportStopped: emit(({ context }) => ({ type: 'instance.stopped' as const, instanceId: context.instanceId, serverId: context.serverId! })),
    reportLost: emit(({ context }) => ({ type: 'instance.lost' as const, instanceId: context.instanceId, serverId: context.serverId! })),
  },
}).createMachine({
  id: 'instance',
  context: ({ input }) => ({ instanceId: input.instanceId, serverId: input.serverId, strayServerId: null, timings: input.timings }),
  type: 'parallel',
  states: {
    lifecycle: {
      initial: 'deploying',
      states: {
        /** Transient: the story starts in steady state, every placed instance running. */
        deploying: {
          always: [{ guard: 'deployedAtStart', target: 'running' }, { target: 'placing' }],
        },
        /** Queued for healing: waiting for the controller to start its move. */
        placing: {
          on: { 'controller.move': { target: 'starting', actions: 'assignServer' } },
        },
        starting: {
          after: { instanceStart: { target: 'running', actions: 'reportRunning' } },
          on: {
            'server.copyLost': { guard: 'fromCurrentServer', target: 'lost', actions: 'reportLost' },
            'server.copyStopped': { guard: 'fromCurrentServer', target: 'stopped', actions: 'reportStopped' },
            'controller.move': { target: 'starting', reenter: true, actions: 'assignServer' },
          },
        },
        running: {
          on: {
            'server.copyLost': { guard: 'fromCurrentServer', target: 'lost', actions: 'reportLost' },
            'server.copyStopped': { guard: 'fromCurrentServer', target: 'stopped', actions: 'reportStopped' },
            'controller.move': { target: 'starting', actions: 'moveLeavingStray' },
          },
        },
        /** Stopped in place while its server is upgraded. */
        stopped: {
          on: {
            'server.copyRestarted': { guard: 'fromCurrentServer', target: 'starting' },
            'server.copyLost': { guard: 'fromCurrentServer', target: 'lost', actions: 'reportLost' },
            'controller.move': { target: 'starting', actions: 'assignServer' },
          },
        },
        /** Its copy is gone; the controller has not queued a move yet (it may not know). */
        lost: {
          on: {
            'controller.queued': { target: 'placing' },
            'controller.move': { target: 'starting', actions: 'assignServer' },
          },
        },
      },
    },
    stray: {
      initial: 'none',
      states: {
        none: {
          on: { 'controller.move': { guard: 'leavesStrayCopy', target: 'serving' } },
        },
        serving: {
          on: {
            'server.copyLost': { guard: 'fromStrayServer', target: 'none', actions: 'forgetStray' },
            'server.copyStopped': { guard: 'fromStrayServer', target: 'none', actions: 'forgetStray' },
          },
        },
      },
    },
  },
});
