/**
 * Healing policy definitions by kind: the four built-in ones, always known, and the user's
 * own, which are passed in (`checkProperty(p, { healingPolicies: [mine] })`, `check --policy
 * ./my-policy.js`) and known only inside the call they were passed to. There is no
 * process-wide registry: two checks with different policies of one kind never see each
 * other's, in one thread or across awaits (AsyncLocalStorage carries the set through the
 * synchronous simulation and the campaign's asynchronous steps alike).
 *
 * A user's policy that breaks its contract inside a call (throws, answers in the wrong shape)
 * must not throw inside the controller machine: XState would turn it into an error snapshot
 * and rethrow it later, outside any caller. So inside a call the failure is recorded, the policy
 * stands still (starts nothing) for the rest of the run, and the call throws the failure when it
 * returns, its result discarded. Outside any call a failure throws at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AnyHealingPolicyDefinition, HealingPolicyDefinition, HealingPolicyParams } from '../healingPolicy.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { adaptiveHealing } from './adaptiveHealing.ts';
import { parallelHealing, serialHealing } from './concurrencyLimit.ts';
import { kubernetesEviction } from './kubernetesEviction.ts';

export const BUILT_IN_HEALING_POLICIES: readonly AnyHealingPolicyDefinition[] = [serialHealing, parallelHealing, adaptiveHealing, kubernetesEviction];

const BUILT_IN = new Map<string, AnyHealingPolicyDefinition>(BUILT_IN_HEALING_POLICIES.map((d) => [d.kind, d]));

/**
 * A policy of the user's own as they write it: `kind` and `decide` are required; the rest
 * have defaults — `summary` "a policy of the user's own", `honoursBlackouts` false,
 * `initialMemory` null, no `refresh`, no `paceS`.
 */
export type UserHealingPolicy<Params extends HealingPolicyParams = HealingPolicyParams, Memory = unknown> = Pick<HealingPolicyDefinition<Params, Memory>, 'kind' | 'decide'> &
  Partial<Omit<HealingPolicyDefinition<Params, Memory>, 'kind' | 'decide'>>;

// biome-ignore lint: a set holds policies of every parameter and memory type.
export type AnyUserHealingPolicy = UserHealingPolicy<any, any>;

