/**
 * The fabric controller's view of the cluster (what it believes, not what is), and the pure
 * planning step its healing region runs: which queued work starts now and where each move
 * goes. The controller machine owns this data; these helpers keep its actions short.
 */
import type { OrderedSet } from 'immutable';
import { healingPolicyDefinition } from './healingPolicies/registry.ts';
import type { HealingView, WorkItem } from './healingView.ts';
import type { Placement } from './instancePlacement.ts';
import type { HealingPolicy } from './policy.ts';
import { type ServerView, type ServerViews, replaceServer, serverIndexes, serversLookingDead } from './serverViews.ts';
import type { SimulatedTime } from './simulatedTime.ts';
import type { HardSpread } from './topology.ts';

export { type ServerStatus, type ServerView, type ServerViews, serverViews, withServer } from './serverViews.ts';

/** Facts about the fabric that never change during a run (indexes for quick look-up). */
export interface FabricIndex {
  readonly serverIndex: Readonly<Record<string, number>>;
  readonly siblingsOf: Readonly<Record<string, readonly string[]>>;
  /** The hard spread of each instance whose role has one (topology.ts); the rest spread by preference. */
  readonly hardSpreadOf?: Readonly<Record<string, HardSpread>>;
  readonly faultDomains: readonly number[];
  /** Each instance's position in the placement the story began with (the order walks over the placement keep). */
  readonly instanceOrder: Readonly<Record<string, number>>;
}

export interface StartedWork {
  readonly item: WorkItem;
  /** For a move: the server chosen for the new copy. */
  readonly targetServerId: string | null;
}

export interface HealingPlan {
  readonly started: readonly StartedWork[];
  readonly queue: readonly WorkItem[];
  readonly servers: ServerViews;
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
  readonly servers: ServerViews;
  /** Where the controller believes each instance runs; null while it waits for a move. */
  readonly placement: Placement;
  /** The healing queue: instance moves, and portal requests when they share it. */
  readonly queue: readonly WorkItem[];
  readonly inFlight: readonly WorkItem[];
  /** Servers some move has already left (fenced, or abandoned when fencing is off), in the order they were. */
  readonly evictedServers: OrderedSet<string>;
  readonly fabric: FabricIndex;
}

/**
 * What the policy sees. Domain health comes from the server indexes; the two sets are made
 * only when a policy reads them (the built-in concurrency and adaptive policies never do).
 */
export function healingView(input: Omit<PlanningInput, 'healing' | 'healingMemory' | 'placement'>): HealingView {
  let evicted: ReadonlySet<string> | undefined;
  let lookingDead: ReadonlySet<string> | undefined;
  return {
    queue: input.queue,
    inFlight: input.inFlight,
    faultDomains: serverIndexes(input.servers, input.fabric.faultDomains).health(),
    get evictedServers() {
      evicted ??= new Set(input.evictedServers);
      return evicted;
    },
    get serversLookingDead() {
      lookingDead ??= new Set(serversLookingDead(input.servers));
      return lookingDead;
    },
    nowS: input.time.nowS,
  };
}

/** Every server there (not an absent surge server) suspect or dead; a fabric with none is not dark. */
export function everyServerLooksDead(servers: ServerViews, faultDomains: readonly number[]): boolean {
  const indexes = serverIndexes(servers, faultDomains);
  return indexes.present > 0 && indexes.lookingDead === indexes.present;
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
  let servers = input.servers;
  // Only for the siblings of later moves of this plan: startWork writes the placement itself.
  let placement = input.placement;
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
    const siblings: ServerView[] = [];
    for (const id of input.fabric.siblingsOf[item.instanceId]!) {
      const serverId = placement.get(id);
      if (serverId != null) siblings.push(servers.get(input.fabric.serverIndex[serverId]!)!);
    }
    // chooseServer's choice, through the index kept beside the server list; none when a hard
    // spread refuses every server with room (the move waits in the queue, as a Pending pod).
    const targetIndex = serverIndexes(servers, input.fabric.faultDomains).placement.choose(siblings, input.fabric.hardSpreadOf?.[item.instanceId]);
    if (targetIndex === null) continue;
    const target = servers.get(targetIndex)!;
    // A stray copy of this instance already runs there (it rejoined with it): the move adopts it.
    const adopted = target.strayCopies?.includes(item.instanceId) ?? false;
    servers = replaceServer(servers, targetIndex, adopted ? { ...target, strayCopies: target.strayCopies!.filter((id) => id !== item.instanceId) } : { ...target, load: target.load + 1 });
    placement = placement.set(item.instanceId, target.id);
    started.push({ item, targetServerId: target.id });
    startedIndexes.add(index);
  }
  return {
    started,
    queue: withoutPositions(input.queue, startedIndexes),
    servers,
    healingMemory: started.length > 0 ? decision.memory : input.healingMemory,
    // A decision that chose work spends what it remembers only if the work starts (startWork keeps it).
    decidedMemory: input.healingMemory,
    chosen: decision.start.length,
  };
}

/** The queue without the work at `positions`; a plain slice when those are its head (the oldest work, as serial healing starts it). */
function withoutPositions(queue: readonly WorkItem[], positions: ReadonlySet<number>): readonly WorkItem[] {
  let head = 0;
  while (positions.has(head)) head++;
  if (head === positions.size) return queue.slice(head);
  return queue.filter((_, index) => !positions.has(index));
}
