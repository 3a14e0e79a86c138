/**
 * A fabric built and started once, for every run that shares it: its actors (created by
 * `buildFabric` and started, so each machine's initial snapshot and start-up effects are
 * XState's own), what starting them queued (recorded as data and replayed into each run's
 * agenda), and the steps its machines have taken (model/simulator/localTransitions.ts).
 *
 * A run's fault schedule and horizon are not part of the fabric, so the runs of a property that
 * keeps its topology (the incident under each policy, a counterexample's shrinking candidates)
 * share one started fabric, and each repeats what earlier runs computed only by looking it up.
 */
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { Scenario } from '../scenario.ts';
import { SimulatedClock } from '../simulatedTime.ts';
import type { Address } from './addresses.ts';
import { type Agenda, delayOf } from './agenda.ts';
import { EventTable, type InternedEvent } from './eventTable.ts';
import { buildFabric, machinesByKind } from './fabric.ts';
import type { LocalState } from './localState.ts';
import { type ActorSlot, LocalTransitions } from './localTransitions.ts';
import { SnapshotStates } from './snapshotStates.ts';
import type { TraceEntry } from './trace.ts';
import { type FabricEmitted, recipientsOf } from './wiring.ts';

/** What starting the machines did, in order, as the live simulator's agenda saw it. */
type StartEffect =
  | { readonly kind: 'emit'; readonly from: Address; readonly event: EventObject }
  | { readonly kind: 'schedule'; readonly to: Address; readonly event: EventObject; readonly delayS: number; readonly timer: string }
  | { readonly kind: 'cancel'; readonly to: Address; readonly timer: string }
  | { readonly kind: 'cancelAll'; readonly to: Address };

export interface StartedFabric {
  readonly actors: readonly ActorSlot[];
  readonly indexOf: ReadonlyMap<Address, number>;
  /** For an instance actor's index: its instance id. */
  readonly instanceIndex: ReadonlyMap<string, number>;
  readonly initial: readonly LocalState[];
  readonly placement: Readonly<Record<string, string>>;
  readonly events: EventTable;
  readonly transitions: LocalTransitions;
  /** The clock the controller's context holds; the run's agenda moves it. */
  readonly clock: SimulatedClock;
  /** Who hears an emitted event (recipientsOf, once per distinct event). */
  recipients(event: InternedEvent): readonly Address[];
  /** Queue what starting the machines queued, and write what it wrote, as at time 0. */
  replayStart(agenda: Agenda, entries: TraceEntry[]): void;
}

export function startFabric(scenario: Scenario, rememberSteps: number): StartedFabric {
  const clock = new SimulatedClock();
  const fabric = buildFabric(scenario, clock);
  const start: StartEffect[] = [];
  for (const { ref, address } of fabric.actors) {
    const scheduler = ref.system.scheduler;
    scheduler.schedule = (source, target, event, delayMs, id) => start.push({ kind: 'schedule', to: address, event, delayS: delayOf(address, source, target, delayMs), timer: id ?? event.type });
    scheduler.cancel = (_source, id) => start.push({ kind: 'cancel', to: address, timer: id });
    scheduler.cancelAll = () => start.push({ kind: 'cancelAll', to: address });
    ref.on('*', (event: EventObject) => start.push({ kind: 'emit', from: address, event }));
  }
  for (const actor of fabric.actors) actor.ref.start();

  const locals = new SnapshotStates();
  const events = new EventTable();
  const actors = fabric.actors.map((actor, index): ActorSlot => ({ index, address: actor.address, kind: actor.kind, logic: machinesByKind[actor.kind], ref: actor.ref }));
  const initial = fabric.actors.map((actor) => locals.intern(actor.kind, actor.ref.getSnapshot() as AnyMachineSnapshot));
  const instanceIndex = new Map<string, number>();
  initial.forEach((local, index) => {
    if (local.kind === 'instance') instanceIndex.set((local.snapshot.context as { instanceId: string }).instanceId, index);
  });
  const recipientsById: (readonly Address[] | undefined)[] = [];

  return {
    actors,
    indexOf: new Map(actors.map((actor) => [actor.address, actor.index])),
    instanceIndex,
    initial,
    placement: fabric.placement,
    events,
    transitions: new LocalTransitions(locals, events, clock, { capacity: rememberSteps }),
    clock,
    recipients(event: InternedEvent): readonly Address[] {
      if (event.id < 0) return recipientsOf(event.event as FabricEmitted);
      let known = recipientsById[event.id];
      if (known === undefined) {
        known = recipientsOf(event.event as FabricEmitted);
        recipientsById[event.id] = known;
      }
      return known;
    },
    replayStart(agenda: Agenda, entries: TraceEntry[]): void {
      for (const effect of start) {
        if (effect.kind === 'emit') {
          const recipients = recipientsOf(effect.event as FabricEmitted);
          if (recipients.length === 0) entries.push({ t: agenda.nowS, kind: 'event', from: effect.from, to: null, event: effect.event as FabricEmitted, cause: agenda.cause });
          for (const to of recipients) agenda.push(agenda.nowS, to, effect.from, effect.event);
        } else if (effect.kind === 'schedule') agenda.schedule(effect.to, effect.event, effect.delayS, effect.timer);
        else if (effect.kind === 'cancel') agenda.cancel(effect.to, effect.timer);
        else agenda.cancelAllOf(effect.to);
      }
    },
  };
}
