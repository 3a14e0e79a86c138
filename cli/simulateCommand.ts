/**
 * `fabric-verify simulate`: run one scenario and show what happened.
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

export interface SimulateOptions {
  readonly scenario: string;
  readonly policy?: HealingPolicyKind;
  readonly json?: boolean;
  /** A directory of Kubernetes manifests: simulate that cluster (its FaultSchedule, or its node pool upgrade). */
  readonly cluster?: string;
  /** With --cluster: write the run as Kubernetes Events (`kubectl get events -o json`'s shape) to this file. */
  readonly eventsOut?: string;
}

export function simulateCommand(options: SimulateOptions): string {
  if (options.eventsOut !== undefined && options.cluster === undefined) {
    throw new InputError('--events-out', [{ path: '--events-out', expected: 'a --cluster DIR too (events name the cluster\'s nodes and pods)', received: 'no --cluster' }]);
  }
  const cluster = options.cluster === undefined ? null : readCluster(options.cluster);
  if (cluster) for (const line of clusterNotices(cluster)) process.stderr.write(`${line}\n`);
  const scenario = cluster ? (options.policy ? { ...cluster.scenario, policy: { ...cluster.scenario.policy, healing: healingPolicyNamed(options.policy) } } : cluster.scenario) : loadScenario(options.scenario, options.policy);
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
