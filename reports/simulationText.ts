/**
 * `fabric-verify simulate`'s terminal output: the key events on a timeline, then the figures.
 */
import type { SimulationFigures } from '../properties/simulationFigures.ts';
import { clockTime, duration } from './clock.ts';
import type { KeyEvent } from './keyEvents.ts';

export function simulationText(figures: SimulationFigures, events: readonly KeyEvent[], eventsPerSecond: number): string {
  const lines = [`${figures.scenario} — healing: ${figures.policy}`, ''];
  for (const event of events) lines.push(`  ${clockTime(event.t).padStart(8)}  ${event.what}`);
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(28)}${value}`);
  lines.push('', 'Figures');
  row('servers failed', String(figures.serversFailed));
  row('apps down at some point', `${figures.appsDown} (single-instance ${figures.singleInstanceAppsDown}, multi-instance ${figures.multiInstanceAppsDown} of ${figures.multiInstanceApps})`);
  row('apps degraded at some point', String(figures.appsDegraded));
  row('mean downtime per app', `single-instance ${duration(figures.meanDowntimeSingleInstanceS)}, multi-instance ${duration(figures.meanDowntimeMultiInstanceS)}`);
  row('time to restore', figures.restoreTimeS === null ? 'never (some instance still lost at the end)' : duration(figures.restoreTimeS));
  row('longest management wait', `${duration(figures.longestManagementWaitS)} (${figures.managementRequests} requests)`);
  row('storage writes lost', String(figures.storageWritesLost));
  row('upgrade', figures.upgrade);
  row('simulated', `${duration(figures.endS)} (${figures.end}), ${figures.events} events, ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s`);
  return lines.join('\n');
}
