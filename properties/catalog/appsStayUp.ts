/**
 * The check shared by the availability properties: no app of the watched kind is ever down.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { AppSpec } from '../../model/topology.ts';
import { appIdsWhere } from '../appKinds.ts';
import type { Violation } from '../propertyDefinition.ts';

export function firstDownOf(kind: (app: AppSpec) => boolean, describe: string) {
  return (scenario: Scenario, trace: Trace): Violation | null => {
    const watched = appIdsWhere(scenario.topology, kind);
    for (const entry of trace.entries) {
      if (entry.kind === 'app' && entry.to === 'down' && watched.has(entry.appId)) {
        return { atS: entry.t, expected: `${describe} ${entry.appId} never down`, seen: `${entry.appId} down (every instance of a role stopped)` };
      }
    }
    return null;
  };
}

/** Some app of the kind ran below its instance count at some point (an instance was lost). */
export function someAppDegraded(kind: (app: AppSpec) => boolean) {
  return (scenario: Scenario, trace: Trace): boolean => {
    const watched = appIdsWhere(scenario.topology, kind);
    return trace.entries.some((e) => e.kind === 'app' && e.to !== 'available' && watched.has(e.appId));
  };
}
