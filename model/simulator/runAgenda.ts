/**
 * What both engines (remembered steps in simulate.ts, live actors in actorSimulation.ts) do
 * with a run's agenda around the machines' steps: queue the fault schedule, and take the next
 * delivery until the run ends.
 */
import { inTimeOrder } from '../faultSchedule.ts';
import type { Scenario } from '../scenario.ts';
import type { Agenda, AgendaEntry } from './agenda.ts';
import { deliveriesOf } from './faultEvents.ts';
import type { RunEnd } from './trace.ts';

/** Every fault of the scenario, as the deliveries it makes, in time order. */
export function queueFaults(agenda: Agenda, scenario: Scenario): void {
  for (const fault of inTimeOrder(scenario.faults)) {
    for (const delivery of deliveriesOf(fault, scenario.topology)) agenda.push(delivery.atS, delivery.to, 'fault', delivery.event);
  }
}

/**
 * The next delivery, or why the run ends there: nothing left to deliver (quiescent), the next
 * event lies past the horizon, or `steps` deliveries already made the step limit.
 */
export function nextDelivery(agenda: Agenda, horizonS: number, steps: number, stepLimit: number): AgendaEntry | RunEnd {
  const t = agenda.peekTimeS();
  if (t === undefined) return 'quiescent';
  if (t > horizonS) return 'horizon';
  if (steps >= stepLimit) return 'step-limit';
  // peekTimeS() named a live entry: there is one to take.
  return agenda.next()!;
}
