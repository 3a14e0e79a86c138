import fc from 'fast-check';
import { rackedServers } from '../../model/topology.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { basePolicy } from '../arbitraries/scenarioArbitrary.ts';
import { lateRecovery, parallelRecoveryBoundS, recoveryDurations, singleDomainRecoveryScenarios } from './recoveryBound.ts';

/** The test's parameters: serial healing of k moves at a time, m instances on every server. */
export const SERIAL_CONCURRENCY = 2;
export const INSTANCES_PER_SERVER = 2;
const SERVERS = 8;
/** One failure breaks the bound once it loses more than k instances: ⌈(k + 1) / m⌉ servers. */
export const FEWEST_FAILED_SERVERS = Math.ceil((SERIAL_CONCURRENCY + 1) / INSTANCES_PER_SERVER);

const evenlyLoaded = fc.constant({
  servers: rackedServers(SERVERS, 2, 4, 3 * INSTANCES_PER_SERVER),
  apps: Array.from({ length: SERVERS * INSTANCES_PER_SERVER }, (_, a) => ({ id: `app${a}`, roles: [{ id: 'role0', instances: 1 }] })),
});

export const serialRecoveryBounded: PropertyDefinition = {
  id: 'serial-recovery-bounded',
  statement: 'Under serial healing every lost instance runs again within the same bound (detection timeout + instance start).',
  hypothesis: `As parallel-recovery-bounded, on ${SERVERS} servers holding ${INSTANCES_PER_SERVER} instances each, serial healing of ${SERIAL_CONCURRENCY} moves at a time.`,
  expectation: 'fails',
  expectedCounterexample: {
    description: `${FEWEST_FAILED_SERVERS} failed servers: ${FEWEST_FAILED_SERVERS * INSTANCES_PER_SERVER} lost instances, more than the ${SERIAL_CONCURRENCY} serial healing starts at once`,
    notMinimal: (scenario) => {
      const failed = new Set<string>();
      for (const fault of scenario.faults) {
        if (fault.kind === 'crash') failed.add(fault.serverId);
        if (fault.kind === 'rack-failure') for (const s of scenario.topology.servers) if (s.faultDomain === fault.faultDomain) failed.add(s.id);
      }
      return failed.size === FEWEST_FAILED_SERVERS ? null : `${failed.size} failed servers, expected ${FEWEST_FAILED_SERVERS}`;
    },
  },
  mustSee: [],
  scenarios: (policy) => singleDomainRecoveryScenarios(evenlyLoaded, { ...basePolicy, healing: { kind: 'serial', concurrency: SERIAL_CONCURRENCY } }, policy),
  check: lateRecovery,
  measure: (scenario, trace) => ({ durationsS: recoveryDurations(trace), boundS: parallelRecoveryBoundS(scenario) }),
};
