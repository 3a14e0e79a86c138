/**
 * The user's own properties, checked before they run and watched while they run. Before: each
 * has the shape of a catalog entry (valibot; every bad field named by its place, e.g.
 * `properties.0.check`), and no id is given twice or taken from the catalog. While: each of
 * its functions is wrapped, so a throw or an answer of the wrong shape is named
 * (`property "mine": check returned undefined; ...`) instead of being taken for a violation
 * that fast-check would shrink. Inside `withPropertyGuard` the first such failure is kept,
 * the runs go on with a harmless stand-in, and the call throws it at the end (as healing
 * policies do, model/healingPolicies/registry.ts); outside one, it is thrown at once.
 */
import * as v from 'valibot';
import { InputError, type InputIssue } from '../model/inputError.ts';
import { issuesOf } from '../model/scenarioSchema.ts';
import { HealingPolicyFailure, UnknownHealingPolicyError } from '../model/healingPolicies/registry.ts';
import { catalog } from './catalog/index.ts';
import type { PropertyDefinition, PropertyVariant, Violation } from './propertyDefinition.ts';

/** A user's property broke its contract (threw, or answered in the wrong shape). */
export class PropertyFailure extends Error {
  readonly propertyId: string;
  constructor(propertyId: string, what: string, options?: ErrorOptions) {
    super(`property ${JSON.stringify(propertyId)}: ${what}`, options);
    this.name = 'PropertyFailure';
    this.propertyId = propertyId;
  }
}

const text = v.pipe(v.string(), v.minLength(1));
const expectation = v.picklist(['holds', 'fails']);
const expectedCounterexample = v.looseObject({ description: v.string(), notMinimal: v.function() });
const variant = v.looseObject({ label: text, policy: v.looseObject({}), adjust: v.optional(v.function()), expectation, expectedCounterexample: v.optional(expectedCounterexample) });

/** A PropertyDefinition (properties/propertyDefinition.ts); fields of its own are allowed. */
const propertySchema = v.looseObject({
  id: text,
  statement: v.string(),
  hypothesis: v.string(),
  expectation,
  expectedCounterexample: v.optional(expectedCounterexample),
  mustSee: v.array(v.looseObject({ id: text, description: v.string(), minShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)), reached: v.function() })),
  scenarios: v.function(),
  check: v.function(),
  measure: v.optional(v.function()),
  variants: v.optional(v.array(variant)),
  runs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const CATALOG_IDS = new Set(catalog.map((p) => p.id));

/** One place properties were given: where (a module, or `properties`) and the path of each, e.g. `properties.0`. */
export interface PropertyOrigin {
  readonly source: string;
  readonly candidates: readonly unknown[];
  readonly at: (index: number) => string;
}

/**
 * The user's properties from every origin, checked and guarded, in the order given; the same
 * object given twice is one property. Throws an InputError naming every bad field, a repeated
 * id (with where it was first given) and, when they run beside the catalog (a campaign, a
 * lookup by id), an id of the catalog's.
 */
export function userProperties(origins: readonly PropertyOrigin[], { besideTheCatalog = true } = {}): PropertyDefinition[] {
  const properties: PropertyDefinition[] = [];
  const seen = new Map<string, { readonly original: unknown; readonly where: string }>();
  const issuesBySource = new Map<string, InputIssue[]>();
  const report = (source: string, issue: InputIssue) => issuesBySource.set(source, [...(issuesBySource.get(source) ?? []), issue]);
  for (const { source, candidates, at } of origins) {
    candidates.forEach((candidate, index) => {
      const result = v.safeParse(propertySchema, candidate);
      if (!result.success) {
        for (const issue of issuesOf(result.issues)) report(source, { ...issue, path: issue.path ? `${at(index)}.${issue.path}` : at(index) });
        return;
      }
      const { id } = candidate as PropertyDefinition;
      const earlier = seen.get(id);
      if (earlier?.original === candidate) return;
      if (earlier !== undefined) return report(source, { path: `${at(index)}.id`, expected: `an id not given before (${earlier.where} is already ${JSON.stringify(id)})`, received: JSON.stringify(id) });
      if (besideTheCatalog && CATALOG_IDS.has(id)) return report(source, { path: `${at(index)}.id`, expected: 'an id of your own (the catalog has a property of that id)', received: JSON.stringify(id) });
      seen.set(id, { original: candidate, where: origins.length > 1 ? `${source}: ${at(index)}` : at(index) });
      properties.push(isGuarded(candidate as PropertyDefinition) ? (candidate as PropertyDefinition) : guarded(candidate as PropertyDefinition));
    });
  }
  const [first] = issuesBySource;
  if (first) throw new InputError(first[0], first[1]);
  return properties;
}

interface Guard {
  failure: PropertyFailure | null;
}

let guard: Guard | null = null;

/**
 * Runs `run` (a synchronous check) with the user's properties watched: the first contract one
 * broke is thrown when it returns, instead of its result. Any other error a user's property
 * led to (a scenario the simulator cannot run) is thrown as a PropertyFailure naming it.
 */
