/**
 * Monitoring must alert within its evaluation window once the servers declared dead reach
 * the threshold and stay there. The oracle counts declarations and restorations as monitoring
 * received them, and watches for the alert.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { type PropertyDefinition, type Violation } from '../propertyDefinition.ts';

import { mixedFaultScenarios } from './mixedFaults.ts';

export function thresholdCrossings(scenario: Scenario, trace: Trace): number {
  let dead = 0;
  let crossings = 0;
  for (const e of trace.entries) {
    if (e.kind !== 'event' || e.to !== 'monitoring') continue;
    const before = dead;
    dead += e.event.type === 'controller.declaredDead' ? 1 : e.event.type === 'controller.serverRestored' ? -1 : 0;
    if (before < scenario.policy.alertThreshold && dead >= scenario.policy.alertThreshold) crossings++;
  }
  return crossings;
}

function lateAlert(scenario: Scenario, trace: Trace): Violation | null {
  const threshold = scenario.policy.alertThreshold;
  const windowS = scenario.timings.alertEvaluationS;
  let dead = 0;
  let alerting = false;
  let aboveSinceS: number | null = null;
  const overdue = (t: number): Violation | null =>
    aboveSinceS !== null && !alerting && t > aboveSinceS + windowS
      ? { atS: aboveSinceS + windowS, expected: `an alert within ${windowS}s of ${threshold} servers declared dead (from ${aboveSinceS}s)`, seen: 'no alert' }
      : null;
  for (const e of trace.entries) {
    if (e.kind !== 'event') continue;
    const late = overdue(e.t);
    if (late) return late;
    if (e.event.type === 'monitoring.alertRaised') alerting = true;
    if (e.event.type === 'monitoring.alertCleared') alerting = false;
    if (e.to !== 'monitoring') continue;
    if (e.event.type === 'controller.declaredDead') dead++;
    if (e.event.type === 'controller.serverRestored') dead--;
    if (dead >= threshold && aboveSinceS === null) aboveSinceS = e.t;
    if (dead < threshold) aboveSinceS = null;
  }
  return overdue(Infinity);
}

export const alertRaisedInTime: PropertyDefinition = {
  id: 'alert-raised-in-time',
  statement: 'Monitoring alerts within its evaluation window after the servers declared dead cross the threshold.',
  hypothesis: 'A broad fault mix; an alert threshold of 1 to 3 servers.',
  expectation: 'holds',
  mustSee: [{ id: 'threshold-crossed', description: 'dead servers crossed the alert threshold', minShare: 0.5, reached: (s, t) => thresholdCrossings(s, t) > 0 }],
  scenarios: (policy) => mixedFaultScenarios({}, policy),
  check: lateAlert,
};

