/**
 * How each fault of the schedule reaches the fabric: as events delivered to machines at
 * given times. A rack failure is every server of the fault domain crashing at once; a
 * heartbeat loss or network degradation is a start event and an end event.
 */
import type { Fault } from '../faultSchedule.ts';
import type { Topology } from '../topology.ts';
import { type Address, CONTROLLER, DEPLOYMENT_SERVICE, STORAGE, UPGRADE, serverAddress } from './addresses.ts';
import type { FabricEvent } from './wiring.ts';

export interface ExternalDelivery {
  readonly atS: number;
  readonly to: Address;
  readonly event: FabricEvent;
}

export function deliveriesOf(fault: Fault, topology: Topology): ExternalDelivery[] {
  switch (fault.kind) {
    case 'crash':
      return [{ atS: fault.atS, to: serverAddress(fault.serverId), event: { type: 'fault.crash' } }];
    case 'rack-failure':
      return topology.servers
        .filter((s) => s.faultDomain === fault.faultDomain)
        .map((s) => ({ atS: fault.atS, to: serverAddress(s.id), event: { type: 'fault.crash' } }));
    case 'heartbeat-loss':
      return [
        { atS: fault.atS, to: serverAddress(fault.serverId), event: { type: 'fault.heartbeatLoss' } },
        { atS: fault.atS + fault.durationS, to: serverAddress(fault.serverId), event: { type: 'fault.heartbeatRestored' } },
      ];
    case 'network-degradation':
      return [
        { atS: fault.atS, to: DEPLOYMENT_SERVICE, event: { type: 'fault.networkDegraded', latencyS: fault.latencyS } },
        { atS: fault.atS + fault.durationS, to: DEPLOYMENT_SERVICE, event: { type: 'fault.networkRestored' } },
      ];
    case 'management-request':
      return [{ atS: fault.atS, to: CONTROLLER, event: { type: 'portal.request', requestId: fault.requestId } }];
    case 'operator-parallel':
      return [{ atS: fault.atS, to: CONTROLLER, event: { type: 'operator.switchToParallel' } }];
    case 'upgrade-start':
      return [{ atS: fault.atS, to: UPGRADE, event: { type: 'operator.startUpgrade' } }];
    case 'storage-write':
      return [{ atS: fault.atS, to: STORAGE, event: { type: 'client.write', writeId: fault.writeId } }];
  }
}
