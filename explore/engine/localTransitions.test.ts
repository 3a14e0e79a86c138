import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healingPolicyNamed } from '../../model/policy.ts';
import { SimulatedClock } from '../../model/simulatedTime.ts';
import { catalog } from '../../properties/catalog/index.ts';
import { EventTable } from '../../model/simulator/eventTable.ts';
import { buildFabricModel } from './fabricModel.ts';
import { CLOCK_FREE_POLICIES, LocalTransitions } from '../../model/simulator/localTransitions.ts';
import { runOnEngine } from './wholeRun.ts';

describe('remembered steps', () => {
  // A controller under a clock-free policy is remembered without the time: check it never reads it.
  it.each([...CLOCK_FREE_POLICIES])('a controller under %s healing steps the same at any time', (kind) => {
    const property = catalog.find((p) => p.id === 'recovery-eventually-completes')!;
    const [scenario] = fc.sample(property.scenarios({ healing: healingPolicyNamed(kind as 'serial') }), { numRuns: 1, seed: 3 });
    const model = buildFabricModel(scenario!);
    runOnEngine(scenario!, model);
    const controller = model.actors.find((a) => a.kind === 'controller')!;
    const seen = Array.from({ length: model.locals.size }, (_, id) => model.locals.byId(id)).filter((l) => l.kind === 'controller');
    const servers = scenario!.topology.servers.map((s) => s.id);
    const events = servers.flatMap((serverId) => [
      { type: 'server.heartbeatLost', serverId },
      { type: 'detection.expired', serverId },
      { type: 'server.heartbeatRestored', serverId },
      { type: 'server.repaired', serverId },
    ]);
    // Two memories of their own, so each step is computed, at times far apart.
    const fresh = () => new LocalTransitions(model.locals, new EventTable(), new SimulatedClock());
    const [early, late] = [fresh(), fresh()];
    for (const local of seen) {
      for (const event of events) {
        const table = new EventTable();
        const a = early.step(controller, local, table.intern(event), 60);
        const b = late.step(controller, local, table.intern(event), 86_400);
        expect(b.next.fingerprint).toBe(a.next.fingerprint);
        expect(JSON.stringify(b.effects.map((e) => ({ ...e, event: 'event' in e ? e.event.key : null })))).toBe(JSON.stringify(a.effects.map((e) => ({ ...e, event: 'event' in e ? e.event.key : null }))));
      }
    }
    expect(seen.length).toBeGreaterThan(2);
  });

  it('the same step asked twice is computed once', () => {
    const property = catalog.find((p) => p.id === 'single-instance-never-down')!;
    const scenario = fc.sample(property.scenarios(), { numRuns: 20, seed: 1 }).find((s) => s.faults.length > 0);
    const model = buildFabricModel(scenario!);
    runOnEngine(scenario!, model);
    const first = model.transitions.counts;
    runOnEngine(scenario!, model);
    const second = model.transitions.counts;
    expect(second.computed).toBe(first.computed);
    expect(second.remembered).toBeGreaterThan(first.remembered);
  });
});
