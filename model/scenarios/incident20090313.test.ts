import { beforeAll, describe, expect, it } from 'vitest';
import { appIntervals, failedServers, firstServerFailureS } from '../../properties/traceQueries.ts';
import { type SimulationFigures, simulationFigures } from '../../properties/simulationFigures.ts';
import { placeInitially } from '../initialPlacement.ts';
import type { Scenario } from '../scenario.ts';
import { simulate } from '../simulator/simulate.ts';
import type { Trace } from '../simulator/trace.ts';
import { quotaCharge } from '../topology.ts';
import { incidentScenario } from './incident20090313.ts';

/** The portal's service-level bound on a management request (DOMAIN.md): 30 minutes. */
const MANAGEMENT_BOUND_S = 1800;

interface Run {
  readonly scenario: Scenario;
  readonly trace: Trace;
  readonly figures: SimulationFigures;
}

function run(scenario: Scenario): Run {
  const trace = simulate(scenario);
  return { scenario, trace, figures: simulationFigures(scenario, trace) };
}

// Both upgrade domains walked while the network was slow fail whole: update domains 0 and 1,
// 8 servers each (40 servers racked over 2 fault domains and 5 update domains; server i is in
// update domain i mod 5, so update domain 0 is s00 s05 … s35 and update domain 1 is s01 s06 … s36).
const FAILED_SERVERS = ['s00', 's01', 's05', 's06', 's10', 's11', 's15', 's16', 's20', 's21', 's25', 's26', 's30', 's31', 's35', 's36'];

// The figures are deterministic: a model change that alters the story changes one of them.
const expectedFigures: Record<'serial' | 'parallel' | 'asItHappened', Partial<SimulationFigures>> = {
  serial: {
    policy: 'serial',
    serversFailed: 16,
    appsDown: 44,
    appsDegraded: 10,
    singleInstanceAppsDown: 40,
    multiInstanceAppsDown: 4,
    multiInstanceApps: 10,
    meanDowntimeSingleInstanceS: 4869,
    meanDowntimeMultiInstanceS: 1530,
    restoreTimeS: 16_860,
    longestManagementWaitS: 13_560,
    managementRequests: 48,
    storageWritesLost: 0,
    upgrade: 'done',
    endS: 49_920,
    end: 'quiescent',
    // Not counted: the 11 instance.running notices that reach the upgrade after it is done.
    events: 1258,
  },
  parallel: {
    policy: 'parallel',
    serversFailed: 16,
    appsDown: 40,
    appsDegraded: 10,
    singleInstanceAppsDown: 40,
    multiInstanceAppsDown: 0,
    multiInstanceApps: 10,
    meanDowntimeSingleInstanceS: 2541,
    meanDowntimeMultiInstanceS: 0,
    restoreTimeS: 2460,
    longestManagementWaitS: 60,
    managementRequests: 48,
    storageWritesLost: 0,
    upgrade: 'done',
    endS: 49_020,
    end: 'quiescent',
    events: 1417,
  },
  asItHappened: {
    policy: 'serial then parallel (operator)',
    serversFailed: 16,
    appsDown: 44,
    appsDegraded: 10,
    singleInstanceAppsDown: 40,
    multiInstanceAppsDown: 4,
    multiInstanceApps: 10,
    meanDowntimeSingleInstanceS: 4397,
    meanDowntimeMultiInstanceS: 1530,
    restoreTimeS: 11_460,
    longestManagementWaitS: 7620,
    managementRequests: 48,
    storageWritesLost: 0,
    upgrade: 'done',
    endS: 49_920,
    end: 'quiescent',
    events: 1269,
  },
};

describe('the 2009-03-13 incident’s scenario', () => {
  const pad = (n: number) => String(n).padStart(2, '0');

  it('hosts 40 single-instance apps and 10 that run two instances of each role, named as in reports', () => {
    const apps = incidentScenario().topology.apps;
    expect(apps.map((app) => app.id)).toEqual([...Array.from({ length: 40 }, (_, i) => `solo${pad(i)}`), ...Array.from({ length: 10 }, (_, i) => `pair${pad(i)}`)]);
    expect(apps.at(-1)).toEqual({ id: 'pair09', roles: [{ id: 'web', instances: 2 }, { id: 'worker', instances: 2 }] });
  });

  it('counts both instances of a two-instance role against the quota of two, as the 2009 quota did', () => {
    const quota = incidentScenario().topology.quota!;
    expect(quota).toEqual({ instancesPerRole: 2, secondInstanceFree: false });
    expect(quotaCharge({ id: 'web', instances: 2 }, quota)).toBe(2);
  });

  it('sends a portal request every 10 minutes for 8 hours from the upgrade start, and a storage write every 15 minutes for 12 hours', () => {
    const { faults } = incidentScenario();
    const requests = faults.flatMap((f) => (f.kind === 'management-request' ? [[f.atS, f.requestId]] : []));
    expect(requests).toEqual(Array.from({ length: 48 }, (_, n) => [3600 + 600 * n, `portal-${n}`]));
    const writes = faults.flatMap((f) => (f.kind === 'storage-write' ? [[f.atS, f.writeId]] : []));
    expect(writes).toEqual(Array.from({ length: 48 }, (_, n) => [900 * n, `blob-${n}`]));
  });

  it('runs the controller as it was: one shared queue, fencing, an upgrade that continues after a timeout, no halt', () => {
    expect(incidentScenario().policy).toEqual({
      healing: { kind: 'serial', concurrency: 2 },
      management: 'shared-queue',
      fencing: true,
      upgradeGate: 'continue-after-timeout',
      haltBudget: null,
      alertThreshold: 5,
    });
  });
});

