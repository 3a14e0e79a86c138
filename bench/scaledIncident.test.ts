import { describe, expect, it } from 'vitest';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { scaledIncidentScenario } from './scaledIncident.ts';

describe('scaled incident', () => {
  it('at 40 servers is the incident itself, but for its name', () => {
    expect({ ...scaledIncidentScenario(40), name: '' }).toEqual({ ...incidentScenario(), name: '' });
  });

  it('keeps the incident\'s proportions: one single-instance app per server, one paired app per four', () => {
    const { topology } = scaledIncidentScenario(1000);
    expect(topology.servers).toHaveLength(1000);
    expect(topology.apps.filter((a) => a.id.startsWith('solo'))).toHaveLength(1000);
    expect(topology.apps.filter((a) => a.id.startsWith('pair'))).toHaveLength(250);
    expect(new Set(topology.apps.map((a) => a.id)).size).toBe(topology.apps.length);
    expect(new Set(topology.servers.map((s) => s.faultDomain))).toEqual(new Set([0, 1]));
    expect(new Set(topology.servers.map((s) => s.updateDomain)).size).toBe(5);
  });

  it('keeps the fault schedule whatever the size', () => {
    expect(scaledIncidentScenario(5000).faults).toEqual(incidentScenario().faults);
  });
});