export function withPropertyGuard<T>(property: PropertyDefinition, run: () => T): T {
  const outer = guard;
  const scope: Guard = { failure: null };
  guard = scope;
  try {
    const result = run();
    if (scope.failure !== null) throw scope.failure;
    return result;
  } catch (error) {
    if (scope.failure !== null) throw scope.failure;
    if (error instanceof PropertyFailure || !isGuarded(property)) throw error;
    // A healing policy's failure is the policy's, not the property's: left as it is.
    if (error instanceof HealingPolicyFailure || error instanceof UnknownHealingPolicyError) throw error;
    throw new PropertyFailure(property.id, `checking it threw: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  } finally {
    guard = outer;
  }
}

const GUARDED = new WeakSet<PropertyDefinition>();

export function isGuarded(property: PropertyDefinition): boolean {
  return GUARDED.has(property);
}

function failed<T>(failure: PropertyFailure, standIn: T): T {
  if (guard === null) throw failure;
  guard.failure ??= failure;
  return standIn;
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return JSON.stringify(value)?.slice(0, 80) ?? 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
};

function isViolation(value: unknown): value is Violation {
  const violation = value as Partial<Violation> | null;
  return typeof violation === 'object' && violation !== null && Number.isFinite(violation.atS) && typeof violation.expected === 'string' && typeof violation.seen === 'string';
}

/** `fn` with its throws and wrong answers named; inside a guard, answered with `standIn`. */
function watched<A extends unknown[], R>(id: string, name: string, fn: (...args: A) => R, shape: (value: unknown) => string | null, standIn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    let value: R;
    try {
      value = fn(...args);
    } catch (error) {
      return failed(new PropertyFailure(id, `${name} threw: ${(error as Error)?.message ?? String(error)}`, { cause: error }), standIn(...args));
    }
    const wrong = shape(value);
    return wrong === null ? value : failed(new PropertyFailure(id, `${name} returned ${describe(value)}; expected ${wrong}`), standIn(...args));
  };
}

const violationShape = (value: unknown) => (value === null || isViolation(value) ? null : 'null (it holds) or a violation { atS: number, expected: string, seen: string }');
const booleanShape = (value: unknown) => (typeof value === 'boolean' ? null : 'true or false');
const measureShape = (value: unknown) => {
  const measured = value as { durationsS?: unknown; boundS?: unknown } | null;
  return typeof measured === 'object' && measured !== null && Array.isArray(measured.durationsS) && measured.durationsS.every(Number.isFinite) && Number.isFinite(measured.boundS) ? null : '{ durationsS: number[], boundS: number }';
};
const storyShape = (value: unknown) => (value === null || typeof value === 'string' ? null : 'null (minimal) or a string saying why not');
const arbitraryShape = (value: unknown) => (typeof (value as { generate?: unknown } | null)?.generate === 'function' && typeof (value as { map?: unknown }).map === 'function' ? null : 'a fast-check arbitrary of scenarios');
const scenarioShape = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'a scenario');

function guardedVariant(id: string, variant: PropertyVariant): PropertyVariant {
  const label = `variants[${JSON.stringify(variant.label)}]`;
  return {
    ...variant,
    ...(variant.adjust ? { adjust: watched(id, `${label}.adjust`, variant.adjust, scenarioShape, (scenario) => scenario) } : {}),
    ...(variant.expectedCounterexample ? { expectedCounterexample: { ...variant.expectedCounterexample, notMinimal: watched(id, `${label}.expectedCounterexample.notMinimal`, variant.expectedCounterexample.notMinimal, storyShape, () => null) } } : {}),
  };
}

/**
 * The property with every function watched. Stand-ins end the runs soon (no violation, every
 * must-see situation reached); their result is never shown, since the failure is thrown.
 */
function guarded(property: PropertyDefinition): PropertyDefinition {
  const { id } = property;
  const definition: PropertyDefinition = Object.freeze({
    ...property,
    // Called before any run: a failure here is thrown at once, there is nothing to go on with.
    scenarios: (policy?: Parameters<PropertyDefinition['scenarios']>[0]) => {
      let arbitrary: unknown;
      try {
        arbitrary = property.scenarios(policy);
      } catch (error) {
        throw new PropertyFailure(id, `scenarios threw: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      }
      const wrong = arbitraryShape(arbitrary);
      if (wrong !== null) throw new PropertyFailure(id, `scenarios returned ${describe(arbitrary)}; expected ${wrong}`);
      return arbitrary as ReturnType<PropertyDefinition['scenarios']>;
    },
    check: watched(id, 'check', property.check, violationShape, () => null),
    mustSee: property.mustSee.map((situation) => ({ ...situation, reached: watched(id, `mustSee[${JSON.stringify(situation.id)}].reached`, situation.reached, booleanShape, () => true) })),
    ...(property.measure ? { measure: watched(id, 'measure', property.measure, measureShape, () => ({ durationsS: [], boundS: 0 })) } : {}),
    ...(property.expectedCounterexample ? { expectedCounterexample: { ...property.expectedCounterexample, notMinimal: watched(id, 'expectedCounterexample.notMinimal', property.expectedCounterexample.notMinimal, storyShape, () => null) } } : {}),
    ...(property.variants ? { variants: property.variants.map((variant) => guardedVariant(id, variant)) } : {}),
  });
  GUARDED.add(definition);
  return definition;
}
