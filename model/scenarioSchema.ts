/**
 * The scenario file format, validated with valibot at the boundary: shapes and ranges by the
 * schema, cross-references (server ids, fault domains, capacity) by `checkScenario`. Every
 * problem names the field's path, what was expected and what was found.
 */
import * as v from 'valibot';
import { InputError, type InputIssue } from './inputError.ts';
import { MAX_TIME_S } from './simulator/eventQueue.ts';
import type { Scenario } from './scenario.ts';
import { placeInitially } from './initialPlacement.ts';
import { describeHardSpread, instancesOf } from './topology.ts';
import { knownHealingPolicyKinds } from './healingPolicies/registry.ts';

const MAX_SERVERS = 20_000;
const MAX_INSTANCES = 200_000;
const MAX_FAULTS = 100_000;

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const count = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const seconds = count(0, MAX_TIME_S);
const positiveSeconds = count(1, MAX_TIME_S);

const serverSchema = v.strictObject({
  id: name,
  faultDomain: count(0, 1000),
  updateDomain: count(0, 1000),
  capacity: count(1, 10_000),
  surge: v.optional(v.boolean()),
});

const hardSpreadSchema = v.pipe(
  v.strictObject({ maxSkew: v.optional(count(1, 1000)), minDomains: v.optional(count(1, 1000)), maxPerFaultDomain: v.optional(count(1, 1000)) }),
  v.check((spread) => spread.maxSkew !== undefined || spread.maxPerFaultDomain !== undefined, 'maxSkew, maxPerFaultDomain or both'),
);

const appSchema = v.strictObject({
  id: name,
  roles: v.pipe(
    v.array(v.strictObject({ id: name, instances: count(1, 1000), hardSpread: v.optional(hardSpreadSchema) })),
    v.minLength(1),
    v.maxLength(100),
  ),
});

const topologySchema = v.strictObject({
  servers: v.pipe(v.array(serverSchema), v.minLength(1), v.maxLength(MAX_SERVERS)),
  apps: v.pipe(v.array(appSchema), v.maxLength(MAX_INSTANCES)),
  quota: v.optional(v.strictObject({ instancesPerRole: count(1, 1000), secondInstanceFree: v.boolean() })),
});

const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const concurrency = count(1, 1_000_000);
const builtInHealingPolicies = [
  v.strictObject({ kind: v.literal('serial'), concurrency }),
  v.strictObject({ kind: v.literal('parallel'), concurrency }),
  v.strictObject({ kind: v.literal('adaptive'), narrowConcurrency: concurrency, wideConcurrency: concurrency, unhealthyThreshold: share }),
  v.strictObject({
    kind: v.literal('kubernetes'),
    evictionRatePerS: share,
    secondaryEvictionRatePerS: share,
    largeClusterSizeThreshold: count(0, 1_000_000),
    unhealthyZoneThreshold: share,
  }),
];
const BUILT_IN_KINDS: readonly string[] = builtInHealingPolicies.map((schema) => schema.entries.kind.literal);

/**
 * A built-in policy by its kind, with exactly its parameters; or a policy of the user's own
 * (any parameters) of a kind passed in (`withHealingPolicies`, `healingPolicies` options). Dispatching on the kind
 * lets an error name the parameter of the kind given, and an unknown kind list every kind
 * known when the scenario is read.
 */
export const healingPolicySchema = v.lazy(() => {
  const customKinds = knownHealingPolicyKinds().filter((kind) => !BUILT_IN_KINDS.includes(kind));
  return customKinds.length === 0 ? v.variant('kind', builtInHealingPolicies) : v.variant('kind', [...builtInHealingPolicies, v.looseObject({ kind: v.picklist(customKinds) })]);
});

