/**
 * One fault the explorer may inject at a choice point: a fault of the schedule without its
 * time, which the grid supplies.
 */
import type { Fault } from '../../model/faultSchedule.ts';

type Untimed<F> = F extends Fault ? Omit<F, 'atS'> : never;
export type UntimedFault = Untimed<Fault>;

export interface FaultChoice {
  readonly fault: UntimedFault;
  /** How the reports name it: `crash s01`, `heartbeat-loss s02 600s`. */
  readonly label: string;
}

export function atTime(choice: FaultChoice, atS: number): Fault {
  return { ...choice.fault, atS } as Fault;
}

export function labelOf(fault: UntimedFault): string {
  switch (fault.kind) {
    case 'crash':
      return `crash ${fault.serverId}`;
    case 'heartbeat-loss':
      return `heartbeat-loss ${fault.serverId} ${fault.durationS}s`;
    case 'rack-failure':
      return `rack-failure fd${fault.faultDomain}`;
    case 'network-degradation':
      return `network-degradation ${fault.durationS}s at ${fault.latencyS}s`;
    case 'management-request':
      return `management-request ${fault.requestId}`;
    case 'operator-parallel':
      return 'operator-parallel';
    case 'upgrade-start':
      return 'upgrade-start';
    case 'storage-write':
      return `storage-write ${fault.writeId}`;
  }
}
