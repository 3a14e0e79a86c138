/**
 * The property catalog: DESIGN.md's table, in its order. Tests, the command line and the
 * reports all read this one list.
 */
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { alertRaisedInTime } from './alertRaisedInTime.ts';
import { allSuspectStopsHealing } from './allSuspectStopsHealing.ts';
import { backlogDrainsAfterTrigger } from './backlogDrainsAfterTrigger.ts';
import { capacityAndSpreadRespected } from './capacityAndSpreadRespected.ts';
import { defaultTemplateFitsQuota } from './defaultTemplateFitsQuota.ts';
import { falsePositiveChurnBounded } from './falsePositiveChurnBounded.ts';
import { haltBoundsUpgradeDamage } from './haltBoundsUpgradeDamage.ts';
import { managementResponsiveOwnLane } from './managementResponsiveOwnLane.ts';
import { managementResponsiveSharedQueue } from './managementResponsiveSharedQueue.ts';
import { multiInstanceCorrelatedFailure } from './multiInstanceCorrelatedFailure.ts';
import { multiInstanceNeverFullyDown } from './multiInstanceNeverFullyDown.ts';
import { noDuplicateRunningInstance } from './noDuplicateRunningInstance.ts';
import { parallelRecoveryBounded } from './parallelRecoveryBounded.ts';
import { recoveryEventuallyCompletes } from './recoveryEventuallyCompletes.ts';
import { serialRecoveryBounded } from './serialRecoveryBounded.ts';
import { singleInstanceNeverDown } from './singleInstanceNeverDown.ts';
import { storageUnaffected } from './storageUnaffected.ts';
import { upgradeContinueAnyway } from './upgradeContinueAnyway.ts';
import { upgradeGatedOnRecovery } from './upgradeGatedOnRecovery.ts';
import { upgradeKeepsMultiInstanceUp } from './upgradeKeepsMultiInstanceUp.ts';
import { upgradeTerminates } from './upgradeTerminates.ts';

export const catalog: readonly PropertyDefinition[] = [
  singleInstanceNeverDown,
  multiInstanceNeverFullyDown,
  multiInstanceCorrelatedFailure,
  upgradeKeepsMultiInstanceUp,
  upgradeContinueAnyway,
  upgradeGatedOnRecovery,
  parallelRecoveryBounded,
  serialRecoveryBounded,
  recoveryEventuallyCompletes,
  backlogDrainsAfterTrigger,
  managementResponsiveSharedQueue,
  managementResponsiveOwnLane,
  falsePositiveChurnBounded,
  allSuspectStopsHealing,
  noDuplicateRunningInstance,
  capacityAndSpreadRespected,
  upgradeTerminates,
  haltBoundsUpgradeDamage,
  alertRaisedInTime,
  storageUnaffected,
  defaultTemplateFitsQuota,
];

export function propertyById(id: string): PropertyDefinition | undefined {
  return catalog.find((p) => p.id === id);
}
