/**
 * A PodDisruptionBudget as a property: a voluntary disruption (a node drain stopping a pod)
 * may only happen while, after it, the app still has at least the budget's floor of pods
 * serving — the rule the eviction API enforces. Involuntary losses (a crashed or lost node)
 * are not the budget's to limit, so only drains are judged; but the pods they leave count.
 */
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import type { BudgetFloor } from '../properties/counterexample.ts';
import type { PropertyDefinition, Violation } from '../properties/propertyDefinition.ts';
import { appOfInstance, servingOfState } from './servingPods.ts';

export const PDB_PROPERTY_ID = 'pdb-respected';
export const PDB_STATEMENT = 'A node drain stops a pod only while its app keeps at least its PodDisruptionBudget\'s floor of pods serving.';

export type PodFloor = BudgetFloor;

export function pdbViolation(floors: ReadonlyMap<string, PodFloor>) {
  return (_scenario: Scenario, trace: Trace): Violation | null => {
    const serving = new Map<string, number>();
    const copies = new Map<string, number>();
    for (const [address, state] of Object.entries(trace.initialStates)) {
      if (!address.startsWith('instance:')) continue;
      const id = address.slice(9);
      copies.set(id, servingOfState(state));
      serving.set(appOfInstance(id), (serving.get(appOfInstance(id)) ?? 0) + servingOfState(state));
    }
    for (const entry of trace.entries) {
      if (entry.kind !== 'state' || !entry.actor.startsWith('instance:')) continue;
      const id = entry.actor.slice(9);
      const app = appOfInstance(id);
      const now = servingOfState(entry.to);
      serving.set(app, (serving.get(app) ?? 0) + now - (copies.get(id) ?? 0));
      copies.set(id, now);
      const floor = floors.get(app);
      const drained = entry.to.startsWith('lifecycle.stopped') && !entry.from.startsWith('lifecycle.stopped');
      if (floor && drained && serving.get(app)! < floor.minAvailable) {
        return {
          atS: entry.t,
          expected: `${app} keeps at least ${floor.minAvailable} pods serving through a drain (${floor.pdb})`,
          seen: `a drain stopped ${id}, leaving ${serving.get(app)} serving`,
        };
      }
    }
    return null;
  };
}

/** pdb-respected as a counterexample file records it: its check, by the floors the file carries. */
export function replayedPdbProperty(budgets: Readonly<Record<string, BudgetFloor>>): Pick<PropertyDefinition, 'id' | 'check'> {
  return { id: PDB_PROPERTY_ID, check: pdbViolation(new Map(Object.entries(budgets))) };
}
