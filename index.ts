/**
 * fabric-verify's public API: everything a user needs to check their own healing policy and
 * their own properties, by name. Nothing else is reachable through the package.
 */

// The model: what a scenario is made of.
export type { Topology, ServerSpec, AppSpec, RoleSpec, Quota, InstanceSpec } from './model/topology.ts';
export { rackedServers, instancesOf } from './model/topology.ts';
export type { ControllerPolicy, HealingPolicy, BuiltInHealingPolicy, CustomHealingPolicy, HealingPolicyKind, ManagementLane, UpgradeGate } from './model/policy.ts';
export { healingPolicyNamed, kubernetesDefaults } from './model/policy.ts';
export type { Timings } from './model/timings.ts';
export { defaultTimings } from './model/timings.ts';
export type { Fault, FaultKind, FaultSchedule } from './model/faultSchedule.ts';
export type { Scenario } from './model/scenario.ts';
export { InputError, type InputIssue } from './model/inputError.ts';
export { incidentScenario } from './model/scenarios/incident20090313.ts';

// Simulation and its trace.
export type { SimulationOptions } from './model/simulator/simulate.ts';
export type { Trace, TraceEntry, AppStatus, RunEnd } from './model/simulator/trace.ts';

// Healing policies: the seam the built-in ones go through too.
export type { HealingPolicyDefinition, HealingDecision, HealingPolicyParams } from './model/healingPolicy.ts';
export type { HealingView, WorkItem, FaultDomainHealth } from './model/healingView.ts';
export { everyDomainLooksDead } from './model/healingView.ts';
// Your own policies are passed to each call (`healingPolicies: [mine]`); nothing is registered process-wide.
export {
  BUILT_IN_HEALING_POLICIES,
  HealingPolicyFailure,
  HealingPolicySet,
  healingPolicies,
  withHealingPolicies,
  type UserHealingPolicy,
  type AnyUserHealingPolicy,
} from './model/healingPolicies/registry.ts';
export { zoneState, zoneEvictionRatePerS, type ZoneState, type ZoneRules } from './model/zoneState.ts';

// Arbitraries: scenarios under a hypothesis.
export { timingsArbitrary, type TimingRanges } from './properties/arbitraries/timingsArbitrary.ts';
export { appsArbitrary, singleInstanceApps, multiInstanceApps, type AppShape } from './properties/arbitraries/appsArbitrary.ts';
export { topologyArbitrary, type TopologyShape } from './properties/arbitraries/topologyArbitrary.ts';
export {
  type FaultPlan,
  type Window,
  allOf,
  crashes,
  heartbeatLossFaults,
  heartbeatLosses,
  managementRequests,
  networkDegradation,
  singleDomainFailures,
  storageWrites,
  fixed,
  noFaults,
} from './properties/arbitraries/faultArbitraries.ts';
export { scenarioArbitrary, basePolicy, type ScenarioParts } from './properties/arbitraries/scenarioArbitrary.ts';

// Properties: the catalog, your own, and the machinery that checks them.
export type { PropertyDefinition, PropertyVariant, MustSee, ExpectedCounterexample, Violation, Expectation, Verdict } from './properties/propertyDefinition.ts';
export { withPolicy } from './properties/propertyDefinition.ts';
export { catalog, propertyById } from './properties/catalog/index.ts';
export type { PropertyResult, MustSeeTally } from './properties/checkProperty.ts';
export { PropertyViolation } from './properties/assertProperty.ts';
// A property of yours that throws or answers in the wrong shape, named (checkProperty throws it; a campaign stops, its run names it).
export { PropertyFailure } from './properties/userProperties.ts';
export type { Counterexample } from './properties/counterexample.ts';
export { writeCounterexample } from './properties/counterexampleFile.ts';
export type { Replay } from './properties/replay.ts';
// The calls that take your policies (and properties) as arguments.
export {
  checkProperty,
  simulate,
  assertProperty,
  parseScenario,
  parseCounterexample,
  readCounterexample,
  replayCounterexample,
  runCampaign,
  type CheckOptions,
  type UserPolicies,
  type UserProperties,
} from './properties/libraryCalls.ts';
export type { CampaignOptions, CampaignRun, CampaignTask } from './properties/campaign.ts';
export { DEFAULT_CONFIG, type CampaignConfig } from './properties/campaignConfig.ts';
export { firstUnneededFault } from './properties/minimality.ts';

// Exhaustive exploration of a small fabric (`fabric-verify explore`): every schedule of a bound.
export { planExploration, wholeSpace, type ExplorationPlan, type BoundOverrides } from './explore/planExploration.ts';
export { runExploration, type ExploreRun, type ExploredVerdict } from './explore/runExploration.ts';
export { breadthFirst, type SearchResult, type Finding } from './explore/search/breadthFirst.ts';
export { readExploreConfig, type ExploreConfig } from './explore/readExploreConfig.ts';
export type { ExplorationBound } from './explore/space/explorationBound.ts';

// Questions properties ask of a trace.
export {
  appIntervals,
  appsEver,
  eventsOfType,
  failedServers,
  managementWaits,
  queueLengths,
  recoveries,
  restoreTimeS,
  storageTally,
  timeIn,
  type Recovery,
  type ManagementWait,
} from './properties/traceQueries.ts';

// Reading a counterexample.
export { counterexampleText } from './reports/counterexampleText.ts';
export { timelineText } from './reports/timelineText.ts';
