/**
 * A counterexample as a file: the whole scenario (topology, policy, timings, the shrunk
 * fault schedule), the property it breaks, and the seed and path fast-check found it with.
 * Replaying it needs no generator: the scenario alone gives the identical trace.
 */
import * as v from 'valibot';
import { InputError } from '../model/inputError.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ZoneRules } from '../model/zoneState.ts';
import { issuesOf, scenarioSchema, checkScenario } from '../model/scenarioSchema.ts';
import type { Violation } from './propertyDefinition.ts';

export const COUNTEREXAMPLE_FORMAT = 'fabric-verify/counterexample@1';

export interface Counterexample {
  readonly format: typeof COUNTEREXAMPLE_FORMAT;
  readonly propertyId: string;
  /** The variant label when the property ran under another policy; null for the catalog's own. */
  readonly variant: string | null;
  readonly seed: number;
  /** fast-check's replay path (`fc.check(..., { seed, path })`) of the shrunk case. */
  readonly path: string;
  readonly shrinks: number;
  readonly violation: Violation;
  readonly scenario: Scenario;
  /** Set when an exhaustive exploration found it (`fabric-verify explore`; then `seed` is 0 and `path` empty). */
  readonly exhaustive?: ExhaustiveOrigin;
  /**
   * What the property judged by beyond the scenario, for a property built from a user's own
   * cluster rather than taken from the catalog: `pdb-respected`'s PodDisruptionBudget floors,
   * by app. With them the file replays on its own, without the manifests.
   */
  readonly budgets?: Readonly<Record<string, BudgetFloor>>;
  /** `eviction-rate-limited`'s node lifecycle rules and the zones' names by fault domain (a cluster's). */
  readonly zones?: ZonesJudged;
}

export interface ZonesJudged {
  readonly rules: ZoneRules;
  /** The zone label of each fault domain, in their order. */
  readonly names: readonly string[];
}

/** An app's PodDisruptionBudget as pdb-respected judges it: the pods that must keep serving through a drain. */
export interface BudgetFloor {
  /** `PodDisruptionBudget/namespace/name`. */
  readonly pdb: string;
  readonly minAvailable: number;
}

/** The bound an exhaustive exploration searched, breadth-first, and where in it the counterexample lies. */
export interface ExhaustiveOrigin {
  readonly maxFaults: number;
  readonly horizonS: number;
  readonly granularityS: number;
  readonly settleS: number;
  /** The choice point whose stretch showed the violation (its time is depth × granularityS). */
  readonly depth: number;
}

const counterexampleSchema = v.strictObject({
  format: v.literal(COUNTEREXAMPLE_FORMAT),
  propertyId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  variant: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  seed: v.pipe(v.number(), v.integer()),
  path: v.pipe(v.string(), v.maxLength(100_000)),
  shrinks: v.pipe(v.number(), v.integer(), v.minValue(0)),
  violation: v.strictObject({ atS: v.pipe(v.number(), v.minValue(0)), expected: v.string(), seen: v.string() }),
  scenario: scenarioSchema,
  exhaustive: v.optional(
    v.strictObject({
      maxFaults: v.pipe(v.number(), v.integer(), v.minValue(0)),
      horizonS: v.pipe(v.number(), v.integer(), v.minValue(0)),
      granularityS: v.pipe(v.number(), v.integer(), v.minValue(1)),
      settleS: v.pipe(v.number(), v.integer(), v.minValue(0)),
      depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
  zones: v.optional(
    v.strictObject({
      rules: v.strictObject({
        evictionRatePerS: v.pipe(v.number(), v.minValue(0)),
        secondaryEvictionRatePerS: v.pipe(v.number(), v.minValue(0)),
        largeClusterSizeThreshold: v.pipe(v.number(), v.integer(), v.minValue(0)),
        unhealthyZoneThreshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      }),
      names: v.array(v.pipe(v.string(), v.minLength(1))),
    }),
  ),
  budgets: v.optional(v.record(v.pipe(v.string(), v.minLength(1)), v.strictObject({ pdb: v.pipe(v.string(), v.minLength(1)), minAvailable: v.pipe(v.number(), v.integer(), v.minValue(0)) }))),
});

/** Parse a counterexample file's contents; throws InputError naming every bad field. */
export function parseCounterexample(input: unknown, source = 'counterexample'): Counterexample {
  const result = v.safeParse(counterexampleSchema, input);
  if (!result.success) throw new InputError(source, issuesOf(result.issues));
  const counterexample = result.output as Counterexample;
  const problems = checkScenario(counterexample.scenario).map((p) => ({ ...p, path: `scenario.${p.path}` }));
  if (problems.length > 0) throw new InputError(source, problems);
  return counterexample;
}

export function counterexampleFileName(counterexample: Pick<Counterexample, 'propertyId' | 'variant'>): string {
  const variant = counterexample.variant ? `--${counterexample.variant.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}` : '';
  return `${counterexample.propertyId}${variant}.json`;
}
