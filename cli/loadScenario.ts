/**
 * `--scenario` takes a built-in scenario's name or a path to a JSON scenario file.
 */
import type { HealingPolicyKind } from '../model/policy.ts';
import { healingPolicyNamed } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { parseScenario } from '../model/scenarioSchema.ts';
import { INCIDENT_NAME, incidentScenario } from '../model/scenarios/incident20090313.ts';
import { readInputDocument } from '../model/inputFile.ts';
import { InputError } from '../model/inputError.ts';
import { existsSync } from 'node:fs';
import { didYouMean } from '../model/didYouMean.ts';

export const BUILT_IN_SCENARIOS = [INCIDENT_NAME] as const;

export function loadScenario(nameOrPath: string, healing?: HealingPolicyKind): Scenario {
  if (nameOrPath === INCIDENT_NAME) return incidentScenario(healing);
  const scenario = parseScenario(readJson(nameOrPath), nameOrPath);
  if (healing === undefined) return scenario;
  // A policy given on the command line holds for the whole run: the operator's switch goes.
  return {
    ...scenario,
    policy: { ...scenario.policy, healing: healingPolicyNamed(healing) },
    faults: scenario.faults.filter((f) => f.kind !== 'operator-parallel'),
  };
}

export function readJson(path: string): unknown {
  const expected = `a readable JSON file or one of: ${BUILT_IN_SCENARIOS.join(', ')}`;
  // A name that is no file but close to a built-in scenario's is a typo of it.
  const hint = existsSync(path) ? '' : didYouMean(path, BUILT_IN_SCENARIOS);
  if (hint) throw new InputError(path, [{ path: '', expected, received: `no such file${hint}` }]);
  return readInputDocument(path, `a readable JSON file or one of: ${BUILT_IN_SCENARIOS.join(', ')}`);
}
