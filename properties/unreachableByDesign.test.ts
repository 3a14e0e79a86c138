/**
 * The transitions and states named unreachable by design: each is a real one of its machine,
 * and the premise of its reason holds for every catalog generator (every task, every variant):
 * each topology has a server (so an update domain), places every instance when the story
 * begins, and has no surge server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { machineGraph } from '../model/coverage/machineGraph.ts';
import { placeInitially } from '../model/initialPlacement.ts';
import { allMachines, campaignTasks } from './campaign.ts';
import { DEFAULT_CONFIG } from './campaignConfig.ts';
import { scenariosFor } from './checkProperty.ts';
import { DEFAULT_SEED } from './seeds.ts';
import { UNREACHABLE_BY_DESIGN, UNREACHABLE_STATES_BY_DESIGN } from './unreachableByDesign.ts';

describe('transitions unreachable by design', () => {
  it('are transitions of their machines, by the coverage keys', () => {
    const graphs = new Map(allMachines().map((m) => [m.id, machineGraph(m)]));
    for (const u of UNREACHABLE_BY_DESIGN) expect(graphs.get(u.machine)?.transitions, u.transition).toContain(u.transition);
    for (const u of UNREACHABLE_STATES_BY_DESIGN) expect(graphs.get(u.machine)?.states, u.state).toContain(u.state);
  });

  for (const task of campaignTasks(DEFAULT_CONFIG)) {
    it(`${task.property.id}${task.variant ? ` (${task.variant.label})` : ''}: every topology has an update domain, room for every instance at the start and no surge server`, () => {
      const scenarios = fc.sample(scenariosFor(task.property, task.variant ?? undefined, false), { seed: DEFAULT_SEED, numRuns: 60 });
      for (const scenario of scenarios) {
        expect(scenario.topology.servers.length).toBeGreaterThan(0);
        expect(placeInitially(scenario.topology).unplaced).toEqual([]);
        expect(scenario.topology.servers.filter((s) => s.surge)).toEqual([]);
      }
    });
  }
});
