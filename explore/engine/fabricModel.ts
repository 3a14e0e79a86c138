/**
 * The explorer's view of one fabric: its actors (built and started by the simulator's own
 * `buildFabric`, so the story begins exactly where `simulate` begins it), the tables of local
 * states and events, the remembered transitions, and the composed state at time 0.
 */
import type { AnyActorRef, EventObject } from 'xstate';
import type { Address } from '../../model/simulator/addresses.ts';
import { buildFabric, machinesByKind } from '../../model/simulator/fabric.ts';
import type { TraceEntry } from '../../model/simulator/trace.ts';
import { recipientsOf, type FabricEmitted } from '../../model/simulator/wiring.ts';
import { SimulatedClock } from '../../model/simulatedTime.ts';
import type { Scenario } from '../../model/scenario.ts';
import { type ComposedState, type PendingEvent, STARTUP_BAND, insertPending } from './composedState.ts';
import { EventTable, type InternedEvent } from '../../model/simulator/eventTable.ts';
import { type FingerprintedState, LocalStates } from './localStates.ts';
import { type ActorSlot, LocalTransitions } from '../../model/simulator/localTransitions.ts';

export interface FabricModel {
  /** The scenario the fabric was built from; its fault schedule is not used here. */
  readonly scenario: Scenario;
  readonly actors: readonly ActorSlot[];
  readonly indexOf: ReadonlyMap<Address, number>;
  /** For an instance actor: its instance id; otherwise null. */
  readonly instanceIds: readonly (string | null)[];
  readonly locals: LocalStates;
  readonly events: EventTable;
  readonly transitions: LocalTransitions<FingerprintedState>;
  readonly clock: SimulatedClock;
  /** What the simulator writes before its first delivery (events emitted at start with no recipient). */
  readonly initialEntries: readonly TraceEntry[];
  readonly initialStates: Readonly<Record<Address, string>>;
  readonly initialPlacement: Readonly<Record<string, string>>;
  readonly initial: ComposedState;
  /** Who hears an emitted event, as actor indexes. */
  recipients(event: InternedEvent): readonly number[];
}

/** Start-time effects captured as the simulator's agenda would queue them. */
function captureStart(ref: AnyActorRef, index: number, address: Address, pending: PendingEvent[], entries: TraceEntry[], events: EventTable, indexOf: (address: Address) => number, next: () => number): void {
  const scheduler = ref.system.scheduler;
  scheduler.schedule = (_source, _target, event, delayMs, id) => {
    const timer = `${address}#${id ?? event.type}`;
    const previous = pending.findIndex((p) => p.timer === timer);
    if (previous >= 0) pending.splice(previous, 1);
    insertPending(pending, { atS: delayMs / 1000, band: STARTUP_BAND, sequence: next(), to: index, from: 'timer', event: events.intern(event), timer, cause: null });
  };
  scheduler.cancel = (_source, id) => {
    const previous = pending.findIndex((p) => p.timer === `${address}#${id}`);
    if (previous >= 0) pending.splice(previous, 1);
  };
  scheduler.cancelAll = () => {
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.timer !== null && pending[i]!.to === index) pending.splice(i, 1);
  };
  ref.on('*', (emitted: EventObject) => {
    const recipients = recipientsOf(emitted as FabricEmitted);
    if (recipients.length === 0) entries.push({ t: 0, kind: 'event', from: address, to: null, event: emitted as FabricEmitted, cause: null });
    for (const to of recipients) insertPending(pending, { atS: 0, band: STARTUP_BAND, sequence: next(), to: indexOf(to), from: address, event: events.intern(emitted), timer: null, cause: null });
  });
}

export function buildFabricModel(scenario: Scenario): FabricModel {
  const clock = new SimulatedClock();
  const fabric = buildFabric(scenario, clock);
  const events = new EventTable();
  const locals = new LocalStates();
  const transitions = new LocalTransitions(locals, events, clock);
  const indexOf = new Map(fabric.actors.map((actor, index) => [actor.address, index]));
  const actors: ActorSlot[] = fabric.actors.map((actor, index) => ({ index, address: actor.address, kind: actor.kind, logic: machinesByKind[actor.kind], ref: actor.ref }));

  const pending: PendingEvent[] = [];
  const initialEntries: TraceEntry[] = [];
  let sequence = 0;
  const find = (address: Address) => indexOf.get(address)!;
  for (const actor of fabric.actors) captureStart(actor.ref, indexOf.get(actor.address)!, actor.address, pending, initialEntries, events, find, () => sequence++);
  for (const actor of fabric.actors) actor.ref.start();

  const initialLocals = new Int32Array(actors.length);
  const initialStates: Record<Address, string> = {};
  const instanceIds: (string | null)[] = [];
  fabric.actors.forEach((actor, index) => {
    const snapshot = actor.ref.getSnapshot();
    const local = locals.intern(actor.kind, snapshot);
    initialLocals[index] = local.id;
    initialStates[actor.address] = local.stateName;
    instanceIds.push(actor.kind === 'instance' ? (snapshot.context as { instanceId: string }).instanceId : null);
  });

  const recipientsById: (readonly number[] | undefined)[] = [];
  return {
    scenario,
    actors,
    indexOf,
    instanceIds,
    locals,
    events,
    transitions,
    clock,
    initialEntries,
    initialStates,
    initialPlacement: fabric.placement,
    initial: { nowS: 0, clockS: 0, locals: initialLocals, pending, sequence, steps: 0, traceLength: initialEntries.length },
    recipients(event: InternedEvent): readonly number[] {
      let known = recipientsById[event.id];
      if (known === undefined) {
        known = recipientsOf(event.event as FabricEmitted).map(find);
        recipientsById[event.id] = known;
      }
      return known;
    },
  };
}
