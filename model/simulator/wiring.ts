/**
 * The fabric's channels: who hears what each machine emits. Routing is by event type and the
 * ids the event names; it decides nothing a machine would (no guards, no state).
 */
import type { ControllerEmitted, ControllerEvent } from '../machines/controllerMachine.ts';
import type { DeploymentServiceEmitted, DeploymentServiceEvent } from '../machines/deploymentServiceMachine.ts';
import type { InstanceEmitted, InstanceEvent } from '../machines/instanceMachine.ts';
import type { MonitoringEmitted, MonitoringEvent } from '../machines/monitoringMachine.ts';
import type { ServerEmitted, ServerEvent } from '../machines/serverMachine.ts';
import type { StorageEmitted, StorageEvent } from '../machines/storageMachine.ts';
import type { UpgradeEmitted, UpgradeEvent } from '../machines/upgradeMachine.ts';
import { type Address, CONTROLLER, DEPLOYMENT_SERVICE, MONITORING, UPGRADE, instanceAddress, serverAddress } from './addresses.ts';

export type FabricEmitted =
  | ServerEmitted
  | InstanceEmitted
  | ControllerEmitted
  | UpgradeEmitted
  | DeploymentServiceEmitted
  | MonitoringEmitted
  | StorageEmitted;

export type FabricEvent =
  | ServerEvent
  | InstanceEvent
  | ControllerEvent
  | UpgradeEvent
  | DeploymentServiceEvent
  | MonitoringEvent
  | StorageEvent;

const NOBODY: readonly Address[] = [];
const TO_CONTROLLER: readonly Address[] = [CONTROLLER];
const TO_CONTROLLER_AND_UPGRADE: readonly Address[] = [CONTROLLER, UPGRADE];
const TO_UPGRADE: readonly Address[] = [UPGRADE];
const TO_DEPLOYMENT_SERVICE: readonly Address[] = [DEPLOYMENT_SERVICE];
const TO_MONITORING: readonly Address[] = [MONITORING];

export function recipientsOf(event: FabricEmitted): readonly Address[] {
  switch (event.type) {
    case 'server.heartbeatLost':
    case 'server.heartbeatRestored':
    case 'server.draining':
    case 'server.repaired':
    case 'server.rejoined':
      return TO_CONTROLLER;
    case 'server.upgraded':
    case 'server.upgradeFailed':
    case 'instance.running':
      return TO_CONTROLLER_AND_UPGRADE;
    case 'server.upgradeSkipped':
    case 'instance.stopped':
      return TO_UPGRADE;
    case 'server.deploymentRequested':
      return TO_DEPLOYMENT_SERVICE;
    case 'server.copyStopped':
    case 'server.copyRestarted':
    case 'server.copyLost':
    case 'controller.queued':
      return [instanceAddress(event.instanceId)];
    case 'deployment.completed':
    case 'upgrade.upgradeServer':
    case 'controller.evict':
      return [serverAddress(event.serverId)];
    case 'controller.declaredDead':
      return [serverAddress(event.serverId), MONITORING];
    case 'controller.serverRestored':
      return TO_MONITORING;
    case 'controller.move':
      return [instanceAddress(event.instanceId), serverAddress(event.serverId)];
    case 'instance.lost':
    case 'upgrade.domainStarted':
    case 'upgrade.finished':
    case 'upgrade.halted':
    case 'controller.reclaimed':
    case 'controller.managementAnswered':
    case 'controller.policySwitched':
    case 'monitoring.alertRaised':
    case 'monitoring.alertCleared':
    case 'storage.acknowledged':
      return NOBODY;
  }
}
