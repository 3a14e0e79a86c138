import { describe, expect, it } from 'vitest';
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { InputError } from '../inputError.ts';
import { healingPolicyNamed } from '../policy.ts';
import { adaptiveHealing } from './adaptiveHealing.ts';
import { parallelHealing, serialHealing } from './concurrencyLimit.ts';
import { move, viewWith } from './healingViewFixture.ts';
import { kubernetesEviction } from './kubernetesEviction.ts';
import {
  BUILT_IN_HEALING_POLICIES,
  HealingPolicyFailure,
  UnknownHealingPolicyError,
  healingPolicies,
  healingPolicyDefinition,
  knownHealingPolicyKinds,
  withHealingPolicies,
} from './registry.ts';

/** Starts the newest queued piece of work, one at a time. */
const newestFirst: HealingPolicyDefinition<{ kind: 'registryTest.newestFirst' }, null> = {
  kind: 'registryTest.newestFirst',
  summary: 'the newest work first, one at a time',
  honoursBlackouts: false,
  initialMemory: () => null,
  decide: (_params, view) => ({ start: view.inFlight.length === 0 && view.queue.length > 0 ? [view.queue.length - 1] : [], memory: null }),
};

const twoQueued = viewWith({ queue: [move('a/x/0', 's00', 0), move('b/x/0', 's00', 0)] });

/** The issues an InputError carries, or a failure if `run` does not throw one. */
function issuesOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error('no InputError');
}

describe('the built-in healing policies', () => {
  it('are known everywhere under their kinds', () => {
    expect(BUILT_IN_HEALING_POLICIES.map((d) => d.kind)).toEqual(['serial', 'parallel', 'adaptive', 'kubernetes']);
    expect(healingPolicyDefinition('serial')).toBe(serialHealing);
    expect(healingPolicyDefinition('parallel')).toBe(parallelHealing);
    expect(healingPolicyDefinition('adaptive')).toBe(adaptiveHealing);
    expect(healingPolicyDefinition('kubernetes')).toBe(kubernetesEviction);
    expect(knownHealingPolicyKinds()).toEqual(['serial', 'parallel', 'adaptive', 'kubernetes']);
  });

  it.each(BUILT_IN_HEALING_POLICIES.map((d) => [d.kind, d.summary]))('describes the built-in %s policy in one line for reports', (_kind, summary) => {
    expect(summary).toMatch(/^\S.*\S$/);
    expect(summary).not.toContain('\n');
  });

  it.each(['serial', 'parallel', 'adaptive', 'kubernetes'] as const)('the built-in %s policy starts nothing while nothing waits', (kind) => {
    const params = healingPolicyNamed(kind);
    const definition = healingPolicyDefinition(kind);
    const idle = viewWith({});
    expect(definition.decide(params, idle, definition.initialMemory(params, idle)).start).toEqual([]);
  });
});

