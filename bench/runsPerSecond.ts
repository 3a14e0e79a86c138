/**
 * Complete fast-check runs per second (generate, simulate, check) for every catalog
 * property on one core. A `holds` property is timed through checkProperty itself (its
 * runs all pass, so it performs exactly the runs asked for). A `fails` property would stop
 * at its first failure and spend the rest shrinking, so its rate is taken over the same
 * number of runs with none stopping the check (propertyRuns.ts `checkAllRuns`): the rate
 * of generation, simulation and checking, failing runs included.
 */
import fc from 'fast-check';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { catalog } from '../properties/catalog/index.ts';
import { storageUnaffected } from '../properties/catalog/storageUnaffected.ts';
import { checkProperty } from '../properties/checkProperty.ts';
import type { PropertyDefinition } from '../properties/propertyDefinition.ts';
import { checkAllRuns, runOnce, scenariosOf } from './propertyRuns.ts';
import type { RunRate } from './report.ts';
import { round } from './stats.ts';

export const RUNS_SEED = 20_090_313;
const WARM_UP_RUNS = 10;

function serverRange(servers: readonly number[]): RunRate['servers'] {
  if (servers.length === 0) return { min: 0, mean: 0, max: 0 };
  return { min: Math.min(...servers), mean: round(servers.reduce((a, b) => a + b, 0) / servers.length), max: Math.max(...servers) };
}

function rate(runs: number, ms: number, method: RunRate['method'], servers: readonly number[]): RunRate {
  return { runs, ms: round(ms), runsPerSecond: round((runs * 1000) / ms), method, servers: serverRange(servers) };
}

export function measurePropertyRate(definition: PropertyDefinition, runs: number): RunRate {
  // A few runs first, so each property's own code is compiled before it is timed.
  checkAllRuns(definition, null, RUNS_SEED + 1, WARM_UP_RUNS);
  if (definition.expectation === 'holds') {
    const servers = fc.sample(scenariosOf(definition, null), { seed: RUNS_SEED, numRuns: runs }).map((s) => s.topology.servers.length);
    const started = performance.now();
    const result = checkProperty(definition, { seed: RUNS_SEED, runs });
    const ms = performance.now() - started;
    if (result.verdict === 'fails') throw new Error(`${definition.id}: expected holds, failed under seed ${RUNS_SEED}`);
    return rate(result.runs, ms, 'checkProperty', servers);
  }
  const started = performance.now();
  const all = checkAllRuns(definition, null, RUNS_SEED, runs);
  return rate(all.runs, performance.now() - started, 'all-runs', all.servers);
}

export function measureRunsPerSecond(runs: number, onProperty?: (id: string, rate: RunRate) => void): Record<string, RunRate> {
  const rates: Record<string, RunRate> = {};
  for (const definition of catalog) {
    rates[definition.id] = measurePropertyRate(definition, runs);
    onProperty?.(definition.id, rates[definition.id]!);
  }
  return rates;
}

/**
 * Runs per second on the 40-server incident topology: each run draws the healing policy
 * (or the incident as it happened), simulates the incident and checks storage-unaffected,
 * a property that reads any scenario.
 */
export function measureIncidentRunsPerSecond(runs: number): RunRate {
  const policies = fc.constantFrom(undefined, 'serial', 'parallel', 'adaptive', 'kubernetes' as const);
  const servers: number[] = [];
  const property = fc.property(policies.map(incidentScenario), (scenario) => {
    servers.push(scenario.topology.servers.length);
    return runOnce(storageUnaffected, scenario);
  });
  fc.assert(property, { seed: RUNS_SEED + 1, numRuns: WARM_UP_RUNS });
  servers.length = 0;
  const started = performance.now();
  fc.assert(property, { seed: RUNS_SEED, numRuns: runs });
  return rate(servers.length, performance.now() - started, 'all-runs', servers);
}
