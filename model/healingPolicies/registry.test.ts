import { describe, expect, it } from 'vitest';
import type { HealingPolicyDefinition } from '../healingPolicy.ts';
import { healingPolicyNamed } from '../policy.ts';
import { adaptiveHealing } from './adaptiveHealing.ts';
import { parallelHealing, serialHealing } from './concurrencyLimit.ts';
import { viewWith } from './healingViewFixture.ts';
import { kubernetesEviction } from './kubernetesEviction.ts';
import {
  BUILT_IN_HEALING_POLICIES,
  UnknownHealingPolicyError,
  healingPolicyDefinition,
  registerHealingPolicy,
  registeredHealingPolicyKinds,
} from './registry.ts';

/** Starts the newest queued piece of work, one at a time. */
const newestFirst: HealingPolicyDefinition<{ kind: 'registryTest.newestFirst' }, null> = {
  kind: 'registryTest.newestFirst',
  summary: 'the newest work first, one at a time',
  honoursBlackouts: false,
  initialMemory: () => null,
  decide: (_params, view) => ({ start: view.inFlight.length === 0 && view.queue.length > 0 ? [view.queue.length - 1] : [], memory: null }),
};

describe('the healing policy registry', () => {
  it('holds the four built-in policies under their kinds', () => {
    expect(BUILT_IN_HEALING_POLICIES.map((d) => d.kind)).toEqual(['serial', 'parallel', 'adaptive', 'kubernetes']);
    expect(healingPolicyDefinition('serial')).toBe(serialHealing);
    expect(healingPolicyDefinition('parallel')).toBe(parallelHealing);
    expect(healingPolicyDefinition('adaptive')).toBe(adaptiveHealing);
    expect(healingPolicyDefinition('kubernetes')).toBe(kubernetesEviction);
    expect(registeredHealingPolicyKinds()).toEqual(expect.arrayContaining(['serial', 'parallel', 'adaptive', 'kubernetes']));
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

  it('looks up a policy registered by the user', () => {
    registerHealingPolicy(newestFirst);
    expect(healingPolicyDefinition('registryTest.newestFirst')).toBe(newestFirst);
    expect(registeredHealingPolicyKinds()).toContain('registryTest.newestFirst');
  });

  it('lets a user policy be registered again under its own kind, the newer definition winning', () => {
    const again = { ...newestFirst, summary: 'again' };
    registerHealingPolicy(newestFirst);
    registerHealingPolicy(again);
    expect(healingPolicyDefinition('registryTest.newestFirst')).toBe(again);
  });

  it.each(['serial', 'parallel', 'adaptive', 'kubernetes'])('refuses to replace the built-in %s policy', (kind) => {
    const impostor = { ...newestFirst, kind } as HealingPolicyDefinition;
    expect(() => registerHealingPolicy(impostor)).toThrow(`healing policy kind "${kind}" is built in`);
    expect(healingPolicyDefinition(kind)).toBe(BUILT_IN_HEALING_POLICIES.find((d) => d.kind === kind));
  });

  it('names the known kinds when asked for an unknown one', () => {
    registerHealingPolicy(newestFirst);
    expect(() => healingPolicyDefinition('fifo')).toThrow(UnknownHealingPolicyError);
    expect(() => healingPolicyDefinition('fifo')).toThrow(/no healing policy of kind "fifo" \(known: serial, parallel, adaptive, kubernetes, .*registryTest\.newestFirst/);
  });
});
