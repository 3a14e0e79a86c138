/**
 * The story of a run in a few lines: the moments a person reading an incident report would
 * mark (upgrade domains, failures, alerts, policy switches, apps going down, recovery).
 */
import { agree, count } from './plural.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { appsEver, recoveries } from '../properties/traceQueries.ts';

export interface KeyEvent {
  readonly t: number;
  readonly what: string;
}

export function keyEvents(trace: Trace): KeyEvent[] {
  const events: KeyEvent[] = [];
  const failedAt = new Map<number, string[]>();
  let downSoFar = 0;
  const everDown = new Set<string>();
  for (const entry of trace.entries) {
    if (entry.kind === 'state' && entry.actor.startsWith('server:') && entry.to === 'failed') {
      failedAt.set(entry.t, [...(failedAt.get(entry.t) ?? []), entry.actor.slice(7)]);
    }
    if (entry.kind === 'app' && entry.to === 'down' && !everDown.has(entry.appId)) {
      everDown.add(entry.appId);
      downSoFar++;
    }
    if (entry.kind !== 'event') continue;
    const { event, t } = entry;
    switch (event.type) {
      case 'upgrade.domainStarted':
        events.push({ t, what: `upgrade walks update domain ${event.domainIndex}` });
        break;
      case 'upgrade.finished':
        events.push({ t, what: 'upgrade finished' });
        break;
      case 'upgrade.halted':
        events.push({ t, what: `upgrade halted after ${event.failedServers} failed servers` });
        break;
      case 'fault.networkDegraded':
        events.push({ t, what: `network degrades: deployment calls take ${event.latencyS}s` });
        break;
      case 'fault.networkRestored':
        events.push({ t, what: 'network healthy again' });
        break;
      case 'monitoring.alertRaised':
        events.push({ t, what: `monitoring alerts: ${event.deadServers} servers dead` });
        break;
      case 'controller.policySwitched':
        events.push({ t, what: `operator switches healing to ${event.policy}` });
        break;
    }
  }
  for (const [t, servers] of failedAt) events.push({ t, what: `${count(servers.length, 'server')} ${agree(servers.length, 'fails', 'fail')}: ${servers.join(' ')}` });
  const lastRecovery = recoveries(trace).reduce<number | null>((last, r) => (r.runningAtS === null || last === null ? null : Math.max(last, r.runningAtS)), 0);
  if (lastRecovery) events.push({ t: lastRecovery, what: 'every lost instance runs again' });
  if (appsEver(trace, 'down').size > 0) events.push({ t: trace.endS, what: `end of run: ${count(downSoFar, 'app')} ${agree(downSoFar, 'was', 'were')} down at some point` });
  return events.sort((a, b) => a.t - b.t);
}
