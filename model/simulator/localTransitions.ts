/**
 * One actor's reaction to one event, computed once and remembered. A machine is a function
 * of its snapshot and the event (and, for a healing policy that reads the clock, the time),
 * so (local state, event[, time]) → (next local state, effects) can be cached: the explorer
 * meets the same server crash or instance loss in thousands of composed states, and the
 * simulator meets the same fabric again in every run of a property that keeps it.
 *
 * The step itself is XState's own: `logic.transition(snapshot, event, scope)`, the function an
 * actor calls on `send`, with a scope that records the actions an actor would execute. The
 * effects an actor defers to the end of its step (emit, a delayed raise, a cancel) come out
 * in the order the actor would run them, which is the order the simulator's agenda sees.
 */
import type { AnyActorLogic, AnyActorRef, AnyMachineSnapshot, EventObject } from 'xstate';
import { AgendaError } from './agenda.ts';
import type { EventTable, InternedEvent } from './eventTable.ts';
import type { ActorKind } from './fabric.ts';
import { type LocalState, type LocalStateTable, checkSharedFields, localStateOf } from './localState.ts';
import { SimulationError } from './simulationError.ts';
import type { SimulatedClock } from '../simulatedTime.ts';

export type Effect =
  | { readonly kind: 'emit'; readonly event: InternedEvent }
  /** A delayed event to the actor itself (XState's `after` and delayed `raise`), by its timer name. */
  | { readonly kind: 'schedule'; readonly event: InternedEvent; readonly delayS: number; readonly timer: string }
  | { readonly kind: 'cancel'; readonly timer: string };

export interface LocalStep<S extends LocalState = LocalState> {
  readonly next: S;
  readonly effects: readonly Effect[];
}

export interface ActorSlot {
  readonly index: number;
  readonly address: string;
  readonly kind: ActorKind;
  readonly logic: AnyActorLogic;
  /** The live actor the fabric built, standing in as `self` for XState's action resolution. */
  readonly ref: AnyActorRef;
}

/**
 * Healing policies whose decisions never read the clock (checked by a test): a controller
 * under one of them reacts the same at any time, so its steps are remembered without it.
 */
export const CLOCK_FREE_POLICIES: ReadonlySet<string> = new Set(['serial', 'parallel', 'adaptive']);

const EVENTS_IN_NUMBER_KEY = 0x200000;

interface ExecutableAction {
  readonly type: string;
  readonly params?: { readonly event?: any; readonly delay?: unknown; readonly id?: string; readonly sendId?: string };
}

/** Built-in actions that do their work inside the step (a raise without delay goes to XState's internal queue). */
function isImmediate(action: ExecutableAction): boolean {
  return action.type === 'xstate.raise' && typeof action.params?.delay !== 'number';
}

export interface LocalTransitionsOptions {
  /**
   * Remembered steps at most; past it the memory starts again empty. Infinity: remember all
   * (the explorer); 0: remember nothing (a run whose fabric will not be met again).
   */
  readonly capacity?: number;
}

export class LocalTransitions<S extends LocalState = LocalState> {
  readonly #byNumber = new Map<number, LocalStep<S>>();
  readonly #byText = new Map<string, LocalStep<S>>();
  readonly #locals: LocalStateTable<S>;
  readonly #events: EventTable;
  readonly #clock: SimulatedClock;
  #capacity: number;
  readonly #recorded: ExecutableAction[] = [];
  #computed = 0;
  #remembered = 0;

  constructor(locals: LocalStateTable<S>, events: EventTable, clock: SimulatedClock, options: LocalTransitionsOptions = {}) {
    this.#locals = locals;
    this.#events = events;
    this.#clock = clock;
    this.#capacity = options.capacity ?? Number.POSITIVE_INFINITY;
  }

