/**
 * Event sequences that walk every state and every transition of the fabric's machines, one
 * file per machine, each sequence a short story with its expectations inline. The per-machine
 * tests run them one by one under readable names; `machineCoverage.test.ts` runs all of them
 * under a coverage recorder and proves nothing is left unvisited.
 */
import { controllerSequences } from './controllerSequences.ts';
import { deploymentServiceSequences } from './deploymentServiceSequences.ts';
import { instanceSequences } from './instanceSequences.ts';
import { monitoringSequences } from './monitoringSequences.ts';
import { serverSequences } from './serverSequences.ts';
import { storageSequences } from './storageSequences.ts';
import { upgradeSequences } from './upgradeSequences.ts';

export type { Inspect, Sequence } from './fixtures.ts';
export { controllerSequences, deploymentServiceSequences, instanceSequences, monitoringSequences, serverSequences, storageSequences, upgradeSequences };

/** Every machine's sequences, by machine id. */
export const machineSequences = {
  server: serverSequences,
  instance: instanceSequences,
  controller: controllerSequences,
  upgrade: upgradeSequences,
  deploymentService: deploymentServiceSequences,
  monitoring: monitoringSequences,
  storage: storageSequences,
} as const;
