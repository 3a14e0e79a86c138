/**
 * The fabric controller, as parallel regions: detection (declares a server dead once its
 * heartbeats are missing for the detection timeout), healing (a queue of instance moves
 * started under the healing policy, fencing or abandoning the servers they leave), and
 * management (portal requests, either behind the healing queue — the 2009 design — or in a
 * lane of their own). An operator can switch healing to parallel mid-run.
 */
import { OrderedSet } from 'immutable';
import { and, assign, enqueueActions, not, setup } from 'xstate';
import { type FabricIndex, type PlanningInput, type ServerView, everyServerLooksDead, planHealing, serverViews, withServer, healingView } from '../controllerView.ts';
import { instancesOn, placementOf, withPlacement } from '../instancePlacement.ts';
import type { WorkItem } from '../healingView.ts';
import { healingPolicyDefinition } from '../healingPolicies/registry.ts';
import type { SimulatedTime } from '../simulatedTime.ts';
import type { ControllerPolicy, HealingPolicy, ManagementLane } from '../policy.ts';
import type { Timings } from '../timings.ts';

export interface ControllerInput {
  readonly policy: ControllerPolicy;
  /** The simulator's time, injected: healing policies may decide by it. */
  readonly time: SimulatedTime;
  readonly timings: Timings;
  readonly servers: readonly ServerView[];
  readonly placement: Readonly<Record<string, string | null>>;
  readonly fabric: FabricIndex;
}

/** The controller's context: what its healing plans are made from (PlanningInput), and the rest of its state. */
export interface ControllerContext extends PlanningInput {
  readonly management: ManagementLane;
  readonly fencing: boolean;
  readonly timings: Timings;
  readonly ownLane: readonly string[];
  readonly ownLaneServing: string | null;
}

export type ControllerEvent =
  | { type: 'server.heartbeatLost'; serverId: string }
  | { type: 'server.heartbeatRestored'; serverId: string }
  | { type: 'server.draining'; serverId: string; evicted?: readonly string[] }
  | { type: 'server.upgraded'; serverId: string }
  | { type: 'server.upgradeFailed'; serverId: string }
  | { type: 'server.repaired'; serverId: string }
  | { type: 'server.rejoined'; serverId: string; hosted: readonly string[] }
  | { type: 'instance.running'; instanceId: string; serverId: string }
  | { type: 'portal.request'; requestId: string }
  | { type: 'operator.switchToParallel' }
  | { type: 'detection.expired'; serverId: string }
  | { type: 'management.served'; requestId: string };

export type ControllerEmitted =
  | { type: 'controller.declaredDead'; serverId: string }
  | { type: 'controller.serverRestored'; serverId: string }
  | { type: 'controller.queued'; instanceId: string }
  /** Queued moves dropped: the server answered again and still runs these instances. */
  | { type: 'controller.reclaimed'; serverId: string; instanceIds: readonly string[] }
  | { type: 'controller.evict'; serverId: string; fence: boolean }
  | { type: 'controller.move'; instanceId: string; serverId: string }
  | { type: 'controller.managementAnswered'; requestId: string }
  | { type: 'controller.policySwitched'; policy: HealingPolicy['kind'] };

const PARALLEL: HealingPolicy = { kind: 'parallel', concurrency: 1_000_000 };

type ServerEventOf<T extends ControllerEvent['type']> = Extract<ControllerEvent, { type: T }>;

function serverIndexOf(context: ControllerContext, event: { serverId: string }): number {
  return context.fabric.serverIndex[event.serverId]!;
}

function statusOf(context: ControllerContext, event: ControllerEvent): ServerView['status'] | null {
  return 'serverId' in event ? context.servers.get(serverIndexOf(context, event))!.status : null;
}

function isEvicted(context: ControllerContext, serverId: string): boolean {
  return context.evictedServers.has(serverId);
}

/**
 * The instances believed on `serverId` (those `gone` picks, else all) are gone from it:
 * unplace each and queue its move, in placement order.
 */
