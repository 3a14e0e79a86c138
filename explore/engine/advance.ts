/**
 * The resumable simulator: from a composed state, deliver events in the simulator's order up
 * to a time, writing the same trace entries `simulate` writes (delivery, state change, app
 * availability, load, queue). A run is then any sequence of `advance` and `inject`, and a
 * composed state can be kept, copied and resumed at will: it is plain data.
 *
 * The loop is `simulate`'s loop (model/simulator/simulate.ts), step for step; a test runs both
 * on the same scenarios and compares the traces byte for byte.
 */
import { AvailabilityTracker } from '../../model/simulator/availability.ts';
import type { RunEnd, TraceEntry } from '../../model/simulator/trace.ts';
import { type ComposedState, MACHINE_BAND, type PendingEvent, insertPending } from './composedState.ts';
import type { FabricModel } from './fabricModel.ts';

export interface AdvanceOptions {
  /** Deliver the events due before this time; with `throughHorizon`, due at or before it. */
  readonly untilS: number;
  /** The run's last stretch: stop at the horizon as the simulator does, and say why the run ended. */
  readonly throughHorizon: boolean;
  readonly stepLimit: number;
}

export interface Advanced {
  readonly state: ComposedState;
  /** The trace entries of this stretch; causes index the whole run's trace. */
  readonly entries: TraceEntry[];
  /** Why the run ended (only for the last stretch, or on the step limit); null while it goes on. */
  readonly end: RunEnd | null;
}

function removeTimer(pending: PendingEvent[], timer: string): void {
  const index = pending.findIndex((p) => p.timer === timer);
  if (index >= 0) pending.splice(index, 1);
}

export function advance(model: FabricModel, state: ComposedState, options: AdvanceOptions): Advanced {
  const { actors, locals: table, transitions } = model;
  const locals = state.locals.slice();
  const pending = state.pending.slice();
  const entries: TraceEntry[] = [];
  const base = state.traceLength;
  let sequence = state.sequence;
  let steps = state.steps;
  let clockS = state.clockS;
  let availability: AvailabilityTracker | null = null;
  let end: RunEnd | null = null;

  const servingNow = (instanceId: string): number => {
    const index = model.instanceIds.indexOf(instanceId);
    return table.byId(locals[index]!).serving;
  };

  for (;;) {
    const head = pending[0];
    if (head === undefined) {
      if (options.throughHorizon) end = 'quiescent';
      break;
    }
    if (options.throughHorizon ? head.atS > options.untilS : head.atS >= options.untilS) {
      if (options.throughHorizon) end = 'horizon';
      break;
    }
    if (steps >= options.stepLimit) {
      end = 'step-limit';
      break;
    }
    pending.shift();
    const nowS = head.atS;
    clockS = nowS;
    const actor = actors[head.to]!;
    const local = table.byId(locals[head.to]!);
    // A machine that reached a final state (the upgrade, done) hears nothing more.
    if (!local.active) continue;
    const cause = base + entries.length;
    entries.push({ t: nowS, kind: 'event', from: head.from, to: actor.address, event: head.event.event as any, cause: head.cause });
    steps++;
    const step = transitions.step(actor, local, head.event, nowS);
    for (const effect of step.effects) {
      if (effect.kind === 'emit') {
        const recipients = model.recipients(effect.event);
        if (recipients.length === 0) entries.push({ t: nowS, kind: 'event', from: actor.address, to: null, event: effect.event.event as any, cause });
        for (const to of recipients) insertPending(pending, { atS: nowS, band: MACHINE_BAND, sequence: sequence++, to, from: actor.address, event: effect.event, timer: null, cause });
      } else if (effect.kind === 'schedule') {
        const timer = `${actor.address}#${effect.timer}`;
        removeTimer(pending, timer);
        insertPending(pending, { atS: nowS + effect.delayS, band: MACHINE_BAND, sequence: sequence++, to: head.to, from: 'timer', event: effect.event, timer, cause });
      } else {
        removeTimer(pending, `${actor.address}#${effect.timer}`);
      }
    }
    const next = step.next;
    if (next === local) continue;
    // An actor that stops (a final state) cancels its timers, as XState's stop procedure does.
    if (next.snapshot.status === 'done') {
      for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.timer !== null && pending[i]!.to === head.to) pending.splice(i, 1);
    }
    if (next.stateName !== local.stateName) {
      entries.push({ t: nowS, kind: 'state', actor: actor.address, from: local.stateName, to: next.stateName });
      if (actor.kind === 'instance') {
        availability ??= new AvailabilityTracker(model.scenario.topology.apps, servingNow);
        const change = availability.update(model.instanceIds[head.to]!, next.serving);
        if (change) entries.push({ t: nowS, kind: 'app', ...change });
      }
    }
    locals[head.to] = next.id;
    if (next.gauge !== local.gauge) {
      const context = next.snapshot.context as any;
      if (actor.kind === 'server') entries.push({ t: nowS, kind: 'load', serverId: context.serverId, load: next.gauge });
      if (actor.kind === 'controller') entries.push({ t: nowS, kind: 'queue', length: context.queue.length, inFlight: context.inFlight.length });
    }
  }

  return {
    state: { nowS: options.throughHorizon ? state.nowS : Math.max(state.nowS, options.untilS), clockS, locals, pending, sequence, steps, traceLength: base + entries.length },
    entries,
    end,
  };
}
