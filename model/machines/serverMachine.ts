/**
 * One physical server. It runs the copies of role instances placed on it, takes part in the
 * rolling upgrade, and can crash, lose its heartbeats (while its copies run on), fail its
 * upgrade, be declared dead, be fenced or abandoned, and be repaired empty. A surge server is
 * absent until the upgrade boots it, empty. The upgrade's drain either stops the copies to
 * restart them after the reboot, or evicts them for the controller to place elsewhere.
 */
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import type { UpgradeDrain } from '../policy.ts';
import type { ServerSpec } from '../topology.ts';
import type { Timings } from '../timings.ts';

export interface ServerInput {
  readonly spec: ServerSpec;
  readonly hosted: readonly string[];
  readonly timings: Timings;
  /** Default `restart-in-place`. */
  readonly drain?: UpgradeDrain;
}

export interface ServerContext {
  readonly serverId: string;
  readonly capacity: number;
  /** Copies of role instances this server runs (or would restart after its reboot). */
  readonly hosted: readonly string[];
  readonly timings: Timings;
  readonly drain: UpgradeDrain;
  readonly surge: boolean;
}

export type ServerEvent =
  | { type: 'fault.crash' }
  | { type: 'fault.heartbeatLoss' }
  | { type: 'fault.heartbeatRestored' }
  | { type: 'upgrade.upgradeServer'; serverId: string }
  | { type: 'deployment.completed'; serverId: string }
  | { type: 'controller.declaredDead'; serverId: string }
  | { type: 'controller.evict'; serverId: string; fence: boolean }
  | { type: 'controller.move'; instanceId: string; serverId: string };

type CopyEvent = { instanceId: string; serverId: string };
export type ServerEmitted =
  | { type: 'server.heartbeatLost'; serverId: string }
  | { type: 'server.heartbeatRestored'; serverId: string }
  /** `evicted`: with a `reschedule` drain, the copies it evicted, for the controller to place elsewhere. */
  | { type: 'server.draining'; serverId: string; evicted?: readonly string[] }
  | { type: 'server.deploymentRequested'; serverId: string }
  | { type: 'server.upgraded'; serverId: string }
  | { type: 'server.upgradeFailed'; serverId: string }
  | { type: 'server.upgradeSkipped'; serverId: string }
  | { type: 'server.repaired'; serverId: string }
  | { type: 'server.rejoined'; serverId: string; hosted: readonly string[] }
  | ({ type: 'server.copyStopped' } & CopyEvent)
  | ({ type: 'server.copyRestarted' } & CopyEvent)
  | ({ type: 'server.copyLost' } & CopyEvent);

