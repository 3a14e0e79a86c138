/**
 * A fault enters a composed state as the simulator's schedule enters its agenda: the events
 * `deliveriesOf` makes of it, queued in the fault band (see composedState.ts), so a fault
 * added at its time is delivered exactly where `simulate` would have delivered it.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import { deliveriesOf } from '../../model/simulator/faultEvents.ts';
import { type ComposedState, FAULT_BAND, insertPending } from './composedState.ts';
import type { FabricModel } from './fabricModel.ts';

export class InjectionError extends Error {}

/** Faults in the order the simulator applies them (`inTimeOrder`), none before the state's time. */
export function inject(model: FabricModel, state: ComposedState, faults: readonly Fault[]): ComposedState {
  if (faults.length === 0) return state;
  const pending = state.pending.slice();
  let sequence = state.sequence;
  for (const fault of faults) {
    if (fault.atS < state.nowS) throw new InjectionError(`a fault at ${fault.atS}s cannot enter a run already at ${state.nowS}s`);
    for (const delivery of deliveriesOf(fault, model.scenario.topology)) {
      const to = model.indexOf.get(delivery.to);
      if (to === undefined) throw new InjectionError(`fault ${fault.kind} is delivered to unknown actor ${delivery.to}`);
      insertPending(pending, { atS: delivery.atS, band: FAULT_BAND, sequence: sequence++, to, from: 'fault', event: model.events.intern(delivery.event), timer: null, cause: null });
    }
  }
  return { ...state, pending, sequence };
}
