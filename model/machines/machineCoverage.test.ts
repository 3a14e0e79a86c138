/**
 * Model coverage: every sequence of `sequences/` runs under one recorder, and every
 * state and every transition of every machine — enumerated from the definitions, not from
 * what ran — must have been visited. A gap names what was never reached.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageRecorder, type MachineCoverage } from '../coverage/coverageRecorder.ts';
import { controllerMachine } from './controllerMachine.ts';
import { deploymentServiceMachine } from './deploymentServiceMachine.ts';
import { instanceMachine } from './instanceMachine.ts';
import { machineSequences } from './sequences/index.ts';
import { monitoringMachine } from './monitoringMachine.ts';
import { serverMachine } from './serverMachine.ts';
import { storageMachine } from './storageMachine.ts';
import { upgradeMachine } from './upgradeMachine.ts';

const machines = [serverMachine, instanceMachine, controllerMachine, upgradeMachine, deploymentServiceMachine, monitoringMachine, storageMachine];
const machineIds = Object.keys(machineSequences) as (keyof typeof machineSequences)[];

describe('model coverage of the machine sequences', () => {
  const recorder = new CoverageRecorder(machines);
  let coverage: ReadonlyMap<string, MachineCoverage>;

  beforeAll(() => {
    for (const sequences of Object.values(machineSequences)) {
      for (const run of Object.values(sequences)) run(recorder.inspect);
    }
    coverage = new Map(recorder.coverage().map((c) => [c.id, c]));
  });

  it('has sequences for exactly the machines of the model', () => {
    expect([...machineIds].sort()).toEqual(machines.map((m) => m.id).sort());
  });

  describe.each(machineIds)('%s', (id) => {
    const neverReached = () => `never reached:\n  ${coverage.get(id)!.neverReached.join('\n  ')}`;

    it('enters every state', () => {
      const { states } = coverage.get(id)!;
      expect(states.total).toBeGreaterThan(0);
      expect(states.covered, neverReached()).toBe(states.total);
    });

    it('takes every transition', () => {
      const { transitions } = coverage.get(id)!;
      expect(transitions.total).toBeGreaterThan(0);
      expect(transitions.covered, neverReached()).toBe(transitions.total);
    });
  });
});
