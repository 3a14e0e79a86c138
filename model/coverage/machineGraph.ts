/**
 * Every state and every transition of a machine, enumerated from its definition (never from
 * what happened to run): the denominator of model coverage.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

export interface MachineGraph {
  readonly machineId: string;
  /** State node ids, e.g. `server.upgrading.installing`. */
  readonly states: readonly string[];
  /** One readable key per transition: `server.running --fault.crash--> server.failed`. */
  readonly transitions: readonly string[];
  /** The key of each transition definition object, for recorders that see the objects. */
  readonly keyOf: ReadonlyMap<AnyTransitionDefinition, string>;
}

export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const states: string[] = [];
  const transitions: string[] = [];
  const keyOf = new Map<AnyTransitionDefinition, string>();
  const visit = (node: AnyStateNode) => {
    states.push(node.id);
    const own: AnyTransitionDefinition[] = [];
    for (const definitions of node.transitions.values()) own.push(...definitions);
    own.push(...(node.always ?? []));
    own.forEach((definition) => {
      const key = transitionKey(node, definition, own);
      keyOf.set(definition, key);
      transitions.push(key);
    });
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return { machineId: machine.id, states, transitions, keyOf };
}

function transitionKey(node: AnyStateNode, definition: AnyTransitionDefinition, siblings: readonly AnyTransitionDefinition[]): string {
  const event = definition.eventType === '' ? 'always' : shortEvent(definition.eventType);
  const guard = definition.guard ? `[${guardName(definition.guard)}]` : '';
  const targets = definition.target?.length ? definition.target.map((t: AnyStateNode) => t.id).join(',') : '(stays)';
  const base = `${node.id} --${event}${guard}--> ${targets}`;
  // Two transitions that read alike (same event, guard and target) are told apart by position.
  const alike = siblings.filter((other) => other !== definition && other.eventType === definition.eventType && sameTargets(other, definition));
  return alike.length > 0 ? `${base} #${siblings.indexOf(definition)}` : base;
}

function sameTargets(a: AnyTransitionDefinition, b: AnyTransitionDefinition): boolean {
  const ids = (d: AnyTransitionDefinition) => (d.target ?? []).map((t: AnyStateNode) => t.id).join(',');
  return ids(a) === ids(b) && guardName(a.guard) === guardName(b.guard);
}

/** `xstate.after.deploymentCallTimeout.server.upgrading.installing` reads as `after deploymentCallTimeout`. */
function shortEvent(eventType: string): string {
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  return after ? `after ${after[1]}` : eventType;
}

function guardName(guard: unknown): string {
  if (guard === undefined) return '';
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return (guard as { name?: string }).name || 'inline';
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'guard';
}

/** Every state node id active in a state value, ancestors included. */
export function activeStateIds(machineId: string, value: unknown): string[] {
  const ids = [machineId];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') {
      ids.push(`${prefix}.${v}`);
      return;
    }
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      ids.push(`${prefix}.${key}`);
      walk(`${prefix}.${key}`, child);
    }
  };
  walk(machineId, value);
  return ids;
}
