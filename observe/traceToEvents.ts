/**
 * A simulated run as Kubernetes Events (`simulate --cluster DIR --events-out FILE`): what
 * `kubectl get events -o json` would have shown, one core v1 Event per change the log can
 * see — a node not ready, cordoned, back; a pod scheduled, started, stopped, lost, marked for
 * deletion. Each instance slot is a pod named `<workload>-<slot>`; each new copy of it gets a
 * new uid, so an old copy still serving is told apart from its replacement, as in a cluster;
 * each pod event but the scheduler's names the copy's node as `source.host`.
 */
import type { Trace } from '../model/simulator/trace.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { appOfInstance } from '../kubernetes/servingPods.ts';
import { NODE, type NodeCategory, POD, SIMULATED_EPOCH, nodeCategory } from './eventVocabulary.ts';

export interface KubernetesEvent {
  readonly apiVersion: 'v1';
  readonly kind: 'Event';
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly involvedObject: { readonly apiVersion: 'v1'; readonly kind: 'Node' | 'Pod'; readonly name: string; readonly namespace?: string; readonly uid: string };
  readonly reason: string;
  readonly message: string;
  readonly type: 'Normal' | 'Warning';
  readonly source: { readonly component: string; readonly host?: string };
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly eventTime: null;
  readonly count: 1;
}

interface PodCopy {
  readonly uid: string;
  readonly node: string;
}

interface Slot {
  readonly namespace: string;
  readonly pod: string;
  generation: number;
  lifecycle: string;
  current: PodCopy;
  stray: PodCopy | null;
}

const lifecycleOf = (state: string) => state.split(' | ')[0]!.replace('lifecycle.', '');
const strayOf = (state: string) => (state.split(' | ')[1] ?? 'stray.none').replace('stray.', '');