describe('the 2009-03-13 incident', () => {
  const runs = {} as Record<keyof typeof expectedFigures, Run>;
  beforeAll(() => {
    runs.serial = run(incidentScenario('serial'));
    runs.parallel = run(incidentScenario('parallel'));
    runs.asItHappened = run(incidentScenario());
  });
  const each = describe.each(['serial', 'parallel', 'asItHappened'] as const);

  each('%s healing', (healing) => {
    it('reproduces its measured figures exactly', () => {
      expect(runs[healing].figures).toMatchObject(expectedFigures[healing]);
    });

    it('fails the 16 servers of the two update domains walked while the network was slow', () => {
      const { scenario, trace } = runs[healing];
      expect([...failedServers(trace)].sort()).toEqual(FAILED_SERVERS);
      const ofUpdateDomains01 = scenario.topology.servers.filter((server) => server.updateDomain <= 1).map((server) => server.id);
      expect(ofUpdateDomains01.sort()).toEqual(FAILED_SERVERS);
      // Update domain 0's calls time out 10 minutes after they were made (1:01 + 10 min).
      expect(firstServerFailureS(trace)).toBe(3600 + 60 + 600);
    });

    it('takes every single-instance app down while its server is failed', () => {
      const { scenario, trace } = runs[healing];
      const placement = trace.initialPlacement;
      expect(placement).toEqual(placeInitially(scenario.topology).placement);
      const failedAtS = new Map<string, number>();
      for (const entry of trace.entries) {
        if (entry.kind === 'state' && entry.actor.startsWith('server:') && entry.to === 'failed') failedAtS.set(entry.actor.slice('server:'.length), entry.t);
      }
      const soloApps = scenario.topology.apps.filter((app) => app.roles.every((role) => role.instances === 1));
      // appIntervals follows only the apps it is asked about and skips the others' entries.
      const intervals = appIntervals(trace, soloApps.map((app) => app.id));
      expect([...intervals.keys()]).toEqual(soloApps.map((app) => app.id));
      const onFailedServers = soloApps.filter((app) => failedAtS.has(placement[`${app.id}/web/0`]!));
      expect(onFailedServers).toHaveLength(16);
      for (const app of onFailedServers) {
        const failedS = failedAtS.get(placement[`${app.id}/web/0`]!)!;
        const downThen = intervals.get(app.id)!.some((i) => i.value === 'down' && i.fromS <= failedS && failedS < i.toS);
        expect(downThen, `${app.id} down when its server failed at ${failedS}s`).toBe(true);
      }
    });

    it('multi-instance apps are down far less than single-instance apps', () => {
      const f = runs[healing].figures;
      // Measured: about 0.31 (serial) to 0.35 (as it happened) of the single-instance mean; 0 in parallel.
      expect(f.meanDowntimeMultiInstanceS).toBeLessThan(f.meanDowntimeSingleInstanceS / 2);
      // Measured: 4 of 10 (serial, as it happened), 0 of 10 (parallel).
      expect(f.multiInstanceAppsDown).toBeLessThan(f.multiInstanceApps / 2);
      const singleInstanceApps = runs[healing].scenario.topology.apps.length - f.multiInstanceApps;
      expect(f.multiInstanceAppsDown / f.multiInstanceApps).toBeLessThan(f.singleInstanceAppsDown / singleInstanceApps);
      expect(f.multiInstanceAppsDown).toBeLessThan(f.singleInstanceAppsDown);
    });

    it('fences each failed server as it heals the server’s instances elsewhere', () => {
      const evictions = runs[healing].trace.entries.flatMap((entry) =>
        entry.kind === 'event' && entry.event.type === 'controller.evict' ? [{ to: entry.to, event: entry.event }] : [],
      );
      expect(evictions.map((e) => e.to).sort()).toEqual(FAILED_SERVERS.map((id) => `server:${id}`));
      for (const { event } of evictions) expect(event).toMatchObject({ fence: true });
    });

    it('loses no acknowledged storage write and finishes the upgrade', () => {
      const f = runs[healing].figures;
      expect(f.storageWritesLost).toBe(0);
      expect(f.upgrade).toBe('done');
      expect(f.end).toBe('quiescent');
    });
  });

  it('serial healing takes at least three times as long as parallel to restore every instance', () => {
    const serial = runs.serial.figures.restoreTimeS!;
    const parallel = runs.parallel.figures.restoreTimeS!;
    expect(serial).toBeGreaterThanOrEqual(3 * parallel);
  });

  it('the operator’s switch to parallel restores sooner than serial alone, later than parallel throughout', () => {
    const asItHappened = runs.asItHappened.figures.restoreTimeS!;
    expect(asItHappened).toBeLessThan(runs.serial.figures.restoreTimeS!);
    expect(asItHappened).toBeGreaterThan(runs.parallel.figures.restoreTimeS!);
  });

  it('management requests sharing the serial healing queue wait far past the 30-minute bound', () => {
    expect(runs.serial.figures.longestManagementWaitS).toBeGreaterThan(3 * MANAGEMENT_BOUND_S);
    expect(runs.asItHappened.figures.longestManagementWaitS).toBeGreaterThan(MANAGEMENT_BOUND_S);
  });

  it('management requests sharing a parallel healing queue are answered within the bound', () => {
    expect(runs.parallel.figures.longestManagementWaitS).toBeLessThanOrEqual(MANAGEMENT_BOUND_S);
  });
});
