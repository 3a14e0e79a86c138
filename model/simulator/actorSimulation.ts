/**
 * The simulator on live actors: each delivery is `actor.send`, and XState's own scheduler,
 * taken over by the agenda, carries the machines' timers. `simulate` runs this way when it is
 * asked to inspect the actors (model coverage reads XState's inspection events, which only
 * live actors send); otherwise it steps the same machines through their `transition` and
 * remembers the steps (simulate.ts). A test holds the two to the same trace, byte for byte.
 */
import type { EventObject } from 'xstate';
import type { Scenario } from '../scenario.ts';
import { type Address, instanceAddress } from './addresses.ts';
import { AvailabilityTracker, servingCopies } from './availability.ts';
import { Agenda } from './agenda.ts';
import { type FabricActor, buildFabric } from './fabric.ts';
import { nextDelivery, queueFaults } from './runAgenda.ts';
import { gaugeOf } from './localState.ts';
import { SimulationError } from './simulationError.ts';
import type { SimulationOptions } from './simulate.ts';
import { type RunEnd, type Trace, type TraceEntry, stateKey } from './trace.ts';
import { type FabricEmitted, type FabricEvent, recipientsOf } from './wiring.ts';

interface Watched {
  readonly actor: FabricActor;
  snapshot: unknown;
  state: string;
  gauge: number;
}

export function simulateWithActors(scenario: Scenario, stepLimit: number, options: SimulationOptions): Trace {
  const agenda = new Agenda();
  const entries: TraceEntry[] = [];

  const { actors: fabric, placement } = buildFabric(scenario, agenda.time, options.inspect);
  const watched = new Map<Address, Watched>();

  for (const actor of fabric) {
    const { ref, address } = actor;
    agenda.takeOverScheduler(ref, address);
    ref.on('*', (emitted: EventObject) => {
      const event = emitted as FabricEmitted;
      const recipients = recipientsOf(event);
      if (recipients.length === 0) entries.push({ t: agenda.nowS, kind: 'event', from: address, to: null, event, cause: agenda.cause });
      for (const to of recipients) agenda.push(agenda.nowS, to, address, event);
    });
  }
  for (const actor of fabric) actor.ref.start();

  const initialStates: Record<Address, string> = {};
  for (const actor of fabric) {
    const snapshot = actor.ref.getSnapshot();
    const state = stateKey(snapshot.value);
    initialStates[actor.address] = state;
    watched.set(actor.address, { actor, snapshot, state, gauge: gaugeOf(actor.kind, snapshot) });
  }
  const availability = new AvailabilityTracker(scenario.topology.apps, (id) => servingCopies((watched.get(instanceAddress(id))!.snapshot as { value: unknown }).value));

  queueFaults(agenda, scenario);

  let steps = 0;
  let end: RunEnd;
  for (;;) {
    const pending = nextDelivery(agenda, scenario.horizonS, steps, stepLimit);
    if (typeof pending === 'string') {
      end = pending;
      break;
    }
    const target = watched.get(pending.to);
    if (target === undefined) throw new SimulationError(`event ${pending.event.type} addressed to unknown actor ${pending.to}`);
    // A machine that reached a final state (the upgrade, done) hears nothing more.
    if (target.actor.ref.getSnapshot().status !== 'active') continue;
    agenda.cause = entries.length;
    entries.push({ t: agenda.nowS, kind: 'event', from: pending.from, to: pending.to, event: pending.event as FabricEvent, cause: pending.cause });
    steps++;
    target.actor.ref.send(pending.event);
    observe(target);
  }

  const finalStates: Record<Address, string> = {};
  for (const [address, w] of watched) finalStates[address] = w.state;
  return { entries, initialStates, initialPlacement: placement, finalStates, endS: agenda.nowS, steps, end };

  function observe(w: Watched): void {
    const snapshot = w.actor.ref.getSnapshot();
    // Stryker disable next-line ConditionalExpression: a shortcut; an unchanged snapshot has the same status, state and gauge, so the checks below would record nothing
    if (snapshot === w.snapshot) return;
    w.snapshot = snapshot;
    if (snapshot.status === 'error') throw new SimulationError(`${w.actor.address} failed at t=${agenda.nowS}s: ${String(snapshot.error)}`);
    const state = stateKey(snapshot.value);
    if (state !== w.state) {
      entries.push({ t: agenda.nowS, kind: 'state', actor: w.actor.address, from: w.state, to: state });
      w.state = state;
      // Stryker disable next-line ConditionalExpression: a shortcut; no other actor's context has an instanceId, and the tracker ignores instances it does not track
      if (w.actor.kind === 'instance') {
        const change = availability.update(snapshot.context.instanceId, servingCopies(snapshot.value));
        if (change) entries.push({ t: agenda.nowS, kind: 'app', ...change });
      }
    }
    const gauge = gaugeOf(w.actor.kind, snapshot);
    if (gauge !== w.gauge) {
      w.gauge = gauge;
      if (w.actor.kind === 'server') entries.push({ t: agenda.nowS, kind: 'load', serverId: snapshot.context.serverId, load: gauge });
      if (w.actor.kind === 'controller') {
        entries.push({ t: agenda.nowS, kind: 'queue', length: snapshot.context.queue.length, inFlight: snapshot.context.inFlight.length });
      }
    }
  }

}