function queueMovesOff(context: ControllerContext, serverId: string, faultDomain: number, gone?: (instanceId: string) => boolean) {
  let placement = context.placement;
  const queue = context.queue.slice();
  // The index spares a walk over every instance.
  const believed = instancesOn(context.placement, serverId, context.fabric.instanceOrder);
  const instanceIds = gone ? believed.filter(gone) : believed;
  for (const instanceId of instanceIds) {
    placement = withPlacement(placement, instanceId, null);
    queue.push({ kind: 'move', instanceId, fromServerId: serverId, fromFaultDomain: faultDomain });
  }
  return { placement, queue, instanceIds };
}

/**
 * The copies on `serverId` (those `gone` picks, else all) are lost to it for good: unplace and
 * queue each, and drop a move in flight to it that had started (it starts again from the queue).
 */
function movesOffLostCopies(context: ControllerContext, serverId: string, faultDomain: number, gone?: (instanceId: string) => boolean) {
  const { placement, queue, instanceIds } = queueMovesOff(context, serverId, faultDomain, gone);
  const movedAway = new Set(instanceIds);
  const inFlight = movedAway.size === 0 ? context.inFlight : context.inFlight.filter((item) => !movesOneOf(item, (id) => movedAway.has(id)));
  return { placement, queue, inFlight, instanceIds };
}

/** Queued moves of instances that are in fact still on `serverId` go back where they were. */
function reclaimQueuedMoves(context: ControllerContext, serverId: string, stillHosted: (instanceId: string) => boolean) {
  let placement = context.placement;
  const instanceIds: string[] = [];
  const queue = context.queue.filter((item) => {
    // Stryker disable next-line ConditionalExpression: a portal request has no source server, so the check below keeps it as well; this one tells TypeScript the rest are moves
    if (item.kind !== 'move') return true;
    if (item.fromServerId !== serverId || !stillHosted(item.instanceId)) return true;
    placement = withPlacement(placement, item.instanceId, serverId);
    instanceIds.push(item.instanceId);
    return false;
  });
  return { queue, placement, reclaimed: instanceIds.length, instanceIds };
}

/** How often a rate-limited policy decides again while moves wait; null: only when something happens. */
function paceOf(context: ControllerContext): number | null {
  return healingPolicyDefinition(context.healing.kind).paceS?.(context.healing, context.timings) ?? null;
}

/** Whether `item` moves an instance `chosen` picks (a portal request moves nothing). */
function movesOneOf(item: WorkItem, chosen: (instanceId: string) => boolean): boolean {
  // Stryker disable next-line ConditionalExpression: a portal request has no instanceId, so the look-up below says no as well; this check tells TypeScript the rest are moves
  if (item.kind !== 'move') return false;
  return chosen(item.instanceId);
}

function refreshedMemory(context: ControllerContext): unknown {
  const definition = healingPolicyDefinition(context.healing.kind);
  return definition.refresh ? definition.refresh(context.healing, healingView(context), context.healingMemory) : context.healingMemory;
}

