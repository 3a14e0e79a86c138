/**
 * Counts the states entered and the transitions taken by actors, through XState's inspection
 * API (each microstep names the transition definitions it took), against the machines' full
 * graphs.
 */
import type { AnyStateMachine, AnyStateNode, InspectionEvent } from 'xstate';
import { type MachineGraph, activeStateIds, machineGraph } from './machineGraph.ts';

export interface Covered {
  readonly covered: number;
  readonly total: number;
}

export interface MachineCoverage {
  readonly id: string;
  readonly states: Covered;
  readonly transitions: Covered;
  readonly neverReached: readonly string[];
}

export class CoverageRecorder {
  readonly #graphs = new Map<string, MachineGraph>();
  readonly #states = new Map<string, Set<string>>();
  readonly #transitions = new Map<string, Set<string>>();

  constructor(machines: readonly AnyStateMachine[]) {
    for (const machine of machines) {
      this.#graphs.set(machine.id, machineGraph(machine));
      this.#states.set(machine.id, new Set());
      this.#transitions.set(machine.id, new Set());
    }
  }

  /** An inspection observer to pass to `createActor(logic, { inspect })`. */
  readonly inspect = (event: InspectionEvent): void => {
    if (event.type !== '@xstate.microstep' && event.type !== '@xstate.snapshot') return;
    const logic = (event.actorRef as unknown as { logic: AnyStateMachine }).logic;
    const graph = this.#graphs.get(logic.id);
    if (graph === undefined) return;
    // A machine's snapshot always has a state value.
    for (const id of activeStateIds(logic.id, (event.snapshot as unknown as { value: unknown }).value)) this.#states.get(logic.id)!.add(id);
    if (event.type === '@xstate.microstep') {
      for (const definition of event._transitions) {
        const key = graph.keyOf.get(definition);
        if (key !== undefined) this.#transitions.get(logic.id)!.add(key);
        // A transient initial state is left before any snapshot shows it: its transition does.
        for (let node: AnyStateNode | undefined = definition.source; node; node = node.parent) this.#states.get(logic.id)!.add(node.id);
      }
    }
  };

  /** Merge counts recorded elsewhere (another worker, another shard). */
  absorb(report: readonly { id: string; statesReached: readonly string[]; transitionsTaken: readonly string[] }[]): void {
    for (const machine of report) {
      for (const s of machine.statesReached) this.#states.get(machine.id)?.add(s);
      for (const t of machine.transitionsTaken) this.#transitions.get(machine.id)?.add(t);
    }
  }

  raw(): { id: string; statesReached: string[]; transitionsTaken: string[] }[] {
    return [...this.#graphs.keys()].map((id) => ({ id, statesReached: [...this.#states.get(id)!].sort(), transitionsTaken: [...this.#transitions.get(id)!].sort() }));
  }

  coverage(): MachineCoverage[] {
    return [...this.#graphs.values()].map((graph) => {
      const states = this.#states.get(graph.machineId)!;
      const transitions = this.#transitions.get(graph.machineId)!;
      return {
        id: graph.machineId,
        states: { covered: graph.states.filter((s) => states.has(s)).length, total: graph.states.length },
        transitions: { covered: graph.transitions.filter((t) => transitions.has(t)).length, total: graph.transitions.length },
        neverReached: [...graph.states.filter((s) => !states.has(s)), ...graph.transitions.filter((t) => !transitions.has(t))],
      };
    });
  }
}
