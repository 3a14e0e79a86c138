import { type AnyActorRef, createActor, enqueueActions, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { Agenda, AgendaError } from './agenda.ts';

type AlarmEvent =
  | { type: 'arm'; alarm: string; delayS: number }
  | { type: 'disarm'; alarm: string }
  | { type: 'ring'; alarm: string }
  | { type: 'doze' };

/** A machine with both kinds of XState timer: a named delayed raise and an `after` transition. */
const alarmMachine = setup({
  types: { events: {} as AlarmEvent, context: {} as { rung: string[] } },
  delays: { snooze: 45_000 },
  actions: {
    arm: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'arm') return;
      enqueue.raise({ type: 'ring', alarm: event.alarm }, { delay: event.delayS * 1000, id: event.alarm });
    }),
    disarm: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'disarm') enqueue.cancel(event.alarm);
    }),
    recordRing: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ring') enqueue.assign({ rung: [...context.rung, event.alarm] });
    }),
  },
}).createMachine({
  context: { rung: [] },
  initial: 'awake',
  on: { arm: { actions: 'arm' }, disarm: { actions: 'disarm' }, ring: { actions: 'recordRing' } },
  states: {
    awake: { on: { doze: 'dozing' } },
    dozing: { after: { snooze: 'awake' }, on: { doze: { target: 'dozing', reenter: true } } },
  },
});

interface Delivery {
  readonly atS: number;
  readonly type: string;
  readonly from: string;
}

/** One alarm actor whose timers the agenda owns; `run` delivers everything due, in order. */
function alarmOnAgenda() {
  const agenda = new Agenda();
  const actor = createActor(alarmMachine);
  agenda.takeOverScheduler(actor, 'alarm');
  actor.start();
  const delivered: Delivery[] = [];
  return {
    agenda,
    actor,
    delivered,
    /** An outside event, delivered at `atS` like a fault of the schedule. */
    at(atS: number, event: AlarmEvent) {
      agenda.push(atS, 'alarm', 'fault', event);
    },
    run() {
      // Every test schedule is finite; the bound only turns a scheduling bug into a failure.
      for (let i = 0; i < 1000; i++) {
        const entry = agenda.next();
        if (entry === undefined) return;
        delivered.push({ atS: agenda.nowS, type: entry.event.type, from: entry.from });
        actor.send(entry.event as AlarmEvent);
      }
      throw new Error('agenda never emptied');
    },
  };
}

