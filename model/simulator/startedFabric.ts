/**
 * A fabric started once, for every run that shares it: each machine's initial snapshot (XState's
 * own `getInitialSnapshot`, what `createActor` computes), what starting it would queue (its entry
 * actions' emits and timers, recorded as data and replayed into each run's agenda), and the
 * steps its machines have taken (model/simulator/localTransitions.ts). No live actor per server
 * or instance is made: at 20,000 servers they alone would be a quarter of a gigabyte.
 *
 * A run's fault schedule and horizon are not part of the fabric, so the runs of a property that
 * keeps its topology (the incident under each policy, a counterexample's shrinking candidates)
 * share one started fabric, and each repeats what earlier runs computed only by looking it up.
 */
import { type AnyActorRef, createActor } from 'xstate';
import type { Scenario } from '../scenario.ts';
import { SimulatedClock } from '../simulatedTime.ts';
import type { Address } from './addresses.ts';
import type { Agenda } from './agenda.ts';
import { EventTable, type InternedEvent } from './eventTable.ts';
import { type ActorKind, fabricSpec } from './fabric.ts';
import type { LocalState } from './localState.ts';
import { type ActorSlot, type Effect, LocalTransitions } from './localTransitions.ts';
import { SnapshotStates } from './snapshotStates.ts';
import type { TraceEntry } from './trace.ts';
import { type FabricEmitted, recipientsOf } from './wiring.ts';

/** What starting one actor does outside it, recorded once and replayed into each run's agenda. */
interface StartEffects {
  readonly address: Address;
  readonly effects: readonly Effect[];
}

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
  const spec = fabricSpec(scenario, clock);
  const locals = new SnapshotStates();
  const events = new EventTable();
  const transitions = new LocalTransitions(locals, events, clock, { capacity: rememberSteps });
  // A machine is its snapshot here: a live actor is only `self` in a step's scope, which no
  // machine of the model reads (no action names self, system, spawn or sendTo), so one actor of
  // each kind, never started, stands in for all of its kind (a live actor costs about 4 KB).
  const standIn = new Map<ActorKind, AnyActorRef>();
  const actors = spec.actors.map(({ address, kind, logic, input }, index): ActorSlot => {
    let ref = standIn.get(kind);
    if (!ref) standIn.set(kind, (ref = createActor(logic, { input })));
    return { index, address, kind, logic, ref };
  });
  const initial: LocalState[] = [];
  const start: StartEffects[] = [];
  actors.forEach((actor, index) => {
    const first = transitions.initial(actor, spec.actors[index]!.input);
    initial.push(first.next);
    if (first.effects.length > 0) start.push({ address: actor.address, effects: first.effects });
  });
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
    placement: spec.placement,
    events,
    transitions,
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
      for (const { address, effects } of start) {
        for (const effect of effects) {
          if (effect.kind === 'emit') {
            const recipients = recipientsOf(effect.event.event as FabricEmitted);
            if (recipients.length === 0) entries.push({ t: agenda.nowS, kind: 'event', from: address, to: null, event: effect.event.event as FabricEmitted, cause: agenda.cause });
            for (const to of recipients) agenda.push(agenda.nowS, to, address, effect.event.event);
          } else if (effect.kind === 'schedule') agenda.schedule(address, effect.event.event, effect.delayS, effect.timer);
          else agenda.cancel(address, effect.timer);
        }
      }
    },
  };
}
