import type { PropertyDefinition } from '../propertyDefinition.ts';
import { lateAnswer, managementScenarios, requestWaitedBehindHealing, sharedQueuePolicy } from './managementResponsive.ts';

export const managementResponsiveOwnLane: PropertyDefinition = {
  id: 'management-responsive-own-lane',
  statement: 'Portal requests are answered within 30 minutes when they have a lane of their own.',
  hypothesis: 'As management-responsive-shared-queue, with portal requests in their own lane.',
  expectation: 'holds',
  mustSee: [{ id: 'healing-busy', description: 'a request arrived while healing had work queued or in flight', minShare: 0.3, reached: requestWaitedBehindHealing }],
  scenarios: (policy) => managementScenarios({ ...sharedQueuePolicy, management: 'own-lane' }, policy),
  check: lateAnswer,
};
