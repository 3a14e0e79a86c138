/**
 * The one table between Kubernetes event reasons and the model's trace vocabulary, read in
 * both directions: `simulate --events-out` writes a trace's changes with these reasons, and
 * `observe` reads a log's reasons back into trace changes. Reasons the model has no state
 * for (Pulling, BackOff, FailedScheduling, …) stay in the log's timeline and change nothing.
 */

/** Pod reasons. A pod is one copy of an instance (the model's `app/pod/slot`). */
export const POD = {
  /** The scheduler placed a new pod on a node (`Successfully assigned ns/pod to node`): the controller's move. */
  scheduled: 'Scheduled',
  /** The pod's container started: it serves. */
  started: 'Started',
  /** The kubelet restarts a pod in place (after its node came back from an upgrade reboot). */
  created: 'Created',
  /** The kubelet stops the pod's container: a drain (voluntary), or the end of an old copy. */
  killing: 'Killing',
  /** The node controller marked the pod not ready: its node is lost. */
  nodeNotReady: 'NodeNotReady',
  /** The taint manager deletes the pod of a lost node: it is to be replaced. */
  taintEviction: 'TaintManagerEviction',
  /** The kubelet evicted the pod under node pressure: lost. */
  evicted: 'Evicted',
} as const;

/** Node reasons. */
export const NODE = {
  notReady: 'NodeNotReady',
  ready: 'NodeReady',
  registered: 'RegisteredNode',
  /** Cordoned: the node pool upgrade is draining it. */
  notSchedulable: 'NodeNotSchedulable',
  schedulable: 'NodeSchedulable',
  rebooted: 'Rebooted',
} as const;

/** The model's server states, as the log can tell them: serving, being upgraded, out of reach, or (a surge node) not there yet. */
export type NodeCategory = 'running' | 'upgrading' | 'unreachable' | 'absent';

export function nodeCategory(serverState: string): NodeCategory {
  if (serverState === 'absent') return 'absent';
  if (serverState.startsWith('upgrading')) return 'upgrading';
  if (serverState === 'running') return 'running';
  return 'unreachable';
}

const ASSIGNED = /\bto (\S+?)\.?$/;

/** The node of a Scheduled event's message (`Successfully assigned shop/web-0 to pool-1-b0`). */
export function assignedNode(message: string): string | null {
  return ASSIGNED.exec(message.trim())?.[1] ?? null;
}

/** When a simulated run's second 0 happens in an exported log (any fixed instant would do). */
export const SIMULATED_EPOCH = '2026-01-01T00:00:00Z';
