/**
 * Breadth-first search over a bound: at each choice point every run so far either suffers one
 * more allowed fault or none, then runs on to the next choice point (the last one runs to the
 * end of the run). Depth is the choice point, so the search meets every run in time order.
 *
 * Where it checks what (see explorationSpace.ts `CheckScope`):
 * - `stretch` properties are checked on every stretch the search simulates, and composed
 *   states are merged by their key (stateKey.ts: local states, pending events relative to
 *   now, faults used, the hypothesis's memory). A state met again, at this depth or a later
 *   one, has no future the first meeting lacks (a later one only has fewer choice points
 *   left), so every stretch of every schedule is checked on some equal stretch.
 * - `whole-run` properties are checked on the whole trace of every schedule: no merging (a
 *   schedule's history decides the verdict), every run followed to its end.
 *
 * For each property it keeps the shortest violation: fewest faults, then earliest.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import { DEFAULT_STEP_LIMIT } from '../../model/simulator/simulate.ts';
import { violationOf } from '../../properties/checkProperty.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';
import { advance } from '../engine/advance.ts';
import type { ComposedState } from '../engine/composedState.ts';
import { type FabricModel, buildFabricModel } from '../engine/fabricModel.ts';
import { inject } from '../engine/inject.ts';
import { finalStatesOf } from '../engine/wholeRun.ts';
import { choiceTimesS, runEndS } from '../space/explorationBound.ts';
import type { ExplorationSpace } from '../space/explorationSpace.ts';
import { atTime } from '../space/faultChoice.ts';
import { schedulesInBound } from '../space/scheduleCount.ts';
import type { Hash64 } from './hash64.ts';
import { StateKeys } from './stateKey.ts';
import { type History, StretchTrace, wholeRunTrace } from './stretchTrace.ts';
import { VisitedStates } from './visitedStates.ts';

export interface Finding {
  readonly faults: readonly Fault[];
  /** The choice point whose stretch showed it (the last one for a whole-run check). */
  readonly depth: number;
  readonly violation: Violation;
}

export interface SearchOptions {
  /** Stop, reporting the search incomplete, once this many states are stored. */
  readonly maxStates?: number;
  readonly shouldStop?: () => boolean;
  readonly onDepth?: (depth: number, distinct: number, generated: number) => void;
  readonly stepLimit?: number;
  /** Which of the allowed faults (alphabet indexes) to try at a state (symmetry: one per orbit); default all. */
  readonly representatives?: (state: ComposedState, faults: readonly Fault[], allowed: readonly number[]) => readonly number[];
  /** The key of a state reached with these faults (symmetry: a canonical one); default stateKey.ts on the state as it is. */
  readonly key?: (state: ComposedState, faults: readonly Fault[]) => Hash64;
  readonly model?: FabricModel;
}

export interface SearchResult {
  /** Stretches simulated (one per state and choice). */
  readonly generated: number;
  /** Distinct states: merged ones counted once (`stretch`); every run prefix simulated (`whole-run`, nothing merges). */
  readonly distinct: number;
  /** The deepest choice point reached (the last one when complete). */
  readonly depth: number;
  readonly choicePoints: number;
  readonly complete: boolean;
  /** Schedules of the bound the search covered (all of them when complete). */
  readonly schedules: number;
  readonly durationMs: number;
  readonly bytesPerState: number;
  /** Per property of the space, in its order: the shortest violation, or null. */
  readonly findings: readonly (Finding | null)[];
  readonly transitions: { readonly computed: number; readonly remembered: number };
}

interface Node {
  readonly id: number;
  readonly state: ComposedState;
  readonly faults: readonly Fault[];
  readonly history: History | null;
}

function shorter(a: Finding, b: Finding | null): boolean {
  if (b === null) return true;
  if (a.faults.length !== b.faults.length) return a.faults.length < b.faults.length;
  return a.violation.atS < b.violation.atS;
}

