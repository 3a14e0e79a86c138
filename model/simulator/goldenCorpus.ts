/**
 * A fixed corpus of scenarios whose traces are hashed: the proof that a change to how fast the
 * simulator runs changes nothing it decides. Its generator is its own (not the catalog's
 * arbitraries, which may change for other reasons) and reaches every fault kind, every
 * built-in healing policy, both management lanes, fencing on and off, both upgrade gates, halt
 * budgets, and the scaled incident under each policy.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Fault } from '../faultSchedule.ts';
import { type BuiltInHealingPolicy, type HealingPolicyKind, healingPolicyNamed } from '../policy.ts';
import type { Scenario } from '../scenario.ts';
import { incidentScenario } from '../scenarios/incident20090313.ts';
import { defaultTimings } from '../timings.ts';
import { type AppSpec, rackedServers } from '../topology.ts';
import { simulate } from './simulate.ts';

export const GOLDEN_SEED = 15_2026;
export const GOLDEN_RANDOM_SCENARIOS = 240;
const HOUR_S = 3600;

const healingArbitrary: fc.Arbitrary<BuiltInHealingPolicy> = fc.oneof(
  fc.record({ kind: fc.constant('serial' as const), concurrency: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('parallel' as const), concurrency: fc.constantFrom(2, 5, 1_000_000) }),
  fc.record({
    kind: fc.constant('adaptive' as const),
    narrowConcurrency: fc.integer({ min: 1, max: 3 }),
    wideConcurrency: fc.constantFrom(4, 1_000_000),
    unhealthyThreshold: fc.constantFrom(0.3, 0.55),
  }),
  fc.record({
    kind: fc.constant('kubernetes' as const),
    evictionRatePerS: fc.constantFrom(0.1, 0.01),
    secondaryEvictionRatePerS: fc.constantFrom(0.01, 0),
    largeClusterSizeThreshold: fc.constantFrom(3, 50),
    unhealthyZoneThreshold: fc.constantFrom(0.3, 0.55),
  }),
);

function appsOf(shape: readonly (readonly number[])[]): AppSpec[] {
  return shape.map((roles, a) => ({ id: `app${a}`, roles: roles.map((instances, r) => ({ id: `r${r}`, instances })) }));
}

const plannedFault = fc.record({
  kind: fc.constantFrom<Fault['kind']>('crash', 'rack-failure', 'heartbeat-loss', 'heartbeat-loss', 'network-degradation', 'management-request', 'operator-parallel', 'upgrade-start', 'storage-write'),
  atS: fc.integer({ min: 0, max: 6 * HOUR_S }),
  server: fc.nat(),
  durationS: fc.integer({ min: 1, max: 2 * HOUR_S }),
  latencyS: fc.constantFrom(60, 700, 1200),
});

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    servers: fc.integer({ min: 1, max: 24 }),
    faultDomains: fc.integer({ min: 1, max: 3 }),
    updateDomains: fc.integer({ min: 1, max: 5 }),
    capacity: fc.integer({ min: 1, max: 4 }),
    apps: fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
    healing: healingArbitrary,
    management: fc.constantFrom('shared-queue' as const, 'own-lane' as const),
    fencing: fc.boolean(),
    upgradeGate: fc.constantFrom('continue-after-timeout' as const, 'gated-on-recovery' as const),
    haltBudget: fc.option(fc.integer({ min: 0, max: 3 })),
    alertThreshold: fc.integer({ min: 1, max: 4 }),
    repairS: fc.constantFrom(600, 3600, 43_200),
    detectionTimeoutS: fc.constantFrom(60, 120, 300),
    faults: fc.array(plannedFault, { maxLength: 12 }),
  })
  .map((d): Scenario => {
    const servers = rackedServers(d.servers, d.faultDomains, d.updateDomains, d.capacity);
    const faults = d.faults.map((f, i): Fault => {
      const serverId = servers[f.server % servers.length]!.id;
      switch (f.kind) {
        case 'crash':
          return { kind: 'crash', atS: f.atS, serverId };
        case 'rack-failure':
          return { kind: 'rack-failure', atS: f.atS, faultDomain: f.server % d.faultDomains };
        case 'heartbeat-loss':
          return { kind: 'heartbeat-loss', atS: f.atS, serverId, durationS: f.durationS };
        case 'network-degradation':
          return { kind: 'network-degradation', atS: f.atS, durationS: f.durationS, latencyS: f.latencyS };
        case 'management-request':
          return { kind: 'management-request', atS: f.atS, requestId: `req${i}` };
        case 'operator-parallel':
          return { kind: 'operator-parallel', atS: f.atS };
        case 'upgrade-start':
          return { kind: 'upgrade-start', atS: f.atS };
        case 'storage-write':
          return { kind: 'storage-write', atS: f.atS, writeId: `w${i}` };
      }
    });
    // Apps beyond what half the fabric holds would mostly fail placement: keep those that fit.
    const room = Math.max(1, Math.floor((d.servers * d.capacity) / 2));
    const shape: number[][] = [];
    let instances = 0;
    for (const roles of d.apps) {
      const count = roles.reduce((a, b) => a + b, 0);
      if (shape.length > 0 && instances + count > room) break;
      shape.push(roles);
      instances += count;
    }
    return {
      name: 'golden',
      topology: { servers, apps: appsOf(shape) },
      policy: { healing: d.healing, management: d.management, fencing: d.fencing, upgradeGate: d.upgradeGate, haltBudget: d.haltBudget, alertThreshold: d.alertThreshold },
      timings: { ...defaultTimings, repairS: d.repairS, detectionTimeoutS: d.detectionTimeoutS },
      faults,
      horizonS: 24 * HOUR_S,
    };
  });

const POLICIES: readonly (HealingPolicyKind | undefined)[] = [undefined, 'serial', 'parallel', 'adaptive', 'kubernetes'];

/** The scaled incident (bench/scaledIncident.ts's shape, restated so the model does not import the bench). */
function scaledIncident(servers: number, healing: HealingPolicyKind | undefined): Scenario {
  const incident = incidentScenario(healing);
  const apps: AppSpec[] = [];
  for (let i = 0; i < servers; i++) apps.push({ id: `solo${String(i).padStart(3, '0')}`, roles: [{ id: 'web', instances: 1 }] });
  for (let i = 0; i < Math.round(servers / 4); i++) {
    apps.push({ id: `pair${String(i).padStart(3, '0')}`, roles: [{ id: 'web', instances: 2 }, { id: 'worker', instances: 2 }] });
  }
  return { ...incident, name: `${incident.name}-x${servers}`, topology: { ...incident.topology, servers: rackedServers(servers, 2, 5, 6), apps } };
}

