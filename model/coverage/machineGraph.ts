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
  const base = `${node.id} --${event}${guardOf(definition)}--> ${targetsOf(definition)}`;
  // Two transitions that read alike (same event, guard and target) are told apart by position.
  const alike = siblings.filter(
    (other) => other !== definition && other.eventType === definition.eventType && guardOf(other) === guardOf(definition) && targetsOf(other) === targetsOf(definition),
  );
  return alike.length > 0 ? `${base} #${siblings.indexOf(definition)}` : base;
}

/** `[guard name]`, or nothing for an unguarded transition. */
function guardOf(definition: AnyTransitionDefinition): string {
  return definition.guard ? `[${guardName(definition.guard)}]` : '';
}

/** The target state ids, or `(stays)` for a transition that only runs actions. */
function targetsOf(definition: AnyTransitionDefinition): string {
  return definition.target?.length ? definition.target.map((t: AnyStateNode) => t.id).join(',') : '(stays)';
}

/** `xstate.after.deploymentCallTimeout.server.upgrading.installing` reads as `after deploymentCallTimeout`. */
function shortEvent(eventType: string): string {
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  return after ? `after ${after[1]}` : eventType;
}

/** XState's three kinds of guard: a named implementation, a function (inline or built by a helper), `{ type, params }`. */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'inline';
  return (guard as { type: string }).type;
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
