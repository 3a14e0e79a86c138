import type { PropertyDefinition } from '../propertyDefinition.ts';
import { SHORTEST_BLOCKING_BACKLOG, backlogAheadOf, lateAnswer, managementScenarios, sharedQueuePolicy } from './managementResponsive.ts';
import { managementWaits } from '../traceQueries.ts';

export const managementResponsiveSharedQueue: PropertyDefinition = {
  id: 'management-responsive-shared-queue',
  statement: 'Portal requests are answered within 30 minutes while they share the healing queue.',
  hypothesis: 'Up to six server crashes in the first ten minutes, portal requests in the first half hour; serial healing, one move at a time, instance start 15 minutes.',
  expectation: 'fails',
  expectedCounterexample: {
    description: `${SHORTEST_BLOCKING_BACKLOG} moves queued ahead of one request (the shortest backlog that delays it past 30 minutes)`,
    notMinimal: (scenario, trace) => {
      const late = managementWaits(trace).find((w) => w.waitS > 1800);
      if (!late) return 'no late request in the shrunk counterexample';
      const ahead = backlogAheadOf(trace, late.requestId);
      const requests = scenario.faults.filter((f) => f.kind === 'management-request').length;
      if (requests !== 1) return `${requests} portal requests, expected 1`;
      return ahead === SHORTEST_BLOCKING_BACKLOG ? null : `${ahead} items ahead of the late request, expected ${SHORTEST_BLOCKING_BACKLOG}`;
    },
  },
  mustSee: [],
  scenarios: (policy) => managementScenarios(sharedQueuePolicy, policy),
  check: lateAnswer,
};