export const serverMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as ServerInput,
    context: {} as ServerContext,
    events: {} as ServerEvent,
    emitted: {} as ServerEmitted,
  },
  delays: {
    drain: ({ context }) => context.timings.drainS * 1000,
    deploymentCallTimeout: ({ context }) => context.timings.deploymentCallTimeoutS * 1000,
    reboot: ({ context }) => context.timings.rebootS * 1000,
    repair: ({ context }) => context.timings.repairS * 1000,
  },
  guards: {
    isSurge: ({ context }) => context.surge,
    fenceRequested: ({ event }) => {
      assertEvent(event, 'controller.evict');
      return event.fence;
    },
  },
  actions: {
    hostCopy: assign({
      hosted: ({ context, event }) => {
        assertEvent(event, 'controller.move');
        return context.hosted.includes(event.instanceId) ? context.hosted : [...context.hosted, event.instanceId];
      },
    }),
    /** The drain stops every copy; a `reschedule` drain also gives them up (they start elsewhere, not after the reboot). */
    stopCopies: enqueueActions(({ context, enqueue }) => {
      for (const instanceId of context.hosted) enqueue.emit({ type: 'server.copyStopped', instanceId, serverId: context.serverId });
      if (context.drain === 'reschedule') enqueue.assign({ hosted: [] });
    }),
    restartCopies: enqueueActions(({ context, enqueue }) => {
      for (const instanceId of context.hosted) enqueue.emit({ type: 'server.copyRestarted', instanceId, serverId: context.serverId });
    }),
    /** A copy placed on a server that cannot run it is lost at once (the host agent never answers). */
    rejectCopy: emit(({ event }) => {
      assertEvent(event, 'controller.move');
      return { type: 'server.copyLost' as const, instanceId: event.instanceId, serverId: event.serverId };
    }),
    /** A copy placed on a server in the middle of its upgrade waits for the reboot. */
    parkCopy: emit(({ event }) => {
      assertEvent(event, 'controller.move');
      return { type: 'server.copyStopped' as const, instanceId: event.instanceId, serverId: event.serverId };
    }),
    loseCopies: enqueueActions(({ context, enqueue }) => {
      for (const instanceId of context.hosted) enqueue.emit({ type: 'server.copyLost', instanceId, serverId: context.serverId });
      enqueue.assign({ hosted: [] });
    }),
    reportHeartbeatLost: emit(({ context }) => ({ type: 'server.heartbeatLost' as const, serverId: context.serverId })),
    reportHeartbeatRestored: emit(({ context }) => ({ type: 'server.heartbeatRestored' as const, serverId: context.serverId })),
    reportDraining: emit(({ context }) =>
      context.drain === 'reschedule' ? { type: 'server.draining' as const, serverId: context.serverId, evicted: context.hosted } : { type: 'server.draining' as const, serverId: context.serverId },
    ),
    requestDeployment: emit(({ context }) => ({ type: 'server.deploymentRequested' as const, serverId: context.serverId })),
    reportUpgraded: emit(({ context }) => ({ type: 'server.upgraded' as const, serverId: context.serverId })),
    reportUpgradeFailed: emit(({ context }) => ({ type: 'server.upgradeFailed' as const, serverId: context.serverId })),
    reportUpgradeSkipped: emit(({ context }) => ({ type: 'server.upgradeSkipped' as const, serverId: context.serverId })),
    reportRepaired: emit(({ context }) => ({ type: 'server.repaired' as const, serverId: context.serverId })),
    reportRejoined: emit(({ context }) => ({ type: 'server.rejoined' as const, serverId: context.serverId, hosted: context.hosted })),
  },
}).createMachine({
  id: 'server',
  context: ({ input }) => ({ serverId: input.spec.id, capacity: input.spec.capacity, hosted: input.hosted, timings: input.timings, drain: input.drain ?? 'restart-in-place', surge: input.spec.surge ?? false }),
  initial: 'created',
  on: {
    'controller.move': { actions: 'hostCopy' },
  },
  states: {
    /** Transient: a surge server is not there when the story begins; every other server runs. */
    created: {
      always: [{ guard: 'isSurge', target: 'absent' }, { target: 'running' }],
    },
    /** A surge server the upgrade has not brought up yet: nothing reaches it, the walk's first domain boots it. */
    absent: {
      on: {
        'upgrade.upgradeServer': { target: 'upgrading' },
        'controller.move': { actions: 'rejectCopy' },
      },
    },
    running: {
      on: {
        'fault.crash': { target: 'failed', actions: ['loseCopies', 'reportHeartbeatLost'] },
        'fault.heartbeatLoss': { target: 'unreachable', actions: 'reportHeartbeatLost' },
        'upgrade.upgradeServer': { target: 'upgrading' },
        // Evicted by a controller that does not know yet this server is back (its message is
        // still on the way): fencing stops its copies; either way it rejoins with what it runs,
        // so the controller's view catches up.
        'controller.evict': [{ guard: 'fenceRequested', actions: ['loseCopies', 'reportRejoined'] }, { actions: 'reportRejoined' }],
      },
    },
    upgrading: {
      initial: 'draining',
      entry: ['reportDraining', 'stopCopies'],
      on: {
        'fault.crash': { target: 'failed', actions: ['loseCopies', 'reportUpgradeFailed'] },
        'controller.move': { actions: ['hostCopy', 'parkCopy'] },
      },
      states: {
        draining: {
          after: { drain: { target: 'installing' } },
        },
        installing: {
          entry: 'requestDeployment',
          on: { 'deployment.completed': { target: 'rebooting' } },
          after: { deploymentCallTimeout: { target: '#server.failed', actions: ['loseCopies', 'reportUpgradeFailed'] } },
        },
        rebooting: {
          after: { reboot: { target: '#server.running', actions: ['reportUpgraded', 'restartCopies'] } },
        },
      },
    },
    unreachable: {
      initial: 'suspected',
      on: {
        'fault.crash': { target: 'failed', actions: 'loseCopies' },
        'upgrade.upgradeServer': { actions: 'reportUpgradeSkipped' },
        'controller.move': { actions: 'rejectCopy' },
      },
      states: {
        suspected: {
          on: {
            'fault.heartbeatRestored': { target: '#server.running', actions: 'reportHeartbeatRestored' },
            'controller.declaredDead': { target: 'declaredDead' },
          },
        },
        declaredDead: {
          on: {
            // Already declared dead: no new declaration will come, so it goes straight to repair.
            'fault.crash': { target: '#server.repairing' },
            'fault.heartbeatRestored': { target: '#server.running', actions: 'reportHeartbeatRestored' },
            'controller.evict': [
              { guard: 'fenceRequested', target: 'fenced', actions: 'loseCopies' },
              { target: 'abandoned' },
            ],
          },
        },
        /** Evicted without fencing: its copies serve on, unseen by the controller. */
        abandoned: {
          on: {
            'fault.crash': { target: '#server.repairing' },
            'fault.heartbeatRestored': { target: '#server.running', actions: 'reportRejoined' },
          },
        },
        /** Evicted with fencing: its copies were stopped; it is reimaged before it serves again. */
        fenced: {
          on: {
            'fault.crash': { target: '#server.repairing' },
            'fault.heartbeatRestored': { target: '#server.repairing' },
          },
        },
      },
    },
    failed: {
      on: {
        'controller.declaredDead': { target: 'repairing' },
        'upgrade.upgradeServer': { actions: 'reportUpgradeSkipped' },
        'controller.move': { actions: 'rejectCopy' },
      },
    },
    repairing: {
      entry: 'loseCopies',
      on: {
        'upgrade.upgradeServer': { actions: 'reportUpgradeSkipped' },
        'controller.move': { actions: 'rejectCopy' },
      },
      after: { repair: { target: 'running', actions: 'reportRepaired' } },
    },
  },
});