describe("the user's healing policies, passed in", () => {
  it('are known inside the call they were passed to, and forgotten after it', () => {
    const inside = withHealingPolicies([newestFirst], () => {
      expect(knownHealingPolicyKinds()).toEqual(['serial', 'parallel', 'adaptive', 'kubernetes', 'registryTest.newestFirst']);
      return healingPolicyDefinition('registryTest.newestFirst');
    });
    expect(inside.summary).toBe(newestFirst.summary);
    expect(inside.decide({ kind: 'registryTest.newestFirst' }, twoQueued, null)).toEqual({ start: [1], memory: null });
    expect(() => healingPolicyDefinition('registryTest.newestFirst')).toThrow(UnknownHealingPolicyError);
    expect(knownHealingPolicyKinds()).not.toContain('registryTest.newestFirst');
  });

  it('two calls running at once each see only their own policy of a kind', async () => {
    const slow = { ...newestFirst, summary: 'slow' };
    const fast = { ...newestFirst, summary: 'fast' };
    const seen = await Promise.all(
      [slow, fast].map((policy, i) =>
        withHealingPolicies([policy], async () => {
          await new Promise((resolve) => setTimeout(resolve, 20 - 10 * i));
          return healingPolicyDefinition('registryTest.newestFirst').summary;
        }),
      ),
    );
    expect(seen).toEqual(['slow', 'fast']);
  });

  it('an inner call sees the outer policies too, its own winning a kind both give', () => {
    const other = { ...newestFirst, kind: 'registryTest.other' };
    const closer = { ...newestFirst, summary: 'closer' };
    withHealingPolicies([newestFirst], () =>
      withHealingPolicies([other, closer], () => {
        expect(knownHealingPolicyKinds()).toEqual(['serial', 'parallel', 'adaptive', 'kubernetes', 'registryTest.newestFirst', 'registryTest.other']);
        expect(healingPolicyDefinition('registryTest.newestFirst').summary).toBe('closer');
      }),
    );
  });

  it('need only a kind and a decision: the rest have their documented defaults', () => {
    const [definition] = healingPolicies([{ kind: 'registryTest.minimal', decide: () => ({ start: [0], memory: 'm' }) }]).definitions();
    expect(definition).toMatchObject({ kind: 'registryTest.minimal', summary: "a policy of the user's own", honoursBlackouts: false });
    expect(definition!.initialMemory({ kind: 'registryTest.minimal' }, twoQueued)).toBeNull();
    expect(definition!.refresh).toBeUndefined();
    expect(definition!.paceS).toBeUndefined();
  });

  it('the same policy given twice is one policy; two policies of one kind are an error naming both places', () => {
    expect(healingPolicies([newestFirst, newestFirst]).kinds()).toEqual(['registryTest.newestFirst']);
    const set = healingPolicies([newestFirst]);
    expect(set.with(set).kinds()).toEqual(['registryTest.newestFirst']);
    expect(issuesOf(() => healingPolicies([newestFirst, { ...newestFirst, decide: () => ({ start: [], memory: null }) }]))).toEqual([
      { path: 'healingPolicies.1.kind', expected: 'a kind not given before (healingPolicies.0 is already "registryTest.newestFirst")', received: '"registryTest.newestFirst"' },
    ]);
  });

  it.each(['serial', 'parallel', 'adaptive', 'kubernetes'])('may not take the built-in kind %s', (kind) => {
    expect(issuesOf(() => healingPolicies([{ ...newestFirst, kind }]))).toEqual([
      { path: 'healingPolicies.0.kind', expected: 'a kind of your own (serial, parallel, adaptive, kubernetes are built in)', received: JSON.stringify(kind) },
    ]);
    expect(withHealingPolicies([], () => healingPolicyDefinition(kind))).toBe(BUILT_IN_HEALING_POLICIES.find((d) => d.kind === kind));
  });

  it('of the wrong shape are refused, each field named with what was expected', () => {
    expect(issuesOf(() => healingPolicies([42 as never, { kind: '', decide: 'soon', honoursBlackouts: 'yes', paceS: 10 } as never]))).toEqual([
      { path: 'healingPolicies.0', expected: 'a healing policy definition (an object with kind and decide)', received: 'number' },
      { path: 'healingPolicies.1.kind', expected: 'a non-empty string', received: '""' },
      { path: 'healingPolicies.1.decide', expected: 'a function (params, view, memory) => { start, memory }', received: '"soon"' },
      { path: 'healingPolicies.1.honoursBlackouts', expected: 'a boolean or nothing (it has a default)', received: '"yes"' },
      { path: 'healingPolicies.1.paceS', expected: 'a function or nothing (it has a default)', received: 'number' },
    ]);
    expect(issuesOf(() => healingPolicies({} as never))).toEqual([{ path: 'healingPolicies', expected: 'an array of healing policy definitions', received: 'object' }]);
  });

  it('names an unknown kind and every kind known there: at once outside a call, when the call returns inside one', () => {
    expect(() => healingPolicyDefinition('fifo')).toThrow('no healing policy of kind "fifo" (known: serial, parallel, adaptive, kubernetes; pass your own with healingPolicies or --policy)');
    let standIn: unknown = null;
    const call = () =>
      withHealingPolicies([newestFirst], () => {
        // Inside the call the controller gets a policy that starts nothing, so the run can end without XState rethrowing later.
        const definition = healingPolicyDefinition('fifo');
        standIn = definition.decide({ kind: 'fifo' }, twoQueued, 'kept');
        return 'a result';
      });
    expect(call).toThrow(UnknownHealingPolicyError);
    expect(call).toThrow('no healing policy of kind "fifo" (known: serial, parallel, adaptive, kubernetes, registryTest.newestFirst; pass your own with healingPolicies or --policy)');
    expect(standIn).toEqual({ start: [], memory: 'kept' });
  });
});

