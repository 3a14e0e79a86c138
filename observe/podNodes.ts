/**
 * Which node each pod of a log ran on, as far as its events say: the node a Scheduled event
 * assigned it to, the node that reported one of its events (`source.host`: the kubelet's),
 * or — for the node lifecycle controller's `NodeNotReady` of a pod, which names no node —
 * the node it marked NotReady in that second, when it marked only one (it marks a node's
 * pods right after the node). Eviction rate limits need it: a replaced pod's old node is the
 * node evicted.
 */
import type { ObservedEvent } from './eventLog.ts';
import { NODE, POD, assignedNode } from './eventVocabulary.ts';

export class PodNodes {
  readonly #nodeOf = new Map<string, string>();
  /** The nodes marked NotReady in the latest second that had any. */
  #notReady: { readonly timeS: number; readonly nodes: Set<string> } = { timeS: -Infinity, nodes: new Set() };

  /** Learns what the event says; call for every event, in the log's order. */
  learn(event: ObservedEvent): void {
    const timeS = Math.floor(event.timeMs / 1000);
    if (event.kind === 'Node') {
      if (event.reason !== NODE.notReady) return;
      if (this.#notReady.timeS !== timeS) this.#notReady = { timeS, nodes: new Set() };
      this.#notReady.nodes.add(event.name);
      return;
    }
    if (event.kind !== 'Pod') return;
    const node = event.reason === POD.scheduled ? assignedNode(event.message) : event.host;
    if (node !== null) {
      this.#nodeOf.set(event.uid, node);
      return;
    }
    const marked = this.#notReady.timeS === timeS && this.#notReady.nodes.size === 1 ? [...this.#notReady.nodes][0]! : null;
    if (event.reason === POD.nodeNotReady && marked !== null && !this.#nodeOf.has(event.uid)) this.#nodeOf.set(event.uid, marked);
  }

  nodeOf(uid: string): string | null {
    return this.#nodeOf.get(uid) ?? null;
  }
}
