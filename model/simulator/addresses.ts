/** Where an event is delivered: one actor per machine instance, named by its role in the fabric. */
export type Address = string;

export const CONTROLLER: Address = 'controller';
export const UPGRADE: Address = 'upgrade';
export const DEPLOYMENT_SERVICE: Address = 'deploymentService';
export const MONITORING: Address = 'monitoring';
export const STORAGE: Address = 'storage';

export function serverAddress(serverId: string): Address {
  return `server:${serverId}`;
}

export function instanceAddress(instanceId: string): Address {
  return `instance:${instanceId}`;
}
