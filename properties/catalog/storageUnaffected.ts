import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { type PropertyDefinition, type Violation } from '../propertyDefinition.ts';
import { eventsOfType, storageTally } from '../traceQueries.ts';
import { mixedFaultScenarios } from './mixedFaults.ts';

function storageHurt(_scenario: Scenario, trace: Trace): Violation | null {
  const change = trace.entries.find((e) => e.kind === 'state' && e.actor === 'storage');
  if (change && change.kind === 'state') return { atS: change.t, expected: 'storage always serving', seen: `storage went from ${change.from} to ${change.to}` };
  const tally = storageTally(trace);
  return tally.lost === 0 ? null : { atS: trace.endS, expected: 'every write acknowledged and kept', seen: `${tally.lost} of ${tally.written} writes not acknowledged` };
}

/** A client wrote while some server was out of service. */
function wroteDuringComputeFault(_scenario: Scenario, trace: Trace): boolean {
  const out = new Set<string>();
  for (const e of trace.entries) {
    if (e.kind === 'state' && e.actor.startsWith('server:')) {
      if (e.to === 'running') out.delete(e.actor);
      else out.add(e.actor);
    }
    if (e.kind === 'event' && e.event.type === 'client.write' && out.size > 0) return true;
  }
  return false;
}

export const storageUnaffected: PropertyDefinition = {
  id: 'storage-unaffected',
  statement: 'Storage stays available and loses no acknowledged write through any compute fault.',
  hypothesis: 'A broad fault mix on compute; clients write every five minutes.',
  expectation: 'holds',
  mustSee: [
    { id: 'write-during-fault', description: 'a write arrived while a server was out of service', minShare: 0.5, reached: wroteDuringComputeFault },
    { id: 'writes', description: 'writes were acknowledged', minShare: 1, reached: (_s, t) => eventsOfType(t, 'storage.acknowledged').length > 0 },
  ],
  scenarios: (policy) => mixedFaultScenarios({ storageWritesEveryS: 300 }, policy),
  check: storageHurt,
};
