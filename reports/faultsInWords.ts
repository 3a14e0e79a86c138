/**
 * A fault schedule as sentences, in time order: how a counterexample reads to a person.
 */
import type { Fault, FaultSchedule } from '../model/faultSchedule.ts';
import { inTimeOrder } from '../model/faultSchedule.ts';
import type { Topology } from '../model/topology.ts';
import { clockTime, duration } from './clock.ts';

export function faultInWords(fault: Fault, topology: Topology): string {
  switch (fault.kind) {
    case 'crash':
      return `server ${fault.serverId} crashes`;
    case 'rack-failure': {
      const servers = topology.servers.filter((s) => s.faultDomain === fault.faultDomain).map((s) => s.id);
      return `rack ${fault.faultDomain} loses power: ${servers.join(' ')} crash`;
    }
    case 'heartbeat-loss':
      return `server ${fault.serverId} loses its heartbeats for ${duration(fault.durationS)} (it keeps running)`;
    case 'network-degradation':
      return `the deployment service slows to ${duration(fault.latencyS)} a call for ${duration(fault.durationS)}`;
    case 'management-request':
      return `portal request ${fault.requestId}`;
    case 'operator-parallel':
      return 'the operator switches healing to parallel';
    case 'upgrade-start':
      return 'the rolling upgrade starts';
    case 'storage-write':
      return `a client writes ${fault.writeId}`;
  }
}

/** One line per fault; storage writes (background traffic) are summarised in one line. */
export function scheduleInWords(schedule: FaultSchedule, topology: Topology): string[] {
  const ordered = inTimeOrder(schedule);
  const lines = ordered.filter((f) => f.kind !== 'storage-write').map((f) => `${clockTime(f.atS).padStart(8)}  ${faultInWords(f, topology)}`);
  const writes = ordered.filter((f) => f.kind === 'storage-write').length;
  if (writes > 0) lines.push(`          (and ${writes} storage writes)`);
  return lines.length > 0 ? lines : ['          (no faults)'];
}
