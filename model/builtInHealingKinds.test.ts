/**
 * A scenario read where no policy of the user's own is registered (this file registers none):
 * an unknown healing kind is told exactly the four built-in kinds.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from './inputError.ts';
import { parseScenario } from './scenarioSchema.ts';
import { incidentScenario } from './scenarios/incident20090313.ts';

describe('healing policy kinds with no policy of the user’s own registered', () => {
  it('rejects an unknown kind, listing the built-in kinds and nothing else', () => {
    const scenario = JSON.parse(JSON.stringify(incidentScenario()));
    scenario.policy.healing = { kind: 'fifo' };
    let issues: unknown;
    try {
      parseScenario(scenario);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      issues = (error as InputError).issues;
    }
    expect(issues).toEqual([{ path: 'policy.healing.kind', expected: '("serial" | "parallel" | "adaptive" | "kubernetes")', received: '"fifo"' }]);
  });

  it('accepts every built-in kind', () => {
    for (const kind of ['serial', 'parallel', 'adaptive', 'kubernetes'] as const) expect(parseScenario(incidentScenario(kind)).policy.healing.kind).toBe(kind);
  });
});
