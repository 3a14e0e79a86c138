import { describe, expect, it } from 'vitest';
import type { AnyHealingPolicyDefinition } from '../healingPolicy.ts';
import { domain, move, request, viewWith } from './healingViewFixture.ts';
import { parallelHealing, serialHealing } from './concurrencyLimit.ts';

const view = viewWith;

const fiveMoves = ['a', 'b', 'c', 'd', 'e'].map((id) => move(id, 's00', 0));
const serial = { kind: 'serial', concurrency: 2 } as const;
const parallel = { kind: 'parallel', concurrency: 1_000_000 } as const;

describe('serialHealing', () => {
  it('starts the head of the queue up to its concurrency, counting what is in flight', () => {
    expect(serialHealing.decide(serial, view({ queue: fiveMoves }), null).start).toEqual([0, 1]);
    expect(serialHealing.decide(serial, view({ queue: fiveMoves, inFlight: [move('x', 's01', 1)] }), null).start).toEqual([0]);
    expect(serialHealing.decide(serial, view({ queue: fiveMoves, inFlight: [move('x', 's01', 1), move('y', 's01', 1)] }), null).start).toEqual([]);
  });

  it('a portal request in the queue takes a slot like a move, and waits like one', () => {
    const queue = [move('a', 's00', 0), request('r1')];
    expect(serialHealing.decide(serial, view({ queue, inFlight: [request('r0')] }), null).start).toEqual([0]);
  });

  it('starts nothing when more is in flight than the concurrency allows', () => {
    const inFlight = [move('x', 's01', 1), move('y', 's01', 1), move('z', 's01', 1)];
    expect(serialHealing.decide(serial, view({ queue: fiveMoves, inFlight }), null).start).toEqual([]);
  });

  it('pays no attention to how dark a domain is: a partly dark one is healed like any other', () => {
    const v = view({ queue: fiveMoves, faultDomains: [domain(0, 5, 3), domain(1, 5, 1)] });
    expect(serialHealing.decide(serial, v, null)).toEqual({ start: [0, 1], memory: null });
  });

  it('moves even when every domain looks dead', () => {
    const v = view({ queue: fiveMoves, faultDomains: [domain(0, 2, 2), domain(1, 2, 2)] });
    expect(serialHealing.decide(serial, v, null).start).toEqual([0, 1]);
  });
});

describe('parallelHealing', () => {
  it('starts the whole queue', () => {
    expect(parallelHealing.decide(parallel, view({ queue: fiveMoves }), null)).toEqual({ start: [0, 1, 2, 3, 4], memory: null });
  });

  it('still honours its concurrency when one is given', () => {
    expect(parallelHealing.decide({ kind: 'parallel', concurrency: 3 }, view({ queue: fiveMoves, inFlight: [request('r0')] }), null).start).toEqual([0, 1]);
  });
});

describe('serial and parallel as policy definitions', () => {
  it.each([
    { definition: serialHealing as AnyHealingPolicyDefinition, params: serial },
    { definition: parallelHealing as AnyHealingPolicyDefinition, params: parallel },
  ])('$params.kind remembers nothing, keeps no pace and ignores blackouts', ({ definition, params }) => {
    expect(definition.kind).toBe(params.kind);
    expect(definition.initialMemory(params, view({}))).toBeNull();
    expect(definition.refresh).toBeUndefined();
    expect(definition.paceS).toBeUndefined();
    expect(definition.honoursBlackouts).toBe(false);
    expect(definition.summary).not.toBe('');
  });

  it('decides the same way twice from the same view: the decision is pure', () => {
    const v = view({ queue: fiveMoves, inFlight: [move('x', 's01', 1)] });
    expect(serialHealing.decide(serial, v, null)).toEqual(serialHealing.decide(serial, v, null));
  });
});
