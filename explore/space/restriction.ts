/**
 * A fault hypothesis as a rule on schedules the explorer grows one fault at a time: whether a
 * fault may follow the ones already chosen, and what of those the rule remembers (part of a
 * state's identity: two states with the same future under the rule may merge, others not).
 */
import type { Fault } from '../../model/faultSchedule.ts';
import type { Topology } from '../../model/topology.ts';
import type { UntimedFault } from './faultChoice.ts';

export interface ScheduleRestriction {
  readonly description: string;
  allows(chosen: readonly Fault[], next: UntimedFault): boolean;
  /** What the rule remembers of the faults chosen so far. */
  memory(chosen: readonly Fault[]): string;
}

/**
 * The single-domain hypothesis (faultArbitraries.ts `singleDomainFailures`): failures inside
 * one fault domain, either at most `isolated` crashes of distinct servers or the whole rack.
 */
export function singleFaultDomain(topology: Topology, isolated: number): ScheduleRestriction {
  const domainOf = new Map(topology.servers.map((s) => [s.id, s.faultDomain]));
  const domainOfFault = (fault: UntimedFault): number | null =>
    fault.kind === 'crash' ? domainOf.get(fault.serverId)! : fault.kind === 'rack-failure' ? fault.faultDomain : null;
  return {
    description: `failures inside one fault domain: at most ${isolated} crashes, or the whole rack`,
    allows(chosen, next) {
      const domain = domainOfFault(next);
      if (domain === null) return false;
      if (chosen.length === 0) return true;
      if (chosen.some((f) => f.kind === 'rack-failure') || next.kind === 'rack-failure') return false;
      if (chosen.length >= isolated) return false;
      return chosen.every((f) => f.kind === 'crash' && domainOf.get(f.serverId) === domain && f.serverId !== (next as { serverId: string }).serverId);
    },
    memory(chosen) {
      const first = chosen[0];
      if (first === undefined) return '';
      if (first.kind === 'rack-failure') return `rack:${first.faultDomain}`;
      return `crashes:${chosen.map((f) => (f as { serverId: string }).serverId).sort().join(',')}`;
    },
  };
}
