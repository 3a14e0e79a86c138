/**
 * The fabric controller's view of the cluster (what it believes, not what is), and the pure
 * planning step its healing region runs: which queued work starts now and where each move
 * goes. The controller machine owns this data; these helpers keep its actions short.
 */
import { healingPolicyDefinition } from './healingPolicies/registry.ts';
import type { FaultDomainHealth, HealingView, WorkItem } from './healingView.ts';
import { chooseServer, type PlacementCandidate } from './placement.ts';
import type { HealingPolicy } from './policy.ts';
import type { SimulatedTime } from './simulatedTime.ts';

/** `suspect`: heartbeats missing, detection timer running. `dead`: declared dead. */
export type ServerStatus = 'up' | 'suspect' | 'dead' | 'upgrading';

export interface ServerView extends PlacementCandidate {
  readonly status: ServerStatus;
}

/** Facts about the fabric that never change during a run (indexes for quick look-up). */
export interface FabricIndex {
  readonly serverIndex: Readonly<Record<string, number>>;
  readonly siblingsOf: Readonly<Record<string, readonly string[]>>;
  readonly faultDomains: readonly number[];
}

export interface StartedWork {
  readonly item: WorkItem;
  /** For a move: the server chosen for the new copy. */
  readonly targetServerId: string | null;
}

export interface HealingPlan {
  readonly started: readonly StartedWork[];
  readonly queue: readonly WorkItem[];
  readonly servers: readonly ServerView[];
  /** The policy's memory after the plan (changed only when work starts). */
  readonly healingMemory: unknown;
  /** The memory a decision that chose nothing returned (a pace tick keeps it); otherwise the memory as it was. */
  readonly decidedMemory: unknown;
  /** How many pieces of work the policy chose (some may have found no room). */
  readonly chosen: number;
}

export interface PlanningInput {
  readonly healing: HealingPolicy;
  /** What the healing policy remembers between decisions (its own data; see healingPolicy.ts). */
  readonly healingMemory: unknown;
  readonly time: SimulatedTime;
  readonly servers: readonly ServerView[];
  /** Where the controller believes each instance runs; null while it waits for a move. */
  readonly placement: Readonly<Record<string, string | null>>;
  /** The healing queue: instance moves, and portal requests when they share it. */
  readonly queue: readonly WorkItem[];
  readonly inFlight: readonly WorkItem[];
  /** Servers some move has already left: fenced, or abandoned when fencing is off. */
  readonly evictedServers: readonly string[];
  readonly fabric: FabricIndex;
}

export function faultDomainHealth(servers: readonly ServerView[], faultDomains: readonly number[]): FaultDomainHealth[] {
  const health = faultDomains.map((faultDomain) => ({ faultDomain, servers: 0, lookDead: 0 }));
  const byDomain = new Map(health.map((h) => [h.faultDomain, h]));
  for (const server of servers) {
    const h = byDomain.get(server.faultDomain)!;
    h.servers++;
    if (server.status === 'suspect' || server.status === 'dead') h.lookDead++;
  }
  return health;
}

export function healingView(input: Omit<PlanningInput, 'healing' | 'healingMemory' | 'placement'>): HealingView {
  return {
    queue: input.queue,
    inFlight: input.inFlight,
    faultDomains: faultDomainHealth(input.servers, input.fabric.faultDomains),
    evictedServers: new Set(input.evictedServers),
    serversLookingDead: new Set(input.servers.filter((s) => s.status === 'dead' || s.status === 'suspect').map((s) => s.id)),
    nowS: input.time.nowS,
  };
}

/**
 * The controller asks for the same plan up to three times per event (a guard, its action, the
 * pace guard) on the same immutable context: plans are remembered per context and time.
 */
const plans = new WeakMap<PlanningInput, { readonly nowS: number; readonly plan: HealingPlan }>();

/** Which queued work starts now: the policy's selection, then a placement for each move. */
export function planHealing(input: PlanningInput): HealingPlan {
  const remembered = plans.get(input);
  if (remembered !== undefined && remembered.nowS === input.time.nowS) return remembered.plan;
  const plan = freshPlan(input);
  plans.set(input, { nowS: input.time.nowS, plan });
  return plan;
}

function freshPlan(input: PlanningInput): HealingPlan {
  const unchanged = { started: [], queue: input.queue, servers: input.servers, healingMemory: input.healingMemory, decidedMemory: input.healingMemory, chosen: 0 };
  if (input.queue.length === 0) return unchanged;
  const decision = healingPolicyDefinition(input.healing.kind).decide(input.healing, healingView(input), input.healingMemory);
  if (decision.start.length === 0) return { ...unchanged, decidedMemory: decision.memory };
  const servers = input.servers.slice();
  const placement = { ...input.placement };
  const startedIndexes = new Set<number>();
  const started: StartedWork[] = [];
  for (const index of decision.start) {
    const item = input.queue[index]!;
    if (item.kind === 'management') {
      started.push({ item, targetServerId: null });
      startedIndexes.add(index);
      continue;
    }
    // The fabric lists every instance's siblings (none for an instance alone in its role).
    const siblings = input.fabric.siblingsOf[item.instanceId]!
      .map((id) => placement[id])
      .filter((serverId): serverId is string => serverId != null)
      .map((serverId) => servers[input.fabric.serverIndex[serverId]!]!);
    const target = chooseServer(servers, siblings);
    if (target === null) continue;
    const targetIndex = input.fabric.serverIndex[target.id]!;
    servers[targetIndex] = { ...target, load: target.load + 1 };
    placement[item.instanceId] = target.id;
    started.push({ item, targetServerId: target.id });
    startedIndexes.add(index);
  }
  return {
    started,
    queue: input.queue.filter((_, index) => !startedIndexes.has(index)),
    servers,
    healingMemory: started.length > 0 ? decision.memory : input.healingMemory,
    // A decision that chose work spends what it remembers only if the work starts (startWork keeps it).
    decidedMemory: input.healingMemory,
    chosen: decision.start.length,
  };
}

/** A copy of the view with one server changed; only `up` servers take new copies. */
export function withServer(
  servers: readonly ServerView[],
  index: number,
  change: { readonly status?: ServerStatus; readonly load?: number },
): ServerView[] {
  const next = servers.slice();
  const status = change.status ?? servers[index]!.status;
  next[index] = { ...servers[index]!, ...change, placeable: status === 'up' };
  return next;
}
