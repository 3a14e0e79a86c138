/**
 * The same XState machines without the simulator: the deliveries of one simulated run,
 * read from its trace, sent in the same order with plain `actor.send()` to fresh actors
 * built with the same machines and inputs (buildFabric). Timers are not scheduled (the
 * machines' delays would otherwise arm real timeouts): each fired timer is already in the
 * recording as the event it delivered (`xstate.after.…`, or a raised delayed event). The
 * simulated time machines read (an injected SimulatedClock) is set to each delivery's time.
 */
import type { AnyActorRef, EventObject } from 'xstate';
import type { Scenario } from '../model/scenario.ts';
import type { Address } from '../model/simulator/addresses.ts';
import { buildFabric } from '../model/simulator/fabric.ts';
import { type Trace, stateKey } from '../model/simulator/trace.ts';
import { SimulatedClock } from '../model/simulatedTime.ts';

export interface Delivery {
  readonly atS: number;
  readonly to: Address;
  readonly event: EventObject;
}

/** Every event the simulator delivered, in delivery order (emitted events nobody hears are not deliveries). */
export function deliveriesOf(trace: Trace): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const entry of trace.entries) {
    if (entry.kind === 'event' && entry.to !== null) deliveries.push({ atS: entry.t, to: entry.to, event: entry.event });
  }
  return deliveries;
}

function withoutTimers(ref: AnyActorRef): void {
  const scheduler = ref.system.scheduler;
  scheduler.schedule = () => {};
  scheduler.cancel = () => {};
  scheduler.cancelAll = () => {};
}

/** Fresh actors, started, then every delivery sent; returns the actors for inspection. */
export function replay(scenario: Scenario, deliveries: readonly Delivery[]): Map<Address, AnyActorRef> {
  const clock = new SimulatedClock();
  const actors = new Map<Address, AnyActorRef>();
  for (const { address, ref } of buildFabric(scenario, clock).actors) {
    withoutTimers(ref);
    actors.set(address, ref);
  }
  for (const ref of actors.values()) ref.start();
  for (const { atS, to, event } of deliveries) {
    clock.nowS = atS;
    actors.get(to)!.send(event);
  }
  return actors;
}

/** Null when the replay ends where the simulated run ended, actor for actor; else the first difference. */
export function replayMismatch(trace: Trace, actors: ReadonlyMap<Address, AnyActorRef>): string | null {
  for (const [address, state] of Object.entries(trace.finalStates)) {
    const replayed = stateKey(actors.get(address)?.getSnapshot().value);
    if (replayed !== state) return `${address}: simulated ${state}, replayed ${replayed}`;
  }
  return null;
}