export const controllerMachine = setup({
  // Stryker disable next-line ObjectLiteral: setup() reads `types` for TypeScript only and drops it at run time
  types: {
    input: {} as ControllerInput,
    context: {} as ControllerContext,
    events: {} as ControllerEvent,
    emitted: {} as ControllerEmitted,
  },
  delays: {
    detectionTimeout: ({ context }) => context.timings.detectionTimeoutS * 1000,
    managementService: ({ context }) => context.timings.managementServiceS * 1000,
    // Only in `pacing`, entered when the policy has a pace. At least a second: simulated time must move between decisions.
    healingPace: ({ context }) => Math.max(1, Math.round(paceOf(context)!)) * 1000,
  },
  guards: {
    serverLooksUp: ({ context, event }) => statusOf(context, event) === 'up',
    serverIsSuspect: ({ context, event }) => statusOf(context, event) === 'suspect',
    serverDeadNotEvicted: ({ context, event }) =>
      statusOf(context, event) === 'dead' && 'serverId' in event && !isEvicted(context, event.serverId),
    hasWorkToStart: ({ context }) => planHealing(context).started.length > 0,
    /** A rate-limited policy has moves waiting that it chose not to start yet: decide again later. */
    awaitsPace: ({ context }) =>
      paceOf(context) !== null &&
      context.queue.some((item) => item.kind === 'move') &&
      planHealing(context).chosen === 0,
    healingMemoryStale: ({ context }) => refreshedMemory(context) !== context.healingMemory,
    managementHasOwnLane: ({ context }) => context.management === 'own-lane',
    // Every domain dark is every server dark: checked server by server, it stops at the first that answers.
    everyDomainLooksDead: ({ context }) => everyServerLooksDead(context.servers, context.fabric.faultDomains),
    honoursBlackouts: ({ context }) => healingPolicyDefinition(context.healing.kind).honoursBlackouts,
    ownLaneFree: ({ context }) => context.ownLaneServing === null && context.ownLane.length > 0,
  },
  actions: {
    startDetection: enqueueActions(({ context, event, enqueue }) => {
      const e = event as ServerEventOf<'server.heartbeatLost'>;
      enqueue.assign({ servers: withServer(context.servers, serverIndexOf(context, e), { status: 'suspect' }) });
      enqueue.raise({ type: 'detection.expired', serverId: e.serverId }, { delay: 'detectionTimeout', id: `detect:${e.serverId}` });
    }),
    stopDetection: enqueueActions(({ context, event, enqueue }) => {
      const e = event as { serverId: string };
      // Stryker disable next-line StringLiteral: a stale timer is harmless: it finds the server not suspect, or the agenda has replaced it by the same id when the server became suspect again
      enqueue.cancel(`detect:${e.serverId}`);
      enqueue.assign({ servers: withServer(context.servers, serverIndexOf(context, e), { status: 'up' }) });
    }),
    /** Declare dead: forget what ran there, queue a move for each instance, tell monitoring. */
    declareDead: enqueueActions(({ context, event, enqueue }) => {
      const { serverId } = event as { serverId: string };
      const index = serverIndexOf(context, { serverId });
      const server = context.servers.get(index)!;
      // Stryker disable next-line StringLiteral: a stale timer is harmless: it finds the server not suspect, or the agenda has replaced it by the same id when the server became suspect again
      enqueue.cancel(`detect:${serverId}`);
      const { placement, queue, inFlight, instanceIds } = movesOffLostCopies(context, serverId, server.faultDomain);
      enqueue.assign({ servers: withServer(context.servers, index, { status: 'dead', load: 0, strayCopies: undefined }), placement, queue, inFlight });
      enqueue.emit({ type: 'controller.declaredDead', serverId });
      for (const instanceId of instanceIds) enqueue.emit({ type: 'controller.queued', instanceId });
    }),
    /** A server declared dead but never evicted answers again: its instances never stopped. */
    welcomeBackUnevicted: enqueueActions(({ context, event, enqueue }) => {
      const { serverId } = event as { serverId: string };
      const { queue, placement, reclaimed, instanceIds } = reclaimQueuedMoves(context, serverId, () => true);
      enqueue.assign({ queue, placement, servers: withServer(context.servers, serverIndexOf(context, { serverId }), { status: 'up', load: reclaimed }) });
      enqueue.emit({ type: 'controller.serverRestored', serverId });
      if (instanceIds.length > 0) enqueue.emit({ type: 'controller.reclaimed', serverId, instanceIds });
    }),
    /**
     * A repaired server runs empty. Instances the controller still places there (moves reclaimed
     * onto it in a fresh grace period while it was being repaired) are gone: queue their moves,
     * else they wait in placing for a move that never comes.
     */
    welcomeBackRepaired: enqueueActions(({ context, event, enqueue }) => {
      const { serverId } = event as { serverId: string };
      const index = serverIndexOf(context, { serverId });
      const server = context.servers.get(index)!;
      const { placement, queue, instanceIds: gone } = queueMovesOff(context, serverId, server.faultDomain);
      enqueue.assign({
        servers: withServer(context.servers, index, { status: 'up', load: 0, strayCopies: undefined }),
        evictedServers: context.evictedServers.delete(serverId),
        ...(gone.length > 0 ? { placement, queue } : {}),
      });
      enqueue.emit({ type: 'controller.serverRestored', serverId });
      for (const instanceId of gone) enqueue.emit({ type: 'controller.queued', instanceId });
    }),
    /** An abandoned server comes back with the copies it kept running: count them, reclaim queued ones. */
    welcomeBackRejoined: enqueueActions(({ context, event, enqueue }) => {
      const { serverId, hosted } = event as ServerEventOf<'server.rejoined'>;
      const { queue, placement, instanceIds } = reclaimQueuedMoves(context, serverId, (id) => hosted.includes(id));
      // The copies not reclaimed were moved elsewhere meanwhile: they run on here, unplaced.
      const strays = hosted.filter((id) => !instanceIds.includes(id));
      enqueue.assign({
        queue,
        placement,
        servers: withServer(context.servers, serverIndexOf(context, { serverId }), { status: 'up', load: hosted.length, strayCopies: strays.length > 0 ? strays : undefined }),
        evictedServers: context.evictedServers.delete(serverId),
      });
      enqueue.emit({ type: 'controller.serverRestored', serverId });
      if (instanceIds.length > 0) enqueue.emit({ type: 'controller.reclaimed', serverId, instanceIds });
    }),
    /**
     * Every server that still looks dead gets a new detection timer, as Kubernetes gives every
     * node a fresh grace period; those declared dead in the blackout (never evicted) are
     * suspects again and their queued moves go back.
     */
    grantFreshGracePeriod: enqueueActions(({ context, enqueue }) => {
      let servers = context.servers;
      let { queue, placement } = context;
      context.servers.toArray().forEach((server, index) => {
        if (server.status === 'suspect') {
          // Stryker disable next-line StringLiteral: the timer raised next has the same id, which replaces the pending one on the agenda anyway
          enqueue.cancel(`detect:${server.id}`);
          enqueue.raise({ type: 'detection.expired', serverId: server.id }, { delay: 'detectionTimeout', id: `detect:${server.id}` });
          return;
        }
        if (server.status !== 'dead' || isEvicted(context, server.id)) return;
        const reclaimed = reclaimQueuedMoves({ ...context, queue, placement }, server.id, () => true);
        queue = reclaimed.queue;
        placement = reclaimed.placement;
        servers = withServer(servers, index, { status: 'suspect', load: reclaimed.reclaimed });
        enqueue.raise({ type: 'detection.expired', serverId: server.id }, { delay: 'detectionTimeout', id: `detect:${server.id}` });
        enqueue.emit({ type: 'controller.serverRestored', serverId: server.id });
        if (reclaimed.instanceIds.length > 0) enqueue.emit({ type: 'controller.reclaimed', serverId: server.id, instanceIds: reclaimed.instanceIds });
      });
      enqueue.assign({ servers, queue, placement });
    }),
    /**
     * A server being upgraded takes no new copies. Copies its drain evicted need a new home:
     * those the controller believes there are unplaced and queued, as after a death (a move
     * still on its way there is not among them: it waits for the reboot).
     */
    markUpgrading: enqueueActions(({ context, event, enqueue }) => {
      const { serverId, evicted } = event as ServerEventOf<'server.draining'>;
      // Stryker disable next-line StringLiteral: a stale timer is harmless: it finds the server not suspect, or the agenda has replaced it by the same id when the server became suspect again
      enqueue.cancel(`detect:${serverId}`);
      const index = serverIndexOf(context, { serverId });
      if (evicted === undefined || evicted.length === 0) {
        enqueue.assign({ servers: withServer(context.servers, index, { status: 'upgrading' }) });
        return;
      }
      const server = context.servers.get(index)!;
      const { placement, queue, inFlight, instanceIds } = movesOffLostCopies(context, serverId, server.faultDomain, (id) => evicted.includes(id));
      enqueue.assign({ servers: withServer(context.servers, index, { status: 'upgrading', load: server.load - instanceIds.length }), placement, queue, inFlight });
      for (const instanceId of instanceIds) enqueue.emit({ type: 'controller.queued', instanceId });
    }),
    markUpgraded: assign({
      servers: ({ context, event }) => withServer(context.servers, serverIndexOf(context, event as { serverId: string }), { status: 'up' }),
    }),
    /** Start what the policy allows: evict (fence or abandon) each server a move first leaves. */
    startWork: enqueueActions(({ context, enqueue }) => {
      const plan = planHealing(context);
      let evicted = context.evictedServers;
      let placement = context.placement;
      for (const { item, targetServerId } of plan.started) {
        if (item.kind === 'management') {
          enqueue.raise({ type: 'management.served', requestId: item.requestId }, { delay: 'managementService', id: `serve:${item.requestId}` });
          continue;
        }
        // Evict (fence or abandon) a source server still believed dead, once; a server that
        // came back repaired since its instances were queued has nothing left to evict.
        const source = context.servers.get(context.fabric.serverIndex[item.fromServerId]!)!;
        if (!evicted.has(item.fromServerId) && source.status === 'dead') {
          evicted = evicted.add(item.fromServerId);
          enqueue.emit({ type: 'controller.evict', serverId: item.fromServerId, fence: context.fencing });
        }
        placement = withPlacement(placement, item.instanceId, targetServerId);
        enqueue.emit({ type: 'controller.move', instanceId: item.instanceId, serverId: targetServerId! });
      }
      enqueue.assign({
        queue: plan.queue,
        servers: plan.servers,
        placement,
        evictedServers: evicted,
        healingMemory: plan.healingMemory,
        inFlight: context.inFlight.concat(plan.started.map((s) => s.item)),
      });
    }),
    refreshHealingMemory: assign({ healingMemory: ({ context }) => refreshedMemory(context) }),
    /** A pace tick is a decision even when nothing starts: the policy's memory of it is kept. */
    keepDecisionMemory: assign({ healingMemory: ({ context }) => planHealing(context).decidedMemory }),
    completeMove: assign({
      inFlight: ({ context, event }) => {
        const { instanceId } = event as ServerEventOf<'instance.running'>;
        const moved = (id: string) => id === instanceId;
        // Most copies that start are not moves (an upgrade's restarts): then nothing is copied.
        if (!context.inFlight.some((item) => movesOneOf(item, moved))) return context.inFlight;
        return context.inFlight.filter((item) => !movesOneOf(item, moved));
      },
    }),
    switchToParallel: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ healing: PARALLEL, healingMemory: healingPolicyDefinition(PARALLEL.kind).initialMemory(PARALLEL, healingView(context)) });
      enqueue.emit({ type: 'controller.policySwitched', policy: 'parallel' });
    }),
    queueBehindHealing: assign({
      queue: ({ context, event }) => [...context.queue, { kind: 'management', requestId: (event as ServerEventOf<'portal.request'>).requestId }],
    }),
    queueInOwnLane: assign({
      ownLane: ({ context, event }) => [...context.ownLane, (event as ServerEventOf<'portal.request'>).requestId],
    }),
    serveFromOwnLane: enqueueActions(({ context, enqueue }) => {
      const [requestId, ...rest] = context.ownLane;
      enqueue.assign({ ownLane: rest, ownLaneServing: requestId! });
      enqueue.raise(
        { type: 'management.served', requestId: requestId! },
        {
          delay: 'managementService',
          // Stryker disable next-line StringLiteral: the lane serves one request at a time, and no other timer of the controller has this id
          id: `serve:${requestId}`,
        },
      );
    }),
    answerRequest: enqueueActions(({ context, event, enqueue }) => {
      const { requestId } = event as ServerEventOf<'management.served'>;
      enqueue.assign({
        inFlight: context.inFlight.filter((item) => {
          // Stryker disable next-line ConditionalExpression: a move has no requestId, so the check below keeps it as well; this one tells TypeScript the rest are portal requests
          if (item.kind !== 'management') return true;
          return item.requestId !== requestId;
        }),
        // Every answer frees the lane: in own-lane mode each is for the one request the lane serves; otherwise the lane is idle.
        ownLaneServing: null,
      });
      enqueue.emit({ type: 'controller.managementAnswered', requestId });
    }),
  },
}).createMachine({
  id: 'controller',
  type: 'parallel',
  context: ({ input }) => ({
    healing: input.policy.healing,
    management: input.policy.management,
    fencing: input.policy.fencing,
    timings: input.timings,
    fabric: input.fabric,
    servers: serverViews(input.servers),
    placement: placementOf(input.placement),
    queue: [],
    inFlight: [],
    ownLane: [],
    ownLaneServing: null,
    evictedServers: OrderedSet<string>(),
    healingMemory: healingPolicyDefinition(input.policy.healing.kind).initialMemory(
      input.policy.healing,
      healingView({ queue: [], inFlight: [], servers: serverViews(input.servers), evictedServers: OrderedSet<string>(), fabric: input.fabric, time: input.time }),
    ),
    time: input.time,
  }),
  states: {
    detection: {
      initial: 'watching',
      on: {
        'server.heartbeatLost': { guard: 'serverLooksUp', actions: 'startDetection' },
        'detection.expired': { guard: 'serverIsSuspect', actions: 'declareDead' },
        'server.upgradeFailed': { actions: 'declareDead' },
        'server.draining': { actions: 'markUpgrading' },
        'server.upgraded': { actions: 'markUpgraded' },
        'server.repaired': { actions: 'welcomeBackRepaired' },
        'server.rejoined': { actions: 'welcomeBackRejoined' },
      },
      states: {
        watching: {
          always: { guard: 'everyDomainLooksDead', target: 'blackout' },
          on: {
            'server.heartbeatRestored': [
              { guard: 'serverIsSuspect', actions: 'stopDetection' },
              { guard: 'serverDeadNotEvicted', actions: 'welcomeBackUnevicted' },
            ],
          },
        },
        /**
         * Every fault domain looks dead at once: most likely the controller is the one cut off.
         * Policies that know this (adaptive, kubernetes) give every server a fresh grace
         * period when the first one answers again, as Kubernetes' node lifecycle controller does.
         */
        blackout: {
          always: { guard: not('everyDomainLooksDead'), target: 'watching' },
          on: {
            'server.heartbeatRestored': [
              { guard: and(['honoursBlackouts', 'serverIsSuspect']), target: 'watching', actions: ['stopDetection', 'grantFreshGracePeriod'] },
              { guard: and(['honoursBlackouts', 'serverDeadNotEvicted']), target: 'watching', actions: ['welcomeBackUnevicted', 'grantFreshGracePeriod'] },
              { guard: 'serverIsSuspect', target: 'watching', actions: 'stopDetection' },
              { guard: 'serverDeadNotEvicted', target: 'watching', actions: 'welcomeBackUnevicted' },
            ],
          },
        },
      },
    },
    healing: {
      initial: 'steady',
      always: [
        { guard: 'healingMemoryStale', actions: 'refreshHealingMemory' },
        { guard: 'hasWorkToStart', actions: 'startWork' },
      ],
      on: {
        'instance.running': { actions: 'completeMove' },
        'operator.switchToParallel': { actions: 'switchToParallel' },
      },
      states: {
        steady: {
          always: { guard: 'awaitsPace', target: 'pacing' },
        },
        /** A rate-limited policy (the kubernetes preset's eviction pass) decides again every few seconds. */
        pacing: {
          after: { healingPace: { target: 'pacing', reenter: true, actions: 'keepDecisionMemory' } },
          always: { guard: not('awaitsPace'), target: 'steady' },
        },
      },
    },
    management: {
      initial: 'routing',
      on: { 'management.served': { actions: 'answerRequest' } },
      states: {
        routing: {
          always: [{ guard: 'managementHasOwnLane', target: 'ownLane' }, { target: 'sharedQueue' }],
        },
        sharedQueue: {
          on: { 'portal.request': { actions: 'queueBehindHealing' } },
        },
        ownLane: {
          on: { 'portal.request': { actions: 'queueInOwnLane' } },
          always: { guard: 'ownLaneFree', actions: 'serveFromOwnLane' },
        },
      },
    },
  },
});