export function goldenScenarios(): Scenario[] {
  const random = fc.sample(scenarioArbitrary, { seed: GOLDEN_SEED, numRuns: GOLDEN_RANDOM_SCENARIOS }).map((s, n) => ({ ...s, name: `golden-${n}` }));
  const incidents = POLICIES.flatMap((healing) => [incidentScenario(healing), scaledIncident(150, healing)]);
  // A policy from the catalog's names, so the defaults DESIGN.md gives are covered too.
  const named = (['serial', 'parallel', 'adaptive', 'kubernetes'] as const).map((kind, i) => ({ ...random[i]!, name: `golden-named-${kind}`, policy: { ...random[i]!.policy, healing: healingPolicyNamed(kind) } }));
  return [...random, ...named, ...incidents];
}

/** One line per scenario: its name and the SHA-256 of its whole trace (or of the error it raised). */
export function goldenTraceHashes(scenarios: readonly Scenario[] = goldenScenarios()): string[] {
  return scenarios.map((scenario) => {
    let text: string;
    try {
      text = JSON.stringify(simulate(scenario));
    } catch (error) {
      text = `error: ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`;
    }
    return `${scenario.name} ${createHash('sha256').update(text).digest('hex')}`;
  });
}

export function goldenHash(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

// `npx tsx model/simulator/goldenCorpus.ts [file]`: print the corpus hash (and write each scenario's line to file, to find which one differs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = goldenTraceHashes();
  if (process.argv[2]) writeFileSync(process.argv[2], `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.length} scenarios, corpus hash ${goldenHash(lines)}\n`);
}