export const policySchema = v.strictObject({
  healing: healingPolicySchema,
  management: v.picklist(['shared-queue', 'own-lane']),
  fencing: v.boolean(),
  upgradeGate: v.picklist(['continue-after-timeout', 'gated-on-recovery']),
  upgradeDrain: v.optional(v.picklist(['restart-in-place', 'reschedule'])),
  haltBudget: v.nullable(count(0, MAX_SERVERS)),
  alertThreshold: count(1, MAX_SERVERS),
});

export const timingsSchema = v.strictObject({
  detectionTimeoutS: positiveSeconds,
  drainS: positiveSeconds,
  deploymentCallS: positiveSeconds,
  deploymentCallTimeoutS: positiveSeconds,
  rebootS: positiveSeconds,
  instanceStartS: positiveSeconds,
  upgradeStartTimeoutS: positiveSeconds,
  repairS: positiveSeconds,
  managementServiceS: positiveSeconds,
  alertEvaluationS: positiveSeconds,
  evictionPassS: positiveSeconds,
});

const at = { atS: seconds };
export const faultSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('crash'), ...at, serverId: name }),
  v.strictObject({ kind: v.literal('rack-failure'), ...at, faultDomain: count(0, 1000) }),
  v.strictObject({ kind: v.literal('heartbeat-loss'), ...at, serverId: name, durationS: positiveSeconds }),
  v.strictObject({ kind: v.literal('network-degradation'), ...at, durationS: positiveSeconds, latencyS: positiveSeconds }),
  v.strictObject({ kind: v.literal('management-request'), ...at, requestId: name }),
  v.strictObject({ kind: v.literal('operator-parallel'), ...at }),
  v.strictObject({ kind: v.literal('upgrade-start'), ...at }),
  v.strictObject({ kind: v.literal('storage-write'), ...at, writeId: name }),
]);

export const scenarioSchema = v.strictObject({
  name,
  topology: topologySchema,
  policy: policySchema,
  timings: timingsSchema,
  faults: v.pipe(v.array(faultSchema), v.maxLength(MAX_FAULTS)),
  horizonS: positiveSeconds,
});

export function issuesOf(issues: readonly v.BaseIssue<unknown>[]): InputIssue[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', expected: expectationOf(issue), received: truncate(issue.received) }));
}

/** What the field should have been, in words, from valibot's issue kind and requirement. */
function expectationOf(issue: v.BaseIssue<unknown>): string {
  const requirement = (issue as { requirement?: unknown }).requirement;
  switch (issue.type) {
    case 'integer':
      return 'a whole number';
    case 'check':
      return issue.message;
    case 'min_value':
      return `a number ≥ ${String(requirement)}`;
    case 'max_value':
      return `a number ≤ ${String(requirement)}`;
    case 'min_length':
      return `a length of at least ${String(requirement)}`;
    case 'max_length':
      return `a length of at most ${String(requirement)}`;
    case 'strict_object':
      // An unknown key: valibot reports `never` as what it expected there.
      if (issue.expected === 'never') return 'no such field';
      // Not an object at all.
      if (issue.expected === 'Object') return 'an object';
      // A missing key: valibot names the key itself as what it expected.
      return 'a value (the field is required)';
    default:
      if (issue.received === 'undefined') return `${describeType(issue.expected)} (the field is required)`;
      return describeType(issue.expected);
  }
}

function describeType(expected: string | null): string {
  if (expected === 'Object') return 'an object';
  if (expected === 'Array') return 'a list';
  // Stryker disable next-line StringLiteral: of the issues the project's schemas raise, only integer and check ones expect nothing, and both are worded above
  return expected ?? 'a valid value';
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Parse and check a scenario; throws InputError naming every bad field. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(source, [{ path: '', expected: 'a JSON object (a scenario)', received: Array.isArray(input) ? 'a list' : String(input) }]);
  }
  const result = v.safeParse(scenarioSchema, input);
  if (!result.success) throw new InputError(source, issuesOf(result.issues));
  const scenario = result.output as Scenario;
  const problems = checkScenario(scenario);
  if (problems.length > 0) throw new InputError(source, problems);
  return scenario;
}

