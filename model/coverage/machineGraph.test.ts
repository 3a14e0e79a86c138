/**
 * The coverage denominator: every state and transition of a machine, keyed readably, from its
 * definition alone.
 */
import { describe, expect, it } from 'vitest';
import { and, createActor, setup } from 'xstate';
import { activeStateIds, machineGraph } from './machineGraph.ts';
import { CoverageRecorder } from './coverageRecorder.ts';

const lamp = setup({
  types: { events: {} as { type: 'switch' } | { type: 'break' }, context: {} as { broken: boolean } },
  guards: { isBroken: ({ context }) => context.broken },
  delays: { cooldown: 1000 },
}).createMachine({
  id: 'lamp',
  context: { broken: false },
  initial: 'off',
  states: {
    off: {
      on: { switch: [{ guard: 'isBroken', target: 'off' }, { target: 'on' }], break: { actions: () => {} } },
      always: { guard: 'isBroken', target: 'dead' },
    },
    on: {
      type: 'parallel',
      states: { light: { initial: 'warm', states: { warm: { after: { cooldown: 'bright' } }, bright: {} } }, hum: {} },
      on: { switch: 'off' },
    },
    dead: { type: 'final' },
  },
});

describe('machineGraph', () => {
  it('lists every state node, nested and parallel, by id', () => {
    expect(machineGraph(lamp).states).toEqual(['lamp', 'lamp.off', 'lamp.on', 'lamp.on.light', 'lamp.on.light.warm', 'lamp.on.light.bright', 'lamp.on.hum', 'lamp.dead']);
  });

  it('keys each transition by source, event (delays and eventless ones named), guard and target', () => {
    expect(machineGraph(lamp).transitions).toEqual([
      'lamp.off --switch[isBroken]--> lamp.off',
      'lamp.off --switch--> lamp.on',
      'lamp.off --break--> (stays)',
      'lamp.off --always[isBroken]--> lamp.dead',
      'lamp.on --switch--> lamp.off',
      'lamp.on.light.warm --after cooldown--> lamp.on.light.bright',
    ]);
    expect(machineGraph(lamp).machineId).toBe('lamp');
  });

  it('tells apart transitions that read alike by their position', () => {
    const twins = setup({ types: { events: {} as { type: 'go' } } }).createMachine({
      id: 'twins',
      initial: 'a',
      states: { a: { on: { go: [{ target: 'b' }, { target: 'b' }] } }, b: {} },
    });
    expect(machineGraph(twins).transitions).toEqual(['twins.a --go--> twins.b #0', 'twins.a --go--> twins.b #1']);
  });

  it('tells apart by position only transitions alike in event, guard and targets', () => {
    // A guard built by a helper is a function without a name.
    const atLeast = (level: number) => ({ context }: { context: { level: number } }) => context.level >= level;
    const dial = setup({
      types: { events: {} as { type: 'up' } | { type: 'down' } | { type: 'audit.xstate.after.1.dial' }, context: {} as { level: number } },
      guards: {
        hot: ({ context }) => context.level > 8,
        cold: ({ context }) => context.level < 2,
        level: ({ context }, params: { is: number }) => context.level === params.is,
      },
    }).createMachine({
      id: 'dial',
      context: { level: 0 },
      initial: 'off',
      states: {
        off: { on: { up: 'low', down: 'low', 'audit.xstate.after.1.dial': {} } },
        low: {
          on: {
            up: [
              { guard: 'hot', target: 'off' },
              { guard: 'cold', target: 'off' },
              { guard: { type: 'level', params: { is: 1 } }, target: 'high' },
              { guard: { type: 'level', params: { is: 2 } }, target: 'both' },
            ],
            down: [{ guard: ({ context }) => context.level > 0, target: 'off' }, { guard: atLeast(3), target: 'off' }, { guard: and(['hot', 'cold']), target: 'off' }],
          },
        },
        high: {},
        both: {
          type: 'parallel',
          states: { left: { initial: 'a', states: { a: {}, b: {} } }, right: { initial: 'a', states: { a: {}, b: {} } } },
          on: { up: { target: ['.left.b', '.right.b'] } },
        },
      },
    });
    expect(machineGraph(dial).transitions).toEqual([
      'dial.off --up--> dial.low',
      'dial.off --down--> dial.low',
      // An event of the machine's own is not read as a delay, whatever its name holds.
      'dial.off --audit.xstate.after.1.dial--> (stays)',
      'dial.low --up[hot]--> dial.off',
      'dial.low --up[cold]--> dial.off',
      'dial.low --up[level]--> dial.high',
      'dial.low --up[level]--> dial.both',
      'dial.low --down[guard]--> dial.off',
      'dial.low --down[inline]--> dial.off',
      'dial.low --down[and]--> dial.off',
      'dial.both --up--> dial.both.left.b,dial.both.right.b',
    ]);
  });

  it('names every active state of a value, ancestors included', () => {
    expect(activeStateIds('lamp', 'off')).toEqual(['lamp', 'lamp.off']);
    expect(activeStateIds('lamp', { on: { light: 'warm', hum: {} } })).toEqual(['lamp', 'lamp.on', 'lamp.on.light', 'lamp.on.light.warm', 'lamp.on.hum']);
  });
});

