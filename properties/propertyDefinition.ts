/**
 * What a catalog property is: a statement about every run its hypothesis allows, checked on
 * the trace; what we expect (`holds`, or `fails` with a known smallest story); and the
 * situations a `holds` must actually have seen before it means anything.
 */
import type fc from 'fast-check';
import type { ControllerPolicy } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import type { Counterexample } from './counterexample.ts';

export type Expectation = 'holds' | 'fails';
/** `inconclusive`: a clean run whose must-see situations were still undecided at the coverage cap (properties/mustSeeJudgement.ts). */
export type Verdict = 'holds' | 'fails' | 'vacuous' | 'inconclusive';

/** A broken property, as data: where and when, what was expected, what was seen. */
export interface Violation {
  readonly atS: number;
  readonly expected: string;
  readonly seen: string;
}

/** A situation the runs must reach for a clean `holds` to mean something. */
export interface MustSee {
  readonly id: string;
  readonly description: string;
  /** The share of runs (0–1) that must reach it. */
  readonly minShare: number;
  readonly reached: (scenario: Scenario, trace: Trace) => boolean;
}

/** The smallest story we expect a `fails` property to shrink to, and how to check it. */
export interface ExpectedCounterexample {
  readonly description: string;
  /** Null when the shrunk counterexample is as small as expected; otherwise why not. */
  readonly notMinimal: (scenario: Scenario, trace: Trace) => string | null;
}

/** A variant checks the same statement under another policy, with its own expectation. */
export interface PropertyVariant {
  readonly label: string;
  readonly policy: Partial<ControllerPolicy>;
  /** Any other change the variant makes to every generated scenario. */
  readonly adjust?: (scenario: Scenario) => Scenario;
  readonly expectation: Expectation;
  readonly expectedCounterexample?: ExpectedCounterexample;
}

export interface PropertyDefinition {
  readonly id: string;
  readonly statement: string;
  readonly hypothesis: string;
  readonly expectation: Expectation;
  readonly expectedCounterexample?: ExpectedCounterexample;
  readonly mustSee: readonly MustSee[];
  /** Scenarios the hypothesis allows, under the given policy override. */
  readonly scenarios: (policy?: Partial<ControllerPolicy>) => fc.Arbitrary<Scenario>;
  readonly check: (scenario: Scenario, trace: Trace) => Violation | null;
  /** Recovery properties: the durations (s) this run measured, and the bound they face. */
  readonly measure?: (scenario: Scenario, trace: Trace) => { readonly durationsS: readonly number[]; readonly boundS: number };
  readonly variants?: readonly PropertyVariant[];
  /** What a counterexample file must carry to replay this property without its source (see Counterexample.budgets). */
  readonly replayedWith?: Pick<Counterexample, 'budgets' | 'zones'>;
  /** Runs by default; properties whose runs are costly may ask for fewer. */
  readonly runs?: number;
}

export function withPolicy(scenario: Scenario, policy: Partial<ControllerPolicy> | undefined): Scenario {
  return policy === undefined ? scenario : { ...scenario, policy: { ...scenario.policy, ...policy } };
}