/** What a schema cannot say: ids must be unique and refer to things that exist; instances must fit. */
export function checkScenario(scenario: Scenario): InputIssue[] {
  const problems: InputIssue[] = [];
  const { servers, apps } = scenario.topology;
  const serverIds = new Set<string>();
  servers.forEach((server, i) => {
    if (serverIds.has(server.id)) problems.push({ path: `topology.servers.${i}.id`, expected: 'a server id used once', received: JSON.stringify(server.id) });
    serverIds.add(server.id);
  });
  // The walk brings surge servers up first: their update domain comes before every other.
  const firstRegular = Math.min(...servers.filter((s) => !s.surge).map((s) => s.updateDomain));
  servers.forEach((server, i) => {
    if (server.surge && server.updateDomain >= firstRegular) {
      problems.push({ path: `topology.servers.${i}.updateDomain`, expected: `a surge server's update domain before every other server's (below ${firstRegular})`, received: String(server.updateDomain) });
    }
  });
  const appIds = new Set<string>();
  apps.forEach((app, i) => {
    if (appIds.has(app.id)) problems.push({ path: `topology.apps.${i}.id`, expected: 'an app id used once', received: JSON.stringify(app.id) });
    appIds.add(app.id);
    const roleIds = new Set<string>();
    app.roles.forEach((role, j) => {
      if (roleIds.has(role.id)) problems.push({ path: `topology.apps.${i}.roles.${j}.id`, expected: 'a role id used once in its app', received: JSON.stringify(role.id) });
      roleIds.add(role.id);
    });
  });
  // Surge servers join with the upgrade: the story begins on the others.
  const capacity = servers.reduce((sum, s) => sum + (s.surge ? 0 : s.capacity), 0);
  const instances = instancesOf(scenario.topology).length;
  if (instances > capacity) {
    problems.push({ path: 'topology.apps', expected: `at most ${capacity} instances in all (the servers' total capacity)`, received: `${instances} instances` });
  } else {
    // Room in all is not room for each: the placement rule (and a hard spread) may still leave one out.
    const { unplaced } = placeInitially(scenario.topology);
    scenario.topology.apps.forEach((app, i) =>
      app.roles.forEach((role, j) => {
        const left = unplaced.filter((id) => id.startsWith(`${app.id}/${role.id}/`)).length;
        if (left === 0) return;
        const within = role.hardSpread ? ` within its hardSpread (${describeHardSpread(role.hardSpread)})` : '';
        problems.push({ path: `topology.apps.${i}.roles.${j}.instances`, expected: `no more instances than the servers place at the start${within}`, received: `${role.instances}, of which ${left} find no server` });
      }),
    );
  }
  const faultDomains = new Set(servers.map((s) => s.faultDomain));
  scenario.faults.forEach((fault, i) => {
    const serverMustExist = (serverId: string) => {
      if (!serverIds.has(serverId)) problems.push({ path: `faults.${i}.serverId`, expected: 'the id of a server in topology.servers', received: JSON.stringify(serverId) });
    };
    // A lasting fault ends with an event of its own, which must fall in the simulator's range too.
    const endMustBeInRange = (endS: number) => {
      if (endS > MAX_TIME_S) problems.push({ path: `faults.${i}.durationS`, expected: `an end at most ${MAX_TIME_S} s`, received: String(endS) });
    };
    switch (fault.kind) {
      case 'rack-failure':
        if (!faultDomains.has(fault.faultDomain)) {
          problems.push({ path: `faults.${i}.faultDomain`, expected: `a fault domain of some server (${[...faultDomains].join(', ')})`, received: String(fault.faultDomain) });
        }
        break;
      case 'heartbeat-loss':
        serverMustExist(fault.serverId);
        endMustBeInRange(fault.atS + fault.durationS);
        break;
      case 'network-degradation':
        endMustBeInRange(fault.atS + fault.durationS);
        break;
      case 'crash':
        serverMustExist(fault.serverId);
        break;
    }
  });
  return problems;
}
