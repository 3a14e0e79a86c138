/**
 * The library's calls as a user's code makes them (`import { checkProperty } from
 * 'fabric-verify'`): each takes the user's own healing policies as an argument
 * (`healingPolicies: [myPolicy]`), known only for that call, and the calls that look a
 * property up by id take the user's own properties too. Inside the package the same
 * functions run with the policies already in scope (see model/healingPolicies/registry.ts).
 */
import { type AnyUserHealingPolicy, type HealingPolicySet, withHealingPolicies } from '../model/healingPolicies/registry.ts';
import { InputError } from '../model/inputError.ts';
import type { Scenario } from '../model/scenario.ts';
import { parseScenario as parseScenarioInScope } from '../model/scenarioSchema.ts';
import { type SimulationOptions, simulate as simulateInScope } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { assertProperty as assertPropertyInScope } from './assertProperty.ts';
import { type CampaignOptions, type CampaignRun, runCampaign as runCampaignInScope } from './campaign.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import { catalog } from './catalog/index.ts';
import { userProperties, withPropertyGuard } from './userProperties.ts';
import { type CheckOptions as CheckOptionsInScope, type PropertyResult, checkProperty as checkPropertyInScope, violationOf } from './checkProperty.ts';
import { type Counterexample, parseCounterexample as parseCounterexampleInScope } from './counterexample.ts';
import { readCounterexample as readCounterexampleInScope } from './counterexampleFile.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';
import { type Replay, replayedProperty } from './replay.ts';

export interface UserPolicies {
  /** Healing policies of your own, by kind (built-in kinds are always known). Default: none. */
  readonly healingPolicies?: readonly AnyUserHealingPolicy[] | HealingPolicySet;
}

export interface UserProperties {
  /** Properties of your own, looked up by id beside the catalog's (an id of the catalog's is an error). Default: none. */
  readonly properties?: readonly PropertyDefinition[];
}

/** The user's properties, checked (an InputError names a bad field or a repeated id) and watched. */
function checkedProperties(properties: readonly PropertyDefinition[] | undefined): PropertyDefinition[] {
  return userProperties([{ source: 'properties', candidates: properties ?? [], at: (i) => `properties.${i}` }]);
}

export type CheckOptions = CheckOptionsInScope & UserPolicies;

/**
 * Checks one property (the catalog's or your own) with fast-check: see properties/checkProperty.ts.
 * Yours is checked first (a bad field is an InputError naming it); one that throws or answers
 * in the wrong shape while it runs makes the call throw a PropertyFailure naming it and what
 * it did (never a counterexample of its own making).
 */
export function checkProperty(definition: PropertyDefinition, options: CheckOptions): PropertyResult {
  const { healingPolicies, ...check } = options;
  const property = catalog.includes(definition) ? definition : userProperties([{ source: 'property', candidates: [definition], at: () => 'property' }], { besideTheCatalog: false })[0]!;
  return withPropertyGuard(property, () => withHealingPolicies(healingPolicies, () => checkPropertyInScope(property, check)));
}

export function simulate(scenario: Scenario, options: SimulationOptions & UserPolicies = {}): Trace {
  const { healingPolicies, ...simulation } = options;
  return withHealingPolicies(healingPolicies, () => simulateInScope(scenario, simulation));
}

export function assertProperty(definition: PropertyDefinition, scenario: Scenario, options: UserPolicies = {}): Trace {
  return withHealingPolicies(options.healingPolicies, () => assertPropertyInScope(definition, scenario));
}

/** A scenario read from data; a custom policy's kind must be among `healingPolicies`. */
export function parseScenario(input: unknown, source = 'scenario', options: UserPolicies = {}): Scenario {
  return withHealingPolicies(options.healingPolicies, () => parseScenarioInScope(input, source));
}

export function parseCounterexample(input: unknown, source = 'counterexample', options: UserPolicies = {}): Counterexample {
  return withHealingPolicies(options.healingPolicies, () => parseCounterexampleInScope(input, source));
}

export function readCounterexample(file: string, options: UserPolicies = {}): Counterexample {
  return withHealingPolicies(options.healingPolicies, () => readCounterexampleInScope(file));
}

/** Simulates a counterexample's scenario again and re-checks its property (yours by id, else the catalog's). */
export function replayCounterexample(counterexample: Counterexample, options: UserPolicies & UserProperties & { readonly source?: string } = {}): Replay {
  const property = checkedProperties(options.properties).find((p) => p.id === counterexample.propertyId) ?? replayedProperty(counterexample, options.source);
  if (!property) throw new InputError(options.source ?? 'counterexample', [{ path: 'propertyId', expected: 'the id of a catalog property or of one in properties', received: JSON.stringify(counterexample.propertyId) }]);
  return withHealingPolicies(options.healingPolicies, () => {
    const trace = simulateInScope(counterexample.scenario);
    const violation = violationOf(property, counterexample.scenario, trace);
    return { trace, violation, reproduced: violation !== null && JSON.stringify(violation) === JSON.stringify(counterexample.violation) };
  });
}

/**
 * The catalog and your properties (or those the config names, by id) as a campaign: see
 * properties/campaign.ts. `properties` (objects) run in this thread even with `workers` (the
 * run lists them in `inCallingThread`); `propertyModules` (files exporting properties) run on
 * the pool. A property that breaks its contract stops the campaign: the run is incomplete and
 * `propertyFailure` names it; what finished is in `results`.
 */
export function runCampaign(config: CampaignConfig, options: CampaignOptions): Promise<CampaignRun> {
  return withHealingPolicies(options.healingPolicies, () => runCampaignInScope(config, options));
}
