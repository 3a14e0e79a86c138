/**
 * The library's calls with the user's healing policies passed in: known inside the call only,
 * a broken policy named in the error the call throws (never thrown later from inside XState),
 * and a campaign holding a policy object to the policy bar in its own thread.
 */
import { describe, expect, it } from 'vitest';
import { HealingPolicyFailure, UnknownHealingPolicyError, type UserHealingPolicy } from '../model/healingPolicies/registry.ts';
import { everyDomainLooksDead } from '../model/healingView.ts';
import { propertyById } from './catalog/index.ts';
import { checkProperty, runCampaign } from './libraryCalls.ts';

const seed = 20090313;

/** One move at a time, none while every domain looks dead (and a fresh grace period after a blackout); portal requests at once. */
const oneAtATime: UserHealingPolicy = {
  kind: 'libraryTest.oneAtATime',
  honoursBlackouts: true,
  decide(_params, view) {
    let moving = view.inFlight.some((work) => work.kind === 'move') || everyDomainLooksDead(view.faultDomains);
    const start: number[] = [];
    view.queue.forEach((work, index) => {
      if (work.kind === 'management') start.push(index);
      else if (!moving) {
        moving = true;
        start.push(index);
      }
    });
    return { start, memory: null };
  },
};

const flaky: UserHealingPolicy = {
  kind: 'libraryTest.flaky',
  decide(_params, view) {
    if (view.queue.some((work) => work.kind === 'move')) throw new Error('lost my tokens');
    return { start: [], memory: null };
  },
};

const recovery = propertyById('recovery-eventually-completes')!;
const underPolicy = (kind: string) => ({ label: `policy ${kind}`, policy: { healing: { kind } }, expectation: 'holds' as const });

describe('checkProperty with healingPolicies', () => {
  it("runs the catalog's property under the user's policy", () => {
    const result = checkProperty(recovery, { seed, runs: 10, healingPolicies: [oneAtATime], variant: underPolicy(oneAtATime.kind) });
    expect(result.policy).toBe('libraryTest.oneAtATime');
    expect(result.verdict).toBe('holds');
  });

  it('without the policy passed, names the unknown kind (the runs are not judged)', () => {
    expect(() => checkProperty(recovery, { seed, runs: 2, variant: underPolicy(oneAtATime.kind) })).toThrow(UnknownHealingPolicyError);
    expect(() => checkProperty(recovery, { seed, runs: 2, variant: underPolicy(oneAtATime.kind) })).toThrow('no healing policy of kind "libraryTest.oneAtATime"');
  });

  it('throws a HealingPolicyFailure naming a policy whose decision throws', () => {
    expect(() => checkProperty(recovery, { seed, runs: 5, healingPolicies: [flaky], variant: underPolicy(flaky.kind) })).toThrow(HealingPolicyFailure);
    expect(() => checkProperty(recovery, { seed, runs: 5, healingPolicies: [flaky], variant: underPolicy(flaky.kind) })).toThrow('healing policy "libraryTest.flaky": decide threw: lost my tokens');
  });
});

describe('runCampaign with a policy object', () => {
  const config = { name: 'policy bar', campaign: { properties: ['recovery-eventually-completes', 'all-suspect-stops-healing'] } };
  const options = { seed, runs: 8, shard: null };

  it("holds it to the policy bar in the campaign's own thread", async () => {
    const run = await runCampaign(config, { ...options, healingPolicies: [oneAtATime], policy: { params: { kind: oneAtATime.kind } } });
    expect(run.complete).toBe(true);
    expect(run.results.map((r) => [r.id, r.variant, r.verdict])).toEqual([
      ['recovery-eventually-completes', 'policy libraryTest.oneAtATime', 'holds'],
      ['all-suspect-stops-healing', 'policy libraryTest.oneAtATime', 'holds'],
    ]);
  });

  it('stops at a policy that breaks its contract: incomplete, the failure named', async () => {
    const run = await runCampaign(config, { ...options, healingPolicies: [flaky], policy: { params: { kind: flaky.kind } } });
    expect(run.complete).toBe(false);
    expect(run.policyFailure).toBe('healing policy "libraryTest.flaky": decide threw: lost my tokens (checking recovery-eventually-completes, policy libraryTest.flaky)');
  });

  it('refuses policy objects with worker threads, which cannot receive functions', async () => {
    await expect(runCampaign(config, { ...options, workers: 2, healingPolicies: [oneAtATime], policy: { params: { kind: oneAtATime.kind } } })).rejects.toThrow(
      'healingPolicies given as objects run in this thread only',
    );
  });
});
