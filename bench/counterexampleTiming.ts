/**
 * How long each expected counterexample takes to find and to shrink. One fast-check check
 * per seed, as checkProperty runs it (same arbitrary, same run count, same predicate); the
 * predicate notes the moment it first fails, so find = start → first failure and
 * shrink = first failure → end. Medians over the seeds that found a failure.
 */
import fc from 'fast-check';
import { catalog } from '../properties/catalog/index.ts';
import { DEFAULT_RUNS } from '../properties/checkProperty.ts';
import type { PropertyDefinition, PropertyVariant } from '../properties/propertyDefinition.ts';
import { runOnce, scenariosOf } from './propertyRuns.ts';
import type { CounterexampleTiming } from './report.ts';
import { median, round } from './stats.ts';

export const COUNTEREXAMPLE_SEEDS: readonly number[] = [20_090_313, 1, 42, 2_718_281, 31_415_926];

export interface ExpectedFailure {
  readonly definition: PropertyDefinition;
  readonly variant: PropertyVariant | null;
}

/** Every expectation 'fails' of the catalog: properties, then variants, in catalog order. */
export function expectedFailures(): ExpectedFailure[] {
  return catalog.flatMap((definition) => [
    ...(definition.expectation === 'fails' ? [{ definition, variant: null }] : []),
    ...(definition.variants ?? []).filter((v) => v.expectation === 'fails').map((variant) => ({ definition, variant })),
  ]);
}

interface SeedTiming {
  readonly found: boolean;
  readonly findMs: number;
  readonly shrinkMs: number;
  readonly shrinks: number;
}

function timeOneSeed({ definition, variant }: ExpectedFailure, seed: number): SeedTiming {
  let firstFailureAt: number | null = null;
  const property = fc.property(scenariosOf(definition, variant), (scenario) => {
    const holds = runOnce(definition, scenario);
    if (!holds && firstFailureAt === null) firstFailureAt = performance.now();
    return holds;
  });
  const started = performance.now();
  const details = fc.check(property, { seed, numRuns: definition.runs ?? DEFAULT_RUNS });
  const ended = performance.now();
  if (!details.failed || firstFailureAt === null) return { found: false, findMs: ended - started, shrinkMs: 0, shrinks: 0 };
  return { found: true, findMs: firstFailureAt - started, shrinkMs: ended - firstFailureAt, shrinks: details.numShrinks };
}

export function timeCounterexample(failure: ExpectedFailure, seeds: readonly number[] = COUNTEREXAMPLE_SEEDS): CounterexampleTiming {
  const timings = seeds.map((seed) => timeOneSeed(failure, seed));
  const found = timings.filter((t) => t.found);
  return {
    id: failure.definition.id,
    variant: failure.variant?.label ?? null,
    findMs: round(median(found.map((t) => t.findMs))),
    shrinkMs: round(median(found.map((t) => t.shrinkMs))),
    totalMs: round(median(found.map((t) => t.findMs + t.shrinkMs))),
    shrinks: median(found.map((t) => t.shrinks)),
    found: found.length,
    seeds: seeds.length,
  };
}

export function measureCounterexamples(onEach?: (timing: CounterexampleTiming) => void): CounterexampleTiming[] {
  return expectedFailures().map((failure) => {
    const timing = timeCounterexample(failure);
    onEach?.(timing);
    return timing;
  });
}