export function traceToEvents(cluster: ClusterModel, trace: Trace): KubernetesEvent[] {
  const epochMs = Date.parse(SIMULATED_EPOCH);
  const events: KubernetesEvent[] = [];
  const appsById = new Map(cluster.apps.map((a) => [a.appId, a]));
  const slots = new Map<string, Slot>();
  const slotOf = (instanceId: string): Slot => {
    let slot = slots.get(instanceId);
    if (!slot) {
      const app = appsById.get(appOfInstance(instanceId))!;
      const index = Number(instanceId.slice(instanceId.lastIndexOf('/') + 1));
      const pod = `${app.name}-${index}`;
      slot = { namespace: app.namespace, pod, generation: 0, lifecycle: 'running', current: { uid: uidOf(app.namespace, pod, 0), node: trace.initialPlacement[instanceId] ?? '' }, stray: null };
      slots.set(instanceId, slot);
    }
    return slot;
  };
  const categories = new Map<string, NodeCategory>();
  const cordoned = new Map<string, boolean>();

  const emit = (t: number, kind: 'Node' | 'Pod', name: string, namespace: string, uid: string, reason: string, message: string, type: 'Normal' | 'Warning', component: string, host?: string) => {
    const time = new Date(epochMs + t * 1000).toISOString().replace('.000Z', 'Z');
    events.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${(events.length + 1).toString(16).padStart(16, '0')}`, namespace: namespace || 'default' },
      involvedObject: { apiVersion: 'v1', kind, name, ...(namespace ? { namespace } : {}), uid },
      reason,
      message,
      type,
      source: { component, ...(host ? { host } : {}) },
      firstTimestamp: time,
      lastTimestamp: time,
      eventTime: null,
      count: 1,
    });
  };
  const podEvent = (t: number, slot: Slot, copy: PodCopy, reason: string, message: string, type: 'Normal' | 'Warning', component: string) =>
    // Every pod event but the scheduler's names the copy's node (a real log names it on the kubelet's only), so observe can tell which node an eviction took.
    emit(t, 'Pod', slot.pod, slot.namespace, copy.uid, reason, message, type, component, component === 'default-scheduler' ? undefined : copy.node || undefined);
  const nodeEvent = (t: number, node: string, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal') => emit(t, 'Node', node, '', `node-${node}`, reason, message, type, 'node-controller');

  // The delivery a state entry answers: the event entry last delivered to an actor.
  let lastDelivery: Extract<Trace['entries'][number], { kind: 'event' }> | null = null;
  for (const entry of trace.entries) {
    if (entry.kind === 'event') {
      if (entry.to !== null) lastDelivery = entry;
      if (entry.event.type === 'controller.move' && entry.to?.startsWith('instance:')) {
        const slot = slotOf(entry.event.instanceId);
        const old = slot.current;
        // The copy being replaced is deleted first; if it was running it serves on until its node says otherwise.
        // A copy a drain stopped (`stopped`) was already evicted: its kubelet's Killing said so.
        if (slot.lifecycle !== 'lost' && slot.lifecycle !== 'placing' && slot.lifecycle !== 'stopped') podEvent(entry.t, slot, old, POD.taintEviction, `Marking for deletion Pod ${slot.namespace}/${slot.pod}`, 'Normal', 'taint-eviction-controller');
        if (slot.lifecycle === 'running') slot.stray = old;
        slot.generation++;
        slot.current = { uid: uidOf(slot.namespace, slot.pod, slot.generation), node: entry.event.serverId };
        slot.lifecycle = 'starting';
        podEvent(entry.t, slot, slot.current, POD.scheduled, `Successfully assigned ${slot.namespace}/${slot.pod} to ${entry.event.serverId}`, 'Normal', 'default-scheduler');
      }
      continue;
    }
    if (entry.kind !== 'state') continue;
    if (entry.actor.startsWith('server:')) {
      const node = entry.actor.slice(7);
      const from = categories.get(node) ?? nodeCategory(entry.from);
      const to = nodeCategory(entry.to);
      categories.set(node, to);
      if (from === to) continue;
      const wasCordoned = cordoned.get(node) ?? false;
      // A surge node the upgrade brings up registers, cordoned while it boots.
      if (from === 'absent') nodeEvent(entry.t, node, NODE.registered, `Node ${node} event: Registered Node ${node} in Controller`);
      if (to === 'unreachable') {
        nodeEvent(entry.t, node, NODE.notReady, `Node ${node} status is now: NodeNotReady`);
        continue;
      }
      const cordon = to === 'upgrading';
      if (cordon !== wasCordoned) nodeEvent(entry.t, node, cordon ? NODE.notSchedulable : NODE.schedulable, `Node ${node} status is now: ${cordon ? NODE.notSchedulable : NODE.schedulable}`);
      cordoned.set(node, cordon);
      if (from === 'unreachable') nodeEvent(entry.t, node, NODE.ready, `Node ${node} status is now: NodeReady`);
      continue;
    }
    if (!entry.actor.startsWith('instance:')) continue;
    const instanceId = entry.actor.slice(9);
    const slot = slotOf(instanceId);
    const movedHere = lastDelivery !== null && lastDelivery.t === entry.t && lastDelivery.event.type === 'controller.move' && lastDelivery.to === entry.actor;
    const [fromLife, toLife] = [lifecycleOf(entry.from), lifecycleOf(entry.to)];
    if (strayOf(entry.from) === 'serving' && strayOf(entry.to) === 'none' && slot.stray) {
      podEvent(entry.t, slot, slot.stray, POD.killing, 'Stopping container (the old copy, on a node back in reach)', 'Normal', 'kubelet');
      slot.stray = null;
    }
    if (movedHere || fromLife === toLife) continue;
    slot.lifecycle = toLife;
    switch (toLife) {
      case 'running':
        podEvent(entry.t, slot, slot.current, POD.started, 'Started container', 'Normal', 'kubelet');
        break;
      case 'lost':
        podEvent(entry.t, slot, slot.current, POD.nodeNotReady, 'Node is not ready', 'Warning', 'node-controller');
        break;
      case 'stopped':
        podEvent(entry.t, slot, slot.current, POD.killing, 'Stopping container (node drain)', 'Normal', 'kubelet');
        break;
      case 'placing':
        podEvent(entry.t, slot, slot.current, POD.taintEviction, `Marking for deletion Pod ${slot.namespace}/${slot.pod}`, 'Normal', 'taint-eviction-controller');
        break;
      case 'starting':
        podEvent(entry.t, slot, slot.current, POD.created, 'Created container (restarted in place)', 'Normal', 'kubelet');
        break;
    }
  }
  return events;
}

function uidOf(namespace: string, pod: string, generation: number): string {
  return `fabric-verify:${namespace}/${pod}#${generation}`;
}

/** `kubectl get events -o json`'s shape: a List. */
export function eventList(events: readonly KubernetesEvent[]): { apiVersion: 'v1'; kind: 'List'; metadata: { resourceVersion: string }; items: readonly KubernetesEvent[] } {
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: events };
}