export function breadthFirst(space: ExplorationSpace, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const model = options.model ?? buildFabricModel(space.scenario);
  const keys = new StateKeys(model);
  const visited = new VisitedStates();
  const times = choiceTimesS(space.bound);
  const lastDepth = times.length - 1;
  const endS = runEndS(space.bound);
  const stepLimit = options.stepLimit ?? DEFAULT_STEP_LIMIT;
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const merging = space.scope === 'stretch';
  const { alphabet, restriction } = space;
  const findings: (Finding | null)[] = space.properties.map(() => null);
  const keyOf = options.key ?? ((state: ComposedState, faults: readonly Fault[]) => keys.hash(state, [faults.length, restriction ? keys.nameId(restriction.memory(faults)) : 0]));

  const store = (state: ComposedState, faults: readonly Fault[], parent: number, choice: number, depth: number): number =>
    merging ? visited.add(keyOf(state, faults), parent, choice, depth) : visited.record(parent, choice, depth);

  const consider = (index: number, finding: Finding) => {
    if (shorter(finding, findings[index]!)) findings[index] = finding;
  };

  let frontier: Node[] = [{ id: store(model.initial, [], -1, -1, 0), state: model.initial, faults: [], history: null }];
  let generated = 0;
  let runsEnded = 0;
  let deepest = 0;
  let complete = true;

  search: for (let depth = 0; depth <= lastDepth && frontier.length > 0; depth++) {
    deepest = depth;
    const t = times[depth]!;
    const next: Node[] = [];
    for (const node of frontier) {
      if (options.shouldStop?.() || visited.size >= maxStates) {
        complete = false;
        break search;
      }
      const allowed: number[] = [];
      if (node.faults.length < space.bound.maxFaults) {
        for (let c = 0; c < alphabet.length; c++) if (!restriction || restriction.allows(node.faults, alphabet[c]!.fault)) allowed.push(c);
      }
      const choices = [-1, ...(options.representatives ? options.representatives(node.state, node.faults, allowed) : allowed)];
      let startStates: Readonly<Record<string, string>> | null = null;
      const initial = () => (startStates ??= finalStatesOf(model, node.state));
      for (const choice of choices) {
        const fault = choice < 0 ? null : atTime(alphabet[choice]!, t);
        const faults = fault ? [...node.faults, fault] : node.faults;
        const from = fault ? inject(model, node.state, [fault]) : node.state;
        // A run with no fault left to choose goes straight to its end when nothing merges.
        const final = depth === lastDepth || (!merging && faults.length === space.bound.maxFaults);
        const stretch = advance(model, from, { untilS: final ? endS : times[depth + 1]!, throughHorizon: final, stepLimit });
        generated++;
        const ended = final || stretch.end === 'step-limit';
        const scenario = space.properties.length > 0 ? { ...space.scenario, faults } : space.scenario;
        // A stretch-scope check reports violations at entries (explorationSpace.ts): a quiet stretch has none.
        if (merging && (stretch.entries.length > 0 || stretch.end === 'step-limit')) {
          const trace = new StretchTrace(model, initial, from, stretch.state, stretch.entries, stretch.end);
          space.properties.forEach((property, i) => {
            const violation = violationOf(property.definition, scenario, trace);
            if (violation) consider(i, { faults, depth, violation });
          });
        } else if (ended) {
          const trace = wholeRunTrace(model, node.history ?? { entries: model.initialEntries, earlier: null }, stretch.entries, stretch.state, stretch.end);
          space.properties.forEach((property, i) => {
            const violation = violationOf(property.definition, scenario, trace);
            if (violation) consider(i, { faults, depth, violation });
          });
        }
        if (ended) {
          runsEnded++;
          continue;
        }
        const id = store(stretch.state, faults, node.id, choice, depth + 1);
        if (id < 0) continue;
        const history = merging ? null : { entries: stretch.entries, earlier: node.history ?? { entries: model.initialEntries, earlier: null } };
        next.push({ id, state: stretch.state, faults, history });
      }
    }
    options.onDepth?.(depth, visited.size, generated);
    frontier = next;
  }

  return {
    generated,
    distinct: merging ? visited.size : generated,
    depth: deepest,
    choicePoints: times.length,
    complete,
    schedules: complete ? schedulesInBound(alphabet, restriction, space.bound) : runsEnded,
    durationMs: performance.now() - started,
    bytesPerState: visited.bytesPerState,
    findings,
    transitions: model.transitions.counts,
  };
}
