/**
 * `fabric-verify simulate`: run one scenario and show what happened; with `--compare`, run it
 * under several healing policies on the same fault schedule and show them side by side.
 */
import { simulate } from '../model/simulator/simulate.ts';
import type { HealingPolicyKind } from '../model/policy.ts';
import { simulationFigures } from '../properties/simulationFigures.ts';
import { keyEvents } from '../reports/keyEvents.ts';
import { simulationText } from '../reports/simulationText.ts';
import { loadScenario } from './loadScenario.ts';
import { InputError } from '../model/inputError.ts';
import { healingPolicyNamed } from '../model/policy.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { clusterNotices } from '../kubernetes/clusterSummary.ts';
import { writeEventLog } from '../observe/writeEventLog.ts';
import { comparePolicies } from '../properties/policyComparison.ts';
import { policyComparisonText } from '../reports/policyComparisonText.ts';
import { policyComparisonPage } from '../reports/html/policyComparisonPage.ts';
import { writeFileAtomically } from '../reports/writeFileAtomically.ts';
import { colorsWanted } from '../reports/terminalColors.ts';
import type { Scenario } from '../model/scenario.ts';

export interface SimulateOptions {
  readonly scenario: string;
  readonly policy?: HealingPolicyKind;
  readonly json?: boolean;
  /** A directory of Kubernetes manifests: simulate that cluster (its FaultSchedule, or its node pool upgrade). */
  readonly cluster?: string;
  /** With --cluster: write the run as Kubernetes Events (`kubectl get events -o json`'s shape) to this file. */
  readonly eventsOut?: string;
  /** Run the scenario once under each of these policies (two or more) on the same fault schedule. */
  readonly compare?: readonly HealingPolicyKind[];
  /** With --compare: also write the comparison as a self-contained HTML page to this file. */
  readonly html?: string;
}

export function simulateCommand(options: SimulateOptions): string {
  if (options.eventsOut !== undefined && options.cluster === undefined) {
    throw new InputError('--events-out', [{ path: '--events-out', expected: 'a --cluster DIR too (events name the cluster\'s nodes and pods)', received: 'no --cluster' }]);
  }
  if (options.compare !== undefined) expectComparable(options);
  else if (options.html !== undefined) throw new InputError('--html', [{ path: '--html', expected: '--compare POLICIES too (the page compares policies)', received: 'no --compare' }]);
  const cluster = options.cluster === undefined ? null : readCluster(options.cluster);
  if (cluster) for (const line of clusterNotices(cluster)) process.stderr.write(`${line}\n`);
  const scenarioUnder = (policy: HealingPolicyKind | undefined): Scenario =>
    cluster ? (policy ? { ...cluster.scenario, policy: { ...cluster.scenario.policy, healing: healingPolicyNamed(policy) } } : cluster.scenario) : loadScenario(options.scenario, policy);
  if (options.compare !== undefined) return compareCommand(scenarioUnder, options.compare, options);
  const scenario = scenarioUnder(options.policy);
  // Wall-clock time is read here, outside the model, only to report the simulator's speed.
  const startedMs = performance.now();
  const trace = simulate(scenario);
  const wallMs = performance.now() - startedMs;
  const figures = simulationFigures(scenario, trace);
  if (cluster && options.eventsOut !== undefined) process.stderr.write(`fabric-verify: ${writeEventLog(options.eventsOut, cluster, trace)} events written to ${options.eventsOut}\n`);
  const eventsPerSecond = trace.steps / Math.max(wallMs / 1000, 1e-9);
  if (options.json) return JSON.stringify({ ...figures, eventsPerSecond: Math.round(eventsPerSecond), wallMs: Math.round(wallMs) }, null, 2);
  return simulationText(figures, keyEvents(trace), eventsPerSecond);
}

function expectComparable(options: SimulateOptions): void {
  const problems: { path: string; expected: string; received: string }[] = [];
  if (options.compare!.length < 2) problems.push({ path: '--compare', expected: 'two or more distinct healing policies (e.g. serial,parallel,adaptive)', received: options.compare!.join(',') });
  if (options.policy !== undefined) problems.push({ path: '--policy', expected: 'no --policy with --compare (each run gets one of the compared policies)', received: options.policy });
  if (options.eventsOut !== undefined) problems.push({ path: '--events-out', expected: 'no --events-out with --compare (an event log records one run)', received: options.eventsOut });
  if (problems.length > 0) throw new InputError('simulate', problems);
}

function compareCommand(scenarioUnder: (policy: HealingPolicyKind) => Scenario, policies: readonly HealingPolicyKind[], options: SimulateOptions): string {
  const comparison = comparePolicies(scenarioUnder, policies);
  if (options.html !== undefined) {
    writeFileAtomically(options.html, policyComparisonPage(comparison));
    process.stderr.write(`fabric-verify: comparison page written to ${options.html}\n`);
  }
  if (options.json) return JSON.stringify(comparison, null, 2);
  return policyComparisonText(comparison, colorsWanted(process.stdout));
}
