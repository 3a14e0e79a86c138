/**
 * A whole run on the explorer's engine, from a composed state and the trace entries written so
 * far: the last stretch to the horizon, then the trace `simulate` would return. With no
 * history it is `simulate(scenario)` itself, by other means (checked byte for byte).
 */
import { inTimeOrder } from '../../model/faultSchedule.ts';
import { DEFAULT_STEP_LIMIT } from '../../model/simulator/simulate.ts';
import type { Trace, TraceEntry } from '../../model/simulator/trace.ts';
import type { Scenario } from '../../model/scenario.ts';
import { advance } from './advance.ts';
import type { ComposedState } from './composedState.ts';
import { type FabricModel, buildFabricModel } from './fabricModel.ts';
import { inject } from './inject.ts';

export function finalStatesOf(model: FabricModel, state: ComposedState): Record<string, string> {
  const states: Record<string, string> = {};
  model.actors.forEach((actor, index) => {
    states[actor.address] = model.locals.byId(state.locals[index]!).stateName;
  });
  return states;
}

/** Finish a run from `state` (faults already in it) and assemble its trace. */
export function finishRun(model: FabricModel, state: ComposedState, history: readonly TraceEntry[], horizonS: number, stepLimit = DEFAULT_STEP_LIMIT): Trace {
  const last = advance(model, state, { untilS: horizonS, throughHorizon: true, stepLimit });
  return {
    entries: history.length === 0 ? last.entries : [...history, ...last.entries],
    initialStates: model.initialStates,
    initialPlacement: model.initialPlacement,
    finalStates: finalStatesOf(model, last.state),
    endS: last.state.clockS,
    steps: last.state.steps,
    end: last.end ?? 'quiescent',
  };
}

/** `simulate(scenario)` on the explorer's engine. */
export function runOnEngine(scenario: Scenario, model: FabricModel = buildFabricModel(scenario)): Trace {
  const start = inject(model, model.initial, inTimeOrder(scenario.faults));
  return finishRun(model, start, model.initialEntries, scenario.horizonS);
}
