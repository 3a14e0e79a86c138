/**
 * Drives one machine on its own, for tests: send events, let simulated time pass (its timers
 * fire at their exact deadlines through the same agenda the simulator uses), read its state
 * and what it emitted.
 */
import { type Collection, type List, type Map as ImmutableMap, type OrderedSet, isImmutable } from 'immutable';
import { type AnyStateMachine, type EventObject, type InspectionEvent, type ContextFrom, type EventFromLogic, type InputFrom, type StateValue, createActor } from 'xstate';
import { Agenda } from '../simulator/agenda.ts';
import { SimulatedClock } from '../simulatedTime.ts';
import { stateKey } from '../simulator/trace.ts';

export interface MachineHarness<M extends AnyStateMachine> {
  send(event: EventFromLogic<M>): void;
  /** Let `seconds` of simulated time pass, firing every timer due on the way, in order. */
  advance(seconds: number): void;
  /** The state as the trace writes it: `upgrading.installing`, `lifecycle.running | stray.none`. */
  state(): string;
  /** XState's `snapshot.matches`, e.g. `{ lifecycle: 'running' }`. */
  matches(value: StateValue): boolean;
  context(): ContextFrom<M>;
  /** The context with its persistent collections (the controller's server list, placement, evicted servers) as plain arrays and records, for comparing. */
  plainContext(): PlainContext<ContextFrom<M>>;
  /** Everything emitted so far, oldest first; `take()` empties it. */
  readonly emitted: EventObject[];
  take(): EventObject[];
  nowS(): number;
}

type Plain<T> = T extends List<infer V> ? V[] : T extends OrderedSet<infer V> ? V[] : T extends ImmutableMap<infer K, infer V> ? Record<K & string, V> : T;
export type PlainContext<C> = { readonly [K in keyof C]: Plain<C[K]> };

function plain<C>(context: C): PlainContext<C> {
  const fields = Object.entries(context as object).map(([key, value]) => [key, isImmutable(value) ? (value as Collection<unknown, unknown>).toJS() : value]);
  return Object.fromEntries(fields) as PlainContext<C>;
}

export function driveMachine<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  inspect?: (event: InspectionEvent) => void,
): MachineHarness<M> {
  // A machine that reads simulated time shares the harness's clock (passed in its input).
  const time = (input as { time?: unknown } | undefined)?.time;
  const agenda = new Agenda(time instanceof SimulatedClock ? time : undefined);
  const actor = createActor(machine as AnyStateMachine, { input, ...(inspect ? { inspect } : {}) });
  agenda.takeOverScheduler(actor, 'machine');
  const emitted: EventObject[] = [];
  actor.on('*', (event: EventObject) => emitted.push(event));
  actor.start();
  return {
    send: (event) => actor.send(event),
    advance(seconds) {
      const until = agenda.nowS + seconds;
      for (let t = agenda.peekTimeS(); t !== undefined && t <= until; t = agenda.peekTimeS()) {
        const entry = agenda.next();
        if (entry && actor.getSnapshot().status === 'active') actor.send(entry.event);
      }
      agenda.nowS = until;
    },
    state: () => stateKey(actor.getSnapshot().value),
    matches: (value) => actor.getSnapshot().matches(value),
    context: () => actor.getSnapshot().context,
    plainContext: () => plain(actor.getSnapshot().context),
    emitted,
    take: () => emitted.splice(0, emitted.length),
    nowS: () => agenda.nowS,
  };
}