describe('CoverageRecorder', () => {
  it('counts what actors of the machine reached, against the whole graph, and merges reports', () => {
    const recorder = new CoverageRecorder([lamp]);
    const actor = createActor(lamp, { inspect: recorder.inspect }).start();
    actor.send({ type: 'switch' });
    const [coverage] = recorder.coverage();
    expect(coverage).toMatchObject({ id: 'lamp', states: { covered: 6, total: 8 }, transitions: { covered: 1, total: 6 } });
    expect(coverage!.neverReached).toEqual([
      'lamp.on.light.bright',
      'lamp.dead',
      'lamp.off --switch[isBroken]--> lamp.off',
      'lamp.off --break--> (stays)',
      'lamp.off --always[isBroken]--> lamp.dead',
      'lamp.on --switch--> lamp.off',
      'lamp.on.light.warm --after cooldown--> lamp.on.light.bright',
    ]);

    const other = new CoverageRecorder([lamp]);
    other.absorb([
      { id: 'lamp', statesReached: ['lamp.dead'], transitionsTaken: ['lamp.on --switch--> lamp.off'] },
      { id: 'unknown', statesReached: ['x'], transitionsTaken: ['x --go--> y'] },
    ]);
    other.absorb(recorder.raw());
    expect(other.coverage()[0]).toMatchObject({ states: { covered: 7, total: 8 }, transitions: { covered: 2, total: 6 } });
    expect(other.raw()[0]!.statesReached).toEqual([...other.raw()[0]!.statesReached].sort());
    // Reported in sorted order, not the order reached.
    expect(other.raw()[0]!.transitionsTaken).toEqual(['lamp.off --switch--> lamp.on', 'lamp.on --switch--> lamp.off']);
  });

  it('counts the initial state of an actor that has only started', () => {
    const recorder = new CoverageRecorder([lamp]);
    createActor(lamp, { inspect: recorder.inspect }).start();
    expect(recorder.raw()).toEqual([{ id: 'lamp', statesReached: ['lamp', 'lamp.off'], transitionsTaken: [] }]);
  });

  it('counts a variant of the machine (same id, other implementations) by its states only: its transitions are not the ones given', () => {
    const recorder = new CoverageRecorder([lamp]);
    const alwaysBroken = lamp.provide({ guards: { isBroken: () => true } });
    createActor(alwaysBroken, { inspect: recorder.inspect }).start();
    expect(recorder.raw()).toEqual([{ id: 'lamp', statesReached: ['lamp', 'lamp.dead', 'lamp.off'], transitionsTaken: [] }]);
  });

  it('ignores actors of machines it was not given', () => {
    const recorder = new CoverageRecorder([]);
    createActor(lamp, { inspect: recorder.inspect }).start().send({ type: 'switch' });
    expect(recorder.coverage()).toEqual([]);
  });
});
