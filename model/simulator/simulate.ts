/**
 * The deterministic discrete-event simulator. One agenda ordered by (time, insertion); each
 * step delivers one event to one actor and records what changed. Machines' delays are
 * plain data (event, target, deadline), so a pending timer is as visible in the trace as any
 * other event; no wall-clock time is ever read.
 *
 * Each delivery is XState's own step, `machine.transition(snapshot, event)`, on a fabric
 * started once (startedFabric.ts) and remembered per (local state, event[, time])
 * (localTransitions.ts, the explorer's engine too): what a machine decides is never
 * restated here. With `inspect`, the run goes through live actors instead
 * (actorSimulation.ts), to the same trace byte for byte.
 */
import type { InspectionEvent } from 'xstate';
import type { Scenario } from '../scenario.ts';
import type { Address } from './addresses.ts';
import { Agenda } from './agenda.ts';
import { AvailabilityTracker } from './availability.ts';
import { simulateWithActors } from './actorSimulation.ts';
import { nextDelivery, queueFaults } from './runAgenda.ts';
import { SimulationError } from './simulationError.ts';
import { startedFabricFor } from './startedFabrics.ts';
import type { RunEnd, Trace, TraceEntry } from './trace.ts';
import type { FabricEvent } from './wiring.ts';

export { SimulationError } from './simulationError.ts';
export { gaugeOf } from './localState.ts';

export interface SimulationOptions {
  /** Deliveries allowed before the run is cut short and reported as a liveness failure. */
  readonly stepLimit?: number;
  /** An XState inspection observer on every actor (model coverage); off by default, it costs time. */
  readonly inspect?: (event: InspectionEvent) => void;
}

export const DEFAULT_STEP_LIMIT = 2_000_000;

export function simulate(scenario: Scenario, options: SimulationOptions = {}): Trace {
  const stepLimit = options.stepLimit ?? DEFAULT_STEP_LIMIT;
  if (options.inspect) return simulateWithActors(scenario, stepLimit, options);

  const fabric = startedFabricFor(scenario);
  const { actors, transitions } = fabric;
  fabric.clock.nowS = 0;
  const agenda = new Agenda(fabric.clock);
  const entries: TraceEntry[] = [];
  fabric.replayStart(agenda, entries);
  const current = fabric.initial.slice();
  const availability = new AvailabilityTracker(scenario.topology.apps, (id) => current[fabric.instanceIndex.get(id)!]!.serving);

  queueFaults(agenda, scenario);

  let steps = 0;
  let end: RunEnd;
  for (;;) {
    const pending = nextDelivery(agenda, scenario.horizonS, steps, stepLimit);
    if (typeof pending === 'string') {
      end = pending;
      break;
    }
    const index = fabric.indexOf.get(pending.to);
    if (index === undefined) throw new SimulationError(`event ${pending.event.type} addressed to unknown actor ${pending.to}`);
    const actor = actors[index]!;
    const local = current[index]!;
    // A machine that reached a final state (the upgrade, done) hears nothing more.
    if (!local.active) continue;
    const nowS = agenda.nowS;
    const cause = entries.length;
    agenda.cause = cause;
    entries.push({ t: nowS, kind: 'event', from: pending.from, to: pending.to, event: pending.event as FabricEvent, cause: pending.cause });
    steps++;
    const step = transitions.step(actor, local, transitions.eventOf(pending.event), nowS);
    for (const effect of step.effects) {
      if (effect.kind === 'emit') {
        const recipients = fabric.recipients(effect.event);
        if (recipients.length === 0) entries.push({ t: nowS, kind: 'event', from: actor.address, to: null, event: effect.event.event as FabricEvent, cause });
        for (const to of recipients) agenda.push(nowS, to, actor.address, effect.event.event);
      } else if (effect.kind === 'schedule') agenda.schedule(actor.address, effect.event.event, effect.delayS, effect.timer);
      else agenda.cancel(actor.address, effect.timer);
    }
    const next = step.next;
    if (next === local) continue;
    // An actor that stops (a final state) cancels its timers, as XState's stop procedure does.
    if (next.snapshot.status === 'done') agenda.cancelAllOf(actor.address);
    current[index] = next;
    if (next.stateName !== local.stateName) {
      entries.push({ t: nowS, kind: 'state', actor: actor.address, from: local.stateName, to: next.stateName });
      if (actor.kind === 'instance') {
        const change = availability.update((next.snapshot.context as { instanceId: string }).instanceId, next.serving);
        if (change) entries.push({ t: nowS, kind: 'app', ...change });
      }
    }
    if (next.gauge !== local.gauge) {
      const context = next.snapshot.context as { serverId: string; queue: { length: number }; inFlight: { length: number } };
      if (actor.kind === 'server') entries.push({ t: nowS, kind: 'load', serverId: context.serverId, load: next.gauge });
      if (actor.kind === 'controller') entries.push({ t: nowS, kind: 'queue', length: context.queue.length, inFlight: context.inFlight.length });
    }
  }

  const initialStates: Record<Address, string> = {};
  const finalStates: Record<Address, string> = {};
  actors.forEach((actor, index) => {
    initialStates[actor.address] = fabric.initial[index]!.stateName;
    finalStates[actor.address] = current[index]!.stateName;
  });
  return { entries, initialStates, initialPlacement: { ...fabric.placement }, finalStates, endS: agenda.nowS, steps, end };
}
