/**
 * `fabric-verify simulate`: run one scenario and show what happened.
 */
import { simulate } from '../model/simulator/simulate.ts';
import type { HealingPolicyKind } from '../model/policy.ts';
import { simulationFigures } from '../properties/simulationFigures.ts';
import { keyEvents } from '../reports/keyEvents.ts';
import { simulationText } from '../reports/simulationText.ts';
import { loadScenario } from './loadScenario.ts';

export interface SimulateOptions {
  readonly scenario: string;
  readonly policy?: HealingPolicyKind;
  readonly json?: boolean;
}

export function simulateCommand(options: SimulateOptions): string {
  const scenario = loadScenario(options.scenario, options.policy);
  // Wall-clock time is read here, outside the model, only to report the simulator's speed.
  const startedMs = performance.now();
  const trace = simulate(scenario);
  const wallMs = performance.now() - startedMs;
  const figures = simulationFigures(scenario, trace);
  const eventsPerSecond = trace.steps / Math.max(wallMs / 1000, 1e-9);
  if (options.json) return JSON.stringify({ ...figures, eventsPerSecond: Math.round(eventsPerSecond), wallMs: Math.round(wallMs) }, null, 2);
  return simulationText(figures, keyEvents(trace), eventsPerSecond);
}