  /** Steps computed with XState, and steps answered from memory. */
  get counts(): { readonly computed: number; readonly remembered: number } {
    return { computed: this.#computed, remembered: this.#remembered };
  }

  /** Whether steps are remembered (and events and states interned for it). */
  get remembering(): boolean {
    return this.#capacity > 0;
  }

  /** Remember steps from now on, at most `capacity` (see LocalTransitionsOptions). */
  rememberUpTo(capacity: number): void {
    this.#capacity = capacity;
  }

  /**
   * An event as this memory knows it: interned while steps are remembered; otherwise only
   * wrapped, since nothing will look it up again (interning costs a JSON text per event).
   */
  eventOf(event: EventObject): InternedEvent {
    return this.#capacity > 0 ? this.#events.intern(event) : { id: -1, event, key: '' };
  }

  /** Steps held in memory now. */
  get size(): number {
    return this.#byNumber.size + this.#byText.size;
  }

  step(actor: ActorSlot, from: S, event: InternedEvent, nowS: number): LocalStep<S> {
    if (this.#capacity === 0) return this.#compute(actor, from, event, nowS);
    const readsClock = actor.kind === 'controller' && !CLOCK_FREE_POLICIES.has((from.snapshot.context as { healing: { kind: string } }).healing.kind);
    // One number holds (local state, event) while events number fewer than 2²¹ (and states 2³²); past that, text.
    if (readsClock || event.id >= EVENTS_IN_NUMBER_KEY || from.id >= 0x100000000) {
      const key = `${from.id}:${event.id}${readsClock ? `@${nowS}` : ''}`;
      const known = this.#byText.get(key);
      if (known) {
        this.#remembered++;
        return known;
      }
      const step = this.#compute(actor, from, event, nowS);
      this.#remember();
      this.#byText.set(key, step);
      return step;
    }
    const key = from.id * EVENTS_IN_NUMBER_KEY + event.id;
    const known = this.#byNumber.get(key);
    if (known) {
      this.#remembered++;
      return known;
    }
    const step = this.#compute(actor, from, event, nowS);
    this.#remember();
    this.#byNumber.set(key, step);
    return step;
  }

  /** Room for one more step: a full memory starts again empty (what it held is only ever a shortcut). */
  #remember(): void {
    if (this.#byNumber.size + this.#byText.size < this.#capacity) return;
    this.#byNumber.clear();
    this.#byText.clear();
  }

  /**
   * An actor's first snapshot, from XState's own `getInitialSnapshot` (what `createActor` computes),
   * with what its start would do (entry actions' emits and timers) as effects in the order
   * `actor.start()` would run them. Always a local state of the table: a later run may
   * remember steps from it.
   */
  initial(actor: ActorSlot, input: unknown): LocalStep<S> {
    const recorded = this.#recordInto();
    let first: AnyMachineSnapshot;
    try {
      first = (actor.logic as any).getInitialSnapshot(this.#scopeOf(actor), input);
    } catch (error) {
      throw new SimulationError(`${actor.address} failed to start: ${String(error)}`);
    }
    if (first.status !== 'active') throw new SimulationError(`${actor.address} failed to start: its machine begins ${first.status}${first.status === 'error' ? ` (${String(first.error)})` : ''}`);
    return { next: this.#locals.intern(actor.kind, first), effects: this.#effectsOf(recorded, actor, 0) };
  }

  #compute(actor: ActorSlot, from: S, event: InternedEvent, nowS: number): LocalStep<S> {
    this.#computed++;
    this.#clock.nowS = nowS;
    const recorded = this.#recordInto();
    let next: AnyMachineSnapshot;
    try {
      next = (actor.logic as any).transition(from.snapshot, event.event, this.#scopeOf(actor));
    } catch (error) {
      throw new SimulationError(`${actor.address} failed at t=${nowS}s: ${String(error)}`);
    }
    if (next.status === 'error') throw new SimulationError(`${actor.address} failed at t=${nowS}s: ${String(next.error)}`);
    checkSharedFields(from.snapshot, next, actor.address);
    const effects = this.#effectsOf(recorded, actor, nowS);
    if (next === from.snapshot) return { next: from, effects };
    // Unremembered, a state is never looked up again: it needs no place in the table (nor an id).
    return { next: this.#capacity > 0 ? this.#locals.intern(actor.kind, next) : (localStateOf(-1, actor.kind, next) as S), effects };
  }

  #recordInto(): ExecutableAction[] {
    this.#recorded.length = 0;
    return this.#recorded;
  }

  /** The scope an actor gives its machine, except that actions are recorded instead of run. */
  #scopeOf(actor: ActorSlot) {
    const recorded = this.#recorded;
    return {
      self: actor.ref,
      id: actor.ref.id,
      sessionId: actor.ref.sessionId,
      logger: () => {},
      defer: () => {},
      system: actor.ref.system,
      stopChild: () => {},
      emit: () => {},
      actionExecutor: (action: ExecutableAction) => recorded.push(action),
    };
  }

  /** What a step's recorded actions do outside the actor, as the simulator's agenda replays it. */
  #effectsOf(recorded: readonly ExecutableAction[], actor: ActorSlot, nowS: number): Effect[] {
    const effects: Effect[] = [];
    for (const action of recorded) {
      if (action.type === 'xstate.emit') effects.push({ kind: 'emit', event: this.eventOf(action.params!.event) });
      else if (action.type === 'xstate.raise' && typeof action.params?.delay === 'number') {
        const delayS = action.params.delay / 1000;
        // A live actor's scheduler throws this inside the step, and the actor fails with it: the same failure here.
        if (!Number.isInteger(delayS) || delayS < 0) {
          const error = new AgendaError(`${actor.address}: delay ${action.params.delay} ms is not a whole number of seconds`);
          throw new SimulationError(`${actor.address} failed at t=${nowS}s: ${String(error)}`);
        }
        const scheduled = this.eventOf(action.params.event);
        effects.push({ kind: 'schedule', event: scheduled, delayS, timer: action.params.id ?? scheduled.event.type });
      } else if (action.type === 'xstate.cancel') effects.push({ kind: 'cancel', timer: action.params!.sendId! });
      else if (!isImmediate(action)) throw new SimulationError(`${actor.address}: action ${action.type} is not one the engine knows how to replay`);
    }
    return effects;
  }
}