describe('Agenda', () => {
  it('fires a delayed raise at its exact deadline, counted from when it was set', () => {
    const alarm = alarmOnAgenda();
    alarm.at(100, { type: 'arm', alarm: 'wake', delayS: 30 });
    alarm.at(100, { type: 'arm', alarm: 'tea', delayS: 10 });
    alarm.run();
    expect(alarm.delivered.filter((d) => d.type === 'ring')).toEqual([
      { atS: 110, type: 'ring', from: 'timer' },
      { atS: 130, type: 'ring', from: 'timer' },
    ]);
    expect(alarm.actor.getSnapshot().context.rung).toEqual(['tea', 'wake']);
  });

  it('fires an `after` transition at its exact deadline', () => {
    const alarm = alarmOnAgenda();
    alarm.at(7, { type: 'doze' });
    alarm.run();
    expect(alarm.delivered).toEqual([
      { atS: 7, type: 'doze', from: 'fault' },
      { atS: 52, type: 'xstate.after.snooze.(machine).dozing', from: 'timer' },
    ]);
    expect(alarm.actor.getSnapshot().value).toBe('awake');
  });

  it('holds a timer as plain data until it fires', () => {
    const alarm = alarmOnAgenda();
    alarm.actor.send({ type: 'arm', alarm: 'wake', delayS: 60 });
    expect(alarm.agenda.peekTimeS()).toBe(60);
    expect(alarm.agenda.pendingTimers()).toEqual([
      { to: 'alarm', from: 'timer', event: { type: 'ring', alarm: 'wake' }, timerKey: 'alarm#wake', cause: null, cancelled: false },
    ]);
    alarm.run();
    expect(alarm.agenda.pendingTimers()).toEqual([]);
  });

  it('never fires a cancelled timer, and delivers what follows it at its own time', () => {
    const alarm = alarmOnAgenda();
    alarm.at(0, { type: 'arm', alarm: 'wake', delayS: 30 });
    alarm.at(10, { type: 'disarm', alarm: 'wake' });
    alarm.at(500, { type: 'arm', alarm: 'tea', delayS: 5 });
    alarm.run();
    expect(alarm.delivered.map((d) => [d.atS, d.type])).toEqual([
      [0, 'arm'],
      [10, 'disarm'],
      [500, 'arm'],
      [505, 'ring'],
    ]);
    expect(alarm.actor.getSnapshot().context.rung).toEqual(['tea']);
  });

  it('names the time of the next live entry, not of a cancelled timer ahead of it', () => {
    const alarm = alarmOnAgenda();
    alarm.actor.send({ type: 'arm', alarm: 'wake', delayS: 30 });
    alarm.at(500, { type: 'doze' });
    expect(alarm.agenda.peekTimeS()).toBe(30);
    alarm.actor.send({ type: 'disarm', alarm: 'wake' });
    expect(alarm.agenda.peekTimeS()).toBe(500);
    expect(alarm.agenda.next()).toMatchObject({ from: 'fault', event: { type: 'doze' } });
    expect(alarm.agenda.nowS).toBe(500);
  });

  it('cancels the `after` timer of a state that is left before its deadline', () => {
    const alarm = alarmOnAgenda();
    alarm.at(0, { type: 'doze' });
    alarm.at(40, { type: 'doze' }); // re-entering restarts the 45 s snooze
    alarm.run();
    expect(alarm.delivered.map((d) => [d.atS, d.from])).toEqual([
      [0, 'fault'],
      [40, 'fault'],
      [85, 'timer'],
    ]);
  });

  it('re-scheduling with the same id replaces the earlier deadline', () => {
    const alarm = alarmOnAgenda();
    alarm.at(0, { type: 'arm', alarm: 'wake', delayS: 30 });
    alarm.at(20, { type: 'arm', alarm: 'wake', delayS: 50 });
    alarm.run();
    expect(alarm.delivered.filter((d) => d.type === 'ring').map((d) => d.atS)).toEqual([70]);
    expect(alarm.actor.getSnapshot().context.rung).toEqual(['wake']);
  });

  it('cancels every timer of an actor that stops', () => {
    const alarm = alarmOnAgenda();
    alarm.actor.send({ type: 'arm', alarm: 'wake', delayS: 30 });
    alarm.actor.send({ type: 'doze' });
    expect(alarm.agenda.pendingTimers()).toHaveLength(2);
    alarm.actor.stop();
    expect(alarm.agenda.pendingTimers()).toEqual([]);
    expect(alarm.agenda.next()).toBeUndefined();
  });

  it('keeps each actor’s timers apart, even under the same id', () => {
    const agenda = new Agenda();
    const refs: AnyActorRef[] = ['left', 'right'].map((address) => {
      const ref = createActor(alarmMachine);
      agenda.takeOverScheduler(ref, address);
      ref.start();
      return ref;
    });
    refs[0]!.send({ type: 'arm', alarm: 'wake', delayS: 10 });
    refs[1]!.send({ type: 'arm', alarm: 'wake', delayS: 20 });
    refs[0]!.send({ type: 'disarm', alarm: 'wake' });
    expect(agenda.next()).toMatchObject({ to: 'right', event: { type: 'ring', alarm: 'wake' } });
    expect(agenda.nowS).toBe(20);
    expect(agenda.next()).toBeUndefined();
  });

  it('refuses a delay that is not a whole number of seconds, or negative, naming the actor', () => {
    const agenda = new Agenda();
    const actor = createActor(alarmMachine);
    agenda.takeOverScheduler(actor, 'alarm');
    actor.start();
    const ring: AlarmEvent = { type: 'ring', alarm: 'x' };
    const fractional = () => actor.system.scheduler.schedule(actor, actor, ring, 1500, 'x');
    expect(fractional).toThrow(AgendaError);
    expect(fractional).toThrow('alarm: delay 1500 ms is not a whole number of seconds');
    const negative = () => actor.system.scheduler.schedule(actor, actor, ring, -1000, 'x');
    expect(negative).toThrow(AgendaError);
    expect(negative).toThrow('alarm: delay -1000 ms is not a whole number of seconds');
    expect(agenda.pendingTimers()).toEqual([]);
  });

  it('fires a zero delay at once, after what was already due at that time', () => {
    const alarm = alarmOnAgenda();
    alarm.at(100, { type: 'arm', alarm: 'now', delayS: 0 });
    alarm.at(100, { type: 'doze' });
    alarm.run();
    expect(alarm.delivered.map((d) => [d.atS, d.type])).toEqual([
      [100, 'arm'],
      [100, 'doze'],
      [100, 'ring'],
      [145, 'xstate.after.snooze.(machine).dozing'],
    ]);
    expect(alarm.actor.getSnapshot().context.rung).toEqual(['now']);
  });

  it('refuses a delayed event to another actor: the model has none', () => {
    const agenda = new Agenda();
    const [left, right] = ['left', 'right'].map((address) => {
      const ref = createActor(alarmMachine);
      agenda.takeOverScheduler(ref, address);
      return ref.start();
    });
    const ring: AlarmEvent = { type: 'ring', alarm: 'x' };
    const across = () => left!.system.scheduler.schedule(left!, right!, ring, 1000, 'x');
    expect(across).toThrow(AgendaError);
    expect(across).toThrow('left: delayed events to other actors are not part of the model');
    expect(agenda.pendingTimers()).toEqual([]);
  });
});
