import fc from 'fast-check';
import { type PropertyDefinition } from '../propertyDefinition.ts';
import { eventsOfType } from '../traceQueries.ts';
import { mixedFaultScenarios } from './mixedFaults.ts';

const ENDINGS = new Set(['done', 'halted']);

export const upgradeTerminates: PropertyDefinition = {
  id: 'upgrade-terminates',
  statement: 'The upgrade ends done or halted, never stuck.',
  hypothesis: 'A broad fault mix that stops after four hours; spare capacity; failed servers are repaired.',
  expectation: 'holds',
  mustSee: [
    { id: 'upgrade-failures', description: 'servers failed their upgrade', minShare: 0.2, reached: (_s, t) => eventsOfType(t, 'server.upgradeFailed').length > 0 },
    { id: 'gated', description: 'the walk was gated on recovery', minShare: 0.3, reached: (s) => s.policy.upgradeGate === 'gated-on-recovery' && s.faults.some((f) => f.kind === 'upgrade-start') },
    { id: 'halted', description: 'the walk halted on its failure budget', minShare: 0.03, reached: (_s, t) => t.finalStates['upgrade'] === 'halted' },
  ],
  scenarios: (policy) => mixedFaultScenarios({ haltBudget: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) }, policy).map((s) => ({ ...s, faults: s.faults.some((f) => f.kind === 'upgrade-start') ? s.faults : [...s.faults, { kind: 'upgrade-start' as const, atS: 0 }] })),
  check: (_scenario, trace) => {
    const ending = trace.finalStates['upgrade'] ?? 'absent';
    return ENDINGS.has(ending) ? null : { atS: trace.endS, expected: 'the upgrade done or halted by the end of the run', seen: `still ${ending}` };
  },
};
