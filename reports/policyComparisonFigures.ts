/**
 * The figures `simulate --compare` sets side by side, one row each, in the terminal table
 * (policyComparisonText.ts) and the HTML page (html/policyComparisonPage.ts) alike.
 */
import type { SimulationFigures } from '../properties/simulationFigures.ts';
import { duration } from './clock.ts';

export type ComparisonFigure = readonly [label: string, value: (figures: SimulationFigures) => string];

export const COMPARISON_FIGURES: readonly ComparisonFigure[] = [
  ['apps down at some point', (f) => String(f.appsDown)],
  ['  of them multi-instance', (f) => `${f.multiInstanceAppsDown} of ${f.multiInstanceApps}`],
  ['apps degraded at some point', (f) => String(f.appsDegraded)],
  ['mean downtime, single-instance', (f) => duration(f.meanDowntimeSingleInstanceS)],
  ['mean downtime, multi-instance', (f) => duration(f.meanDowntimeMultiInstanceS)],
  ['time to restore', (f) => (f.restoreTimeS === null ? 'never' : duration(f.restoreTimeS))],
  ['longest management wait', (f) => `${duration(f.longestManagementWaitS)} (${f.managementRequests} requests)`],
  ['servers failed', (f) => String(f.serversFailed)],
  ['storage writes lost', (f) => String(f.storageWritesLost)],
  ['upgrade', (f) => f.upgrade],
  ['run ended', (f) => `${duration(f.endS)} (${f.end}), ${f.events} events`],
];