/** Checked, completed policy definitions by kind: what `healingPolicies` returns. */
export class HealingPolicySet {
  readonly #byKind: ReadonlyMap<string, AnyHealingPolicyDefinition>;
  constructor(byKind: ReadonlyMap<string, AnyHealingPolicyDefinition>) {
    this.#byKind = byKind;
  }
  get(kind: string): AnyHealingPolicyDefinition | undefined {
    return this.#byKind.get(kind);
  }
  kinds(): string[] {
    return [...this.#byKind.keys()];
  }
  definitions(): AnyHealingPolicyDefinition[] {
    return [...this.#byKind.values()];
  }
  /** This set and `other`'s policies; a kind in both is an error naming it. */
  with(other: HealingPolicySet, source = 'healing policies'): HealingPolicySet {
    return healingPolicies([...this.definitions(), ...other.definitions()], source);
  }
  /** This set with `closer`'s policies over it: a kind in both is `closer`'s. */
  under(closer: HealingPolicySet): HealingPolicySet {
    return new HealingPolicySet(new Map([...this.#byKind, ...closer.#byKind]));
  }
}

export const NO_HEALING_POLICIES = new HealingPolicySet(new Map());

/** A user policy broke its contract while the controller asked it to decide. */
export class HealingPolicyFailure extends Error {
  readonly kind: string;
  constructor(kind: string, what: string, options?: ErrorOptions) {
    super(`healing policy ${JSON.stringify(kind)}: ${what}`, options);
    this.name = 'HealingPolicyFailure';
    this.kind = kind;
  }
}

export class UnknownHealingPolicyError extends Error {}

const optionalTypes = { summary: 'string', honoursBlackouts: 'boolean', initialMemory: 'function', refresh: 'function', paceS: 'function' } as const;

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value) : typeof value);

/** What is wrong with one user policy, each issue's path under `at` (e.g. `default` or `healingPolicies.0`). */
export function healingPolicyIssues(candidate: unknown, at: string): InputIssue[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return [{ path: at, expected: 'a healing policy definition (an object with kind and decide)', received: describe(candidate) }];
  const policy = candidate as Record<string, unknown>;
  const issues: InputIssue[] = [];
  if (typeof policy['kind'] !== 'string' || policy['kind'] === '') issues.push({ path: `${at}.kind`, expected: 'a non-empty string', received: JSON.stringify(policy['kind']) ?? 'undefined' });
  else if (BUILT_IN.has(policy['kind'])) issues.push({ path: `${at}.kind`, expected: `a kind of your own (${[...BUILT_IN.keys()].join(', ')} are built in)`, received: JSON.stringify(policy['kind']) });
  if (typeof policy['decide'] !== 'function') issues.push({ path: `${at}.decide`, expected: 'a function (params, view, memory) => { start, memory }', received: describe(policy['decide']) });
  for (const [field, type] of Object.entries(optionalTypes)) {
    if (policy[field] !== undefined && typeof policy[field] !== type) issues.push({ path: `${at}.${field}`, expected: `a ${type} or nothing (it has a default)`, received: describe(policy[field]) });
  }
  return issues;
}

/**
 * Checks and completes the user's policies: each named by its position when something is
 * wrong (a missing decide, a built-in or repeated kind), the defaults filled in, and every
 * decision checked as it is made (a policy that throws or answers in the wrong shape is named).
 */
export function healingPolicies(policies: readonly AnyUserHealingPolicy[] | HealingPolicySet, source = 'healing policies', at: (index: number) => string = (i) => `healingPolicies.${i}`): HealingPolicySet {
  if (policies instanceof HealingPolicySet) return policies;
  if (!Array.isArray(policies)) throw new InputError(source, [{ path: 'healingPolicies', expected: 'an array of healing policy definitions', received: describe(policies) }]);
  const issues: InputIssue[] = [];
  const byKind = new Map<string, AnyHealingPolicyDefinition>();
  const firstAt = new Map<string, number>();
  policies.forEach((policy, index) => {
    const found = healingPolicyIssues(policy, at(index));
    issues.push(...found);
    if (found.length > 0) return;
    const earlier = firstAt.get(policy.kind);
    if (earlier !== undefined) {
      if (byKind.get(policy.kind)?.decide === checkedDecide(policy)) return;
      issues.push({ path: `${at(index)}.kind`, expected: `a kind not given before (${at(earlier)} is already ${JSON.stringify(policy.kind)})`, received: JSON.stringify(policy.kind) });
      return;
    }
    firstAt.set(policy.kind, index);
    byKind.set(policy.kind, completed(policy));
  });
  if (issues.length > 0) throw new InputError(source, issues);
  return new HealingPolicySet(byKind);
}

/** The same user policy given twice (a set joined with itself) is one policy, not a clash. */
const checkedDecides = new WeakMap<AnyUserHealingPolicy['decide'], AnyHealingPolicyDefinition['decide']>();
function checkedDecide(policy: AnyUserHealingPolicy): AnyHealingPolicyDefinition['decide'] {
  const known = checkedDecides.get(policy.decide);
  if (known) return known;
  const decide: AnyHealingPolicyDefinition['decide'] = (params, view, memory) => {
    let decision: unknown;
    const standStill = { start: [], memory };
    try {
      decision = policy.decide(params, view, memory);
    } catch (error) {
      return failed(new HealingPolicyFailure(policy.kind, `decide threw: ${(error as Error)?.message ?? String(error)}`, { cause: error }), standStill);
    }
    const start = (decision as { start?: unknown } | null)?.start;
    if (typeof decision !== 'object' || decision === null || !Array.isArray(start)) {
      return failed(new HealingPolicyFailure(policy.kind, `decide returned ${describe(decision === null || typeof decision !== 'object' ? decision : start)}${typeof decision === 'object' && decision !== null ? ' as start' : ''}; expected { start: queue indexes, memory }`), standStill);
    }
    const bad = start.find((index, i) => !Number.isInteger(index) || index < 0 || index >= view.queue.length || (i > 0 && index <= start[i - 1]));
    if (bad !== undefined) return failed(new HealingPolicyFailure(policy.kind, `decide returned start ${JSON.stringify(start)}; expected ascending indexes into the queue of ${view.queue.length}`), standStill);
    return decision as ReturnType<AnyHealingPolicyDefinition['decide']>;
  };
  checkedDecides.set(policy.decide, decide);
  // A decide that is its own checked version (a completed definition given again) stays as it is.
  checkedDecides.set(decide, decide);
  return decide;
}

/** `fn`, its throws named by the policy and the function; inside a call, recorded and answered with `fallback(args)`. */
function guarded<F extends (...args: never[]) => unknown>(kind: string, name: string, fn: F, fallback: (...args: Parameters<F>) => ReturnType<F>): F {
  return ((...args: Parameters<F>) => {
    try {
      return fn(...args);
    } catch (error) {
      return failed(new HealingPolicyFailure(kind, `${name} threw: ${(error as Error)?.message ?? String(error)}`, { cause: error }), fallback(...args));
    }
  }) as F;
}

function completed(policy: AnyUserHealingPolicy): AnyHealingPolicyDefinition {
  const { kind } = policy;
  return Object.freeze({
    summary: "a policy of the user's own",
    honoursBlackouts: false,
    ...policy,
    initialMemory: policy.initialMemory ? guarded(kind, 'initialMemory', policy.initialMemory, () => null) : () => null,
    decide: checkedDecide(policy),
    ...(policy.refresh ? { refresh: guarded(kind, 'refresh', policy.refresh, (_params, _view, memory) => memory) } : {}),
    ...(policy.paceS ? { paceS: guarded(kind, 'paceS', policy.paceS, () => null) } : {}),
  });
}

/** Inside a call: remember the first failure and answer `standIn`; outside one: throw. */
function failed<T>(failure: Error, standIn: T): T {
  const scope = inScope.getStore();
  if (scope === undefined) throw failure;
  scope.failure ??= failure;
  return standIn;
}

/** What an unknown kind does inside a call, until the call throws: nothing. */
const STAND_STILL: AnyHealingPolicyDefinition = { kind: 'unknown', summary: 'starts nothing', honoursBlackouts: false, initialMemory: () => null, decide: (_params, _view, memory) => ({ start: [], memory }) };

interface Scope {
  readonly policies: HealingPolicySet;
  /** The first contract a user's policy broke in this call (or an unknown kind asked for). */
  failure: Error | null;
}

const inScope = new AsyncLocalStorage<Scope>();

/**
 * Runs `run` with the user's policies known (besides the built-in ones, and those of any
 * call around this one; a kind given here wins); they are forgotten when it returns (or its
 * promise settles). If a policy broke its contract meanwhile, or a kind nobody passed was
 * asked for, that is thrown instead of the result.
 */
export function withHealingPolicies<T>(policies: readonly AnyUserHealingPolicy[] | HealingPolicySet | undefined, run: () => T): T {
  const given = healingPolicies(policies ?? []);
  const scope: Scope = { policies: healingPoliciesInScope().under(given), failure: null };
  const settled = <V>(value: V): V => {
    if (scope.failure !== null) throw scope.failure;
    return value;
  };
  const result = inScope.run(scope, run);
  return result instanceof Promise ? (result.then(settled) as T) : settled(result);
}

/** The user's policies known here (none outside `withHealingPolicies`). */
export function healingPoliciesInScope(): HealingPolicySet {
  return inScope.getStore()?.policies ?? NO_HEALING_POLICIES;
}

export function healingPolicyDefinition(kind: string): AnyHealingPolicyDefinition {
  const definition = BUILT_IN.get(kind) ?? inScope.getStore()?.policies.get(kind);
  if (definition) return definition;
  return failed(new UnknownHealingPolicyError(`no healing policy of kind ${JSON.stringify(kind)} (known: ${knownHealingPolicyKinds().join(', ')}; pass your own with healingPolicies or --policy)`), STAND_STILL);
}

/** The built-in kinds, then the user's known here. */
export function knownHealingPolicyKinds(): string[] {
  return [...BUILT_IN.keys(), ...healingPoliciesInScope().kinds()];
}
