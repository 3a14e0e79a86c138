/**
 * An event log read back into the model's trace vocabulary, so the catalog's own checks can
 * judge it: node state changes (running, upgrading, unreachable), each instance slot's state
 * (`lifecycle.* | stray.*`, its pods being its copies), the controller's moves (a replacement
 * pod scheduled), and each app's availability through the simulator's own tracker. Where
 * each pod that ran before the log began was is its initial placement, as far as the log's
 * events say (observe/podNodes.ts). Every entry remembers the event it came from, so a
 * violation can point at the log.
 */
import { AvailabilityTracker, servingCopies } from '../model/simulator/availability.ts';
import type { Trace, TraceEntry } from '../model/simulator/trace.ts';
import { instanceId } from '../model/topology.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { POD_ROLE } from '../kubernetes/clusterApps.ts';
import { servingOfState } from '../kubernetes/servingPods.ts';
import type { ObservedEvent } from './eventLog.ts';
import { NODE, type NodeCategory, POD, assignedNode } from './eventVocabulary.ts';
import { PodNodes } from './podNodes.ts';

export interface ObservedTrace {
  readonly trace: Trace;
  /** For each trace entry, the index of the event it came from. */
  readonly sources: readonly number[];
  /** Events about objects the manifests do not have, or pods beyond a workload's replicas (`file:line: why`). */
  readonly ignored: readonly string[];
}

interface Slot {
  readonly instanceId: string;
  lifecycle: string;
  /** The current copy's uid; null for the pod that was already running when the log began, until an event names it. */
  current: string | null;
  currentBound: boolean;
  stray: string | null;
  /** The uid of the copy that ran before the log began, once an event names it. */
  firstCopy: string | null;
}

/** Stands for the uid of a pod that ran before the log began, until an event names it. */
const PRE_EXISTING = '(pre-existing) ';

const stateOf = (slot: Slot) => `lifecycle.${slot.lifecycle} | stray.${slot.stray === null ? 'none' : 'serving'}`;

export interface ObservationWindow {
  readonly sinceMs: number;
  readonly untilMs: number;
}