describe("a user's policy that breaks its contract while deciding", () => {
  const broken = (decide: HealingPolicyDefinition['decide'], extra: Partial<HealingPolicyDefinition> = {}) => healingPolicies([{ kind: 'registryTest.broken', decide, ...extra }]).get('registryTest.broken')!;
  const params = { kind: 'registryTest.broken' };

  it.each<[string, HealingPolicyDefinition['decide'], string]>([
    ['throws', () => { throw new Error('no tokens left'); }, 'healing policy "registryTest.broken": decide threw: no tokens left'],
    ['returns nothing', () => undefined as never, 'healing policy "registryTest.broken": decide returned undefined; expected { start: queue indexes, memory }'],
    ['returns no start list', () => ({ start: 0, memory: null }) as never, 'healing policy "registryTest.broken": decide returned number as start; expected { start: queue indexes, memory }'],
    ['starts work past the queue', () => ({ start: [0, 2], memory: null }), 'healing policy "registryTest.broken": decide returned start [0,2]; expected ascending indexes into the queue of 2'],
    ['starts work out of queue order', () => ({ start: [1, 0], memory: null }), 'healing policy "registryTest.broken": decide returned start [1,0]; expected ascending indexes into the queue of 2'],
    ['starts half a piece of work', () => ({ start: [0.5], memory: null }), 'healing policy "registryTest.broken": decide returned start [0.5]; expected ascending indexes into the queue of 2'],
  ])('is named when it %s', (_what, decide, message) => {
    const definition = broken(decide);
    expect(() => definition.decide(params, twoQueued, null)).toThrow(HealingPolicyFailure);
    expect(() => definition.decide(params, twoQueued, null)).toThrow(message);
  });

  it('inside a call, stands still for the rest of the run and the call throws the first failure when it returns', async () => {
    const definition = broken(() => {
      throw new Error('first');
    });
    const decisions: unknown[] = [];
    const call = () =>
      withHealingPolicies([definition], () => {
        decisions.push(definition.decide(params, twoQueued, 'm1'), definition.decide(params, twoQueued, 'm2'));
        return 'a result computed under a broken policy';
      });
    expect(call).toThrow('healing policy "registryTest.broken": decide threw: first');
    expect(decisions).toEqual([
      { start: [], memory: 'm1' },
      { start: [], memory: 'm2' },
    ]);
    await expect(withHealingPolicies([definition], async () => definition.decide(params, twoQueued, null))).rejects.toThrow(HealingPolicyFailure);
  });

  it('is named when its memory, refresh or pace throws', () => {
    const fail = () => {
      throw new Error('boom');
    };
    const definition = broken(() => ({ start: [], memory: null }), { initialMemory: fail, refresh: fail, paceS: fail });
    expect(() => definition.initialMemory(params, twoQueued)).toThrow('healing policy "registryTest.broken": initialMemory threw: boom');
    expect(() => definition.refresh!(params, twoQueued, null)).toThrow('healing policy "registryTest.broken": refresh threw: boom');
    expect(() => definition.paceS!(params, {} as never)).toThrow('healing policy "registryTest.broken": paceS threw: boom');
  });
});
