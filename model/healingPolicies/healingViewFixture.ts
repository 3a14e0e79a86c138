/**
 * Test support: a controller's view for the healing policies' tests, with the work items and
 * fault-domain health they are built from.
 */
import type { FaultDomainHealth, HealingView, WorkItem } from '../healingView.ts';

export const move = (instanceId: string, fromServerId: string, fromFaultDomain: number): WorkItem => ({ kind: 'move', instanceId, fromServerId, fromFaultDomain });
export const request = (requestId: string): WorkItem => ({ kind: 'management', requestId });
export const domain = (faultDomain: number, servers: number, lookDead: number, declaredDead = 0): FaultDomainHealth => ({ faultDomain, servers, lookDead, declaredDead });

/** Two domains of four servers, one server of domain 0 looking dead, nothing queued, at time 0. */
export function viewWith(change: Partial<HealingView>): HealingView {
  return {
    queue: [],
    inFlight: [],
    faultDomains: [domain(0, 4, 1), domain(1, 4, 0)],
    evictedServers: new Set(),
    serversLookingDead: new Set(['s00']),
    nowS: 0,
    ...change,
  };
}