export function eventsToTrace(cluster: ClusterModel, events: readonly ObservedEvent[], window: ObservationWindow): ObservedTrace {
  const entries: TraceEntry[] = [];
  const sources: number[] = [];
  const ignored: string[] = [];
  const initialStates: Record<string, string> = {};
  const nodes = new Map<string, { ready: boolean; cordoned: boolean; category: NodeCategory }>();
  for (const node of cluster.nodes) {
    // A surge node is not there until its first event (a real one has a name of its own, so it never is).
    const absent = node.surge === true;
    nodes.set(node.id, { ready: true, cordoned: false, category: absent ? 'absent' : 'running' });
    initialStates[`server:${node.id}`] = absent ? 'absent' : 'running';
  }
  const slotsOfApp = new Map<string, Slot[]>();
  const workloads: { namespace: string; name: string; appId: string }[] = [];
  for (const app of cluster.apps) {
    const slots = Array.from({ length: app.replicas }, (_, i): Slot => ({ instanceId: instanceId(app.appId, POD_ROLE, i), lifecycle: 'running', current: null, currentBound: false, stray: null, firstCopy: null }));
    for (const slot of slots) initialStates[`instance:${slot.instanceId}`] = stateOf(slot);
    slotsOfApp.set(app.appId, slots);
    workloads.push({ namespace: app.namespace, name: app.name, appId: app.appId });
  }
  const availability = new AvailabilityTracker(cluster.scenario.topology.apps, () => 1);
  const podSlot = new Map<string, Slot>();
  const podNodes = new PodNodes();
  /** Pods that ran before the log began, replaced after they were lost: their node is the node evicted. */
  const replacedLost: { readonly at: string; readonly pod: string; readonly uid: string }[] = [];
  let endS = 0;

  events.forEach((event, index) => {
    // Where a pod runs does not depend on the window: every event may tell it.
    podNodes.learn(event);
    if (event.timeMs < window.sinceMs || event.timeMs > window.untilMs) return;
    const t = Math.floor((event.timeMs - window.sinceMs) / 1000);
    endS = Math.max(endS, t);
    const push = (entry: TraceEntry) => {
      entries.push(entry);
      sources.push(index);
    };
    if (event.kind === 'Node') {
      const node = nodes.get(event.name);
      if (!node) return void ignored.push(`${event.at}: Node ${event.name} is not among the manifests' schedulable nodes`);
      if (event.reason === NODE.notReady) node.ready = false;
      else if (event.reason === NODE.ready || event.reason === NODE.registered) node.ready = true;
      else if (event.reason === NODE.notSchedulable) node.cordoned = true;
      else if (event.reason === NODE.schedulable) node.cordoned = false;
      else return;
      const category: NodeCategory = !node.ready ? 'unreachable' : node.cordoned ? 'upgrading' : 'running';
      if (category !== node.category) push({ t, kind: 'state', actor: `server:${event.name}`, from: node.category, to: category });
      node.category = category;
      return;
    }
    if (event.kind !== 'Pod') return;
    const slot = podSlot.get(event.uid) ?? assignSlot(event);
    if (!slot) return;
    podSlot.set(event.uid, slot);
    const before = stateOf(slot);
    const isCurrent = slot.current === event.uid;
    const isStray = slot.stray === event.uid;
    switch (event.reason) {
      case POD.scheduled: {
        if (isCurrent) return;
        const node = assignedNode(event.message);
        if ((slot.lifecycle === 'lost' || slot.lifecycle === 'placing') && slot.current !== null && slot.current === slot.firstCopy) replacedLost.push({ at: event.at, pod: `${event.namespace}/${event.name}`, uid: slot.current });
        // A running copy being replaced serves on, as a stray, until its node says otherwise (an older stray is forgotten, as the model forgets it).
        if (slot.lifecycle === 'running') slot.stray = slot.current ?? `${PRE_EXISTING}${slot.instanceId}`;
        slot.current = event.uid;
        slot.currentBound = true;
        slot.lifecycle = 'starting';
        push({ t, kind: 'event', from: 'controller', to: `instance:${slot.instanceId}`, event: { type: 'controller.move', instanceId: slot.instanceId, serverId: node ?? '(unknown node)' }, cause: null });
        break;
      }
      case POD.started:
        if (isCurrent && slot.lifecycle === 'starting') slot.lifecycle = 'running';
        break;
      case POD.created:
        if (isCurrent && slot.lifecycle === 'stopped') slot.lifecycle = 'starting';
        break;
      case POD.killing:
        if (isStray) slot.stray = null;
        else if (isCurrent && (slot.lifecycle === 'running' || slot.lifecycle === 'starting')) slot.lifecycle = 'stopped';
        break;
      case POD.nodeNotReady:
      case POD.evicted:
        if (isStray) slot.stray = null;
        else if (isCurrent && (slot.lifecycle === 'running' || slot.lifecycle === 'starting' || slot.lifecycle === 'stopped')) slot.lifecycle = 'lost';
        break;
      case POD.taintEviction:
        if (isCurrent && slot.lifecycle === 'lost') slot.lifecycle = 'placing';
        break;
      default:
        return;
    }
    const after = stateOf(slot);
    if (after === before) return;
    push({ t, kind: 'state', actor: `instance:${slot.instanceId}`, from: before, to: after });
    const change = availability.update(slot.instanceId, servingCopies({ lifecycle: slot.lifecycle, stray: slot.stray === null ? 'none' : 'serving' }));
    if (change) push({ t, kind: 'app', ...change });
  });

  const initialPlacement: Record<string, string> = {};
  for (const slots of slotsOfApp.values()) {
    for (const slot of slots) {
      const node = slot.firstCopy === null ? null : podNodes.nodeOf(slot.firstCopy);
      if (node !== null) initialPlacement[slot.instanceId] = node;
    }
  }
  for (const r of replacedLost) {
    if (podNodes.nodeOf(r.uid) === null) ignored.push(`${r.at}: Pod ${r.pod} replaces a lost pod, but no event says which node that one ran on: not judged as an eviction`);
  }
  const finalStates: Record<string, string> = { ...initialStates };
  for (const [name, node] of nodes) finalStates[`server:${name}`] = node.category;
  for (const slots of slotsOfApp.values()) for (const slot of slots) finalStates[`instance:${slot.instanceId}`] = stateOf(slot);
  const untilS = Number.isFinite(window.untilMs) ? Math.floor((window.untilMs - window.sinceMs) / 1000) : endS;
  const trace: Trace = { entries, initialStates, initialPlacement, finalStates, endS: Math.max(endS, untilS), steps: events.length, end: 'horizon' };
  return { trace, sources, ignored };

  /** Which instance slot a pod first named in the log is: its ordinal (`web-2`), else the first slot it can be. */
  function assignSlot(event: ObservedEvent): Slot | null {
    const owner = workloads.filter((w) => w.namespace === event.namespace && event.name.startsWith(`${w.name}-`)).sort((a, b) => b.name.length - a.name.length)[0];
    if (!owner) {
      ignored.push(`${event.at}: Pod ${event.namespace}/${event.name} belongs to no workload of the manifests`);
      return null;
    }
    const slots = slotsOfApp.get(owner.appId)!;
    const ordinal = /^(\d+)$/.exec(event.name.slice(owner.name.length + 1));
    let slot: Slot | undefined;
    if (ordinal) slot = slots[Number(ordinal[1])];
    // A new pod takes a slot whose copy is gone or going; a pod first seen otherwise was running before the log began.
    else if (event.reason === POD.scheduled) slot = slots.find((s) => s.lifecycle === 'lost' || s.lifecycle === 'placing' || s.lifecycle === 'stopped') ?? slots.find((s) => !s.currentBound);
    else slot = slots.find((s) => !s.currentBound);
    if (!slot) {
      ignored.push(`${event.at}: Pod ${event.namespace}/${event.name}: more pods than ${owner.appId}'s ${slots.length} replicas`);
      return null;
    }
    if (!slot.currentBound && event.reason !== POD.scheduled) {
      slot.current = event.uid;
      slot.currentBound = true;
      slot.firstCopy = event.uid;
    } else if (slot.stray !== null && slot.stray.startsWith(PRE_EXISTING) && event.reason !== POD.scheduled) {
      // The copy that ran before the log began, replaced before the log named it: it is the stray.
      slot.stray = event.uid;
      slot.firstCopy = event.uid;
    }
    return slot;
  }
}

export { servingOfState };
