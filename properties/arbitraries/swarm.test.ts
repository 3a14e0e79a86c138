/**
 * Swarm schedules: off, they are drawn exactly as before; on, a run uses only the kinds it
 * enabled, thinned to their weights; shrinking drops whole kinds; and every expected failure
 * of the catalog still shrinks to its smallest story, with swarm mode on and off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../model/faultSchedule.ts';
import { rackedServers } from '../../model/topology.ts';
import { catalog } from '../catalog/index.ts';
import { checkProperty, scenariosFor } from '../checkProperty.ts';
import { DEFAULT_SEED } from '../seeds.ts';
import { type FaultPlan, allOf, crashes, heartbeatLossFaults, managementRequests } from './faultArbitraries.ts';
import { dose, swarm, swarmPlan } from './swarm.ts';
import { withSwarmMode } from './swarmMode.ts';

const WINDOW = { fromS: 0, toS: 3600 };
const topology = { servers: rackedServers(4, 2, 2, 4), apps: [] };
const kinds = () => ({ crashes: crashes(WINDOW, [0, 4]), heartbeatLosses: heartbeatLossFaults(WINDOW, [0, 3], [30, 600]), portalRequests: managementRequests(WINDOW, [0, 4]) });
const schedules = (plans: fc.Arbitrary<FaultPlan>) => plans.map((plan) => plan(topology));
const fixed = (...faults: Fault[]): FaultPlan => () => faults;
const crash = (atS: number): Fault => ({ kind: 'crash', atS, serverId: 's00' });

describe('swarm schedules', () => {
  it('off: drawn exactly as the plain mix of every kind', () => {
    const plain = fc.tuple(...Object.values(kinds())).map((plans) => allOf(...plans));
    const off = withSwarmMode(false, () => swarm(kinds()));
    expect(fc.sample(schedules(off), { seed: DEFAULT_SEED, numRuns: 50 })).toEqual(fc.sample(schedules(plain), { seed: DEFAULT_SEED, numRuns: 50 }));
  });

  it('on: a run uses only the kinds it enabled, each thinned to its weight against the heaviest', () => {
    const plans = [fixed(crash(1), crash(2), crash(3), crash(4)), fixed({ kind: 'management-request', atS: 5, requestId: 'request0' }), fixed(crash(9))];
    expect(swarmPlan(plans, { enabled: [true, false, true], weights: [2, 4, 4] })(topology)).toEqual([crash(1), crash(2), crash(9)]);
    // Equal weights: every enabled kind in full.
    expect(swarmPlan(plans, { enabled: [true, true, false], weights: [1, 1, 3] })(topology)).toHaveLength(5);
    expect(dose([crash(1), crash(2), crash(3)], 1, 4)).toEqual([crash(1)]);
  });

  it('on: mixes vary from run to run, and atLeastOne never leaves a run without a kind', () => {
    const drawn = fc.sample(schedules(withSwarmMode(true, () => swarm(kinds(), { atLeastOne: true }))), { seed: DEFAULT_SEED, numRuns: 200 });
    const mixes = new Set(drawn.map((faults) => [...new Set(faults.map((f) => f.kind))].sort().join('+')));
    expect(mixes.size).toBeGreaterThanOrEqual(6);
    const kindsOnly = fc.sample(withSwarmMode(true, () => swarm({ one: fc.constant(fixed(crash(0))), other: fc.constant(fixed(crash(1))) }, { atLeastOne: true })), { seed: DEFAULT_SEED, numRuns: 200 });
    expect(kindsOnly.every((plan) => plan(topology).length > 0)).toBe(true);
  });

  it('on: shrinking drops the kinds a failure does not need', () => {
    const plans = withSwarmMode(true, () => swarm(kinds()));
    const details = fc.check(fc.property(schedules(plans), (faults) => !faults.some((f) => f.kind === 'crash')), { seed: DEFAULT_SEED, numRuns: 200 });
    expect(details.failed).toBe(true);
    expect(details.counterexample![0].map((f) => f.kind)).toEqual(['crash']);
  });
});

/** Whether swarm mode changes what a check draws (generators without a swarm draw the same in both modes). */
function swarmChoosesKinds(...[definition, variant]: Parameters<typeof scenariosFor>): boolean {
  const sample = (swarmOn: boolean) => JSON.stringify(fc.sample(scenariosFor(definition, variant, swarmOn), { seed: DEFAULT_SEED, numRuns: 30 }));
  return sample(true) !== sample(false);
}

describe('every expected failure shrinks to its smallest story, swarm on and off', () => {
  for (const property of catalog) {
    for (const variant of [undefined, ...(property.variants ?? [])]) {
      if ((variant?.expectation ?? property.expectation) !== 'fails') continue;
      it(`${property.id}${variant ? ` (${variant.label})` : ''}`, () => {
        // Where swarm has no kinds to choose, both modes draw the same runs: one check covers both.
        const modes = swarmChoosesKinds(property, variant, true) ? [true, false] : [true];
        for (const swarmOn of modes) {
          const result = checkProperty(property, { seed: DEFAULT_SEED, swarm: swarmOn, ...(variant ? { variant } : {}) });
          const mode = `swarm ${swarmOn ? 'on' : 'off'}`;
          expect(result.verdict, mode).toBe('fails');
          if (result.minimality) expect(result.minimality.detail, `${mode}: ${result.minimality.expected}`).toBeNull();
        }
      });
    }
  }

  it('swarm chooses kinds in the generators that mix optional ones', () => {
    const choosing = catalog.filter((p) => swarmChoosesKinds(p, undefined, true)).map((p) => p.id);
    expect(choosing).toEqual([
      'recovery-eventually-completes',
      'backlog-drains-after-trigger',
      'management-responsive-shared-queue',
      'management-responsive-own-lane',
      'no-duplicate-running-instance',
      'capacity-and-spread-respected',
      'upgrade-terminates',
      'halt-bounds-upgrade-damage',
      'alert-raised-in-time',
      'storage-unaffected',
    ]);
  });
});
