import { it } from 'vitest';
import { CoverageRecorder } from '../coverage/coverageRecorder.ts';
import { controllerMachine } from './controllerMachine.ts';
import { deploymentServiceMachine } from './deploymentServiceMachine.ts';
import { instanceMachine } from './instanceMachine.ts';
import { machineSequences } from './sequences/index.ts';
import { monitoringMachine } from './monitoringMachine.ts';
import { serverMachine } from './serverMachine.ts';
import { storageMachine } from './storageMachine.ts';
import { upgradeMachine } from './upgradeMachine.ts';

it('scratch', () => {
  const recorder = new CoverageRecorder([serverMachine, instanceMachine, controllerMachine, upgradeMachine, deploymentServiceMachine, monitoringMachine, storageMachine]);
  for (const [m, sequences] of Object.entries(machineSequences)) {
    for (const [name, run] of Object.entries(sequences)) {
      try { (run as (i: unknown) => void)(recorder.inspect); } catch (e) { console.log('FAILED', m, name, String(e).slice(0, 200)); }
    }
  }
  for (const c of recorder.coverage()) console.log(c.id, `states ${c.states.covered}/${c.states.total}`, `transitions ${c.transitions.covered}/${c.transitions.total}`, '\n  ' + c.neverReached.join('\n  '));
});
