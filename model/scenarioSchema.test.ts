import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from './inputError.ts';
import { parseScenario } from './scenarioSchema.ts';
import { incidentScenario } from './scenarios/incident20090313.ts';
import { MAX_TIME_S } from './simulator/eventQueue.ts';

/** The incident as a scenario file would hold it: plain JSON, free to damage. */
function incidentJson(): any {
  return JSON.parse(JSON.stringify(incidentScenario()));
}

/** The issues parseScenario reports for the incident after `damage`; fails if it accepts it. */
function issuesAfter(damage: (scenario: any) => void): readonly InputIssue[] {
  const scenario = incidentJson();
  damage(scenario);
  try {
    parseScenario(scenario, 'bad.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^bad\.json: /);
    return (error as InputError).issues;
  }
  throw new Error('parseScenario accepted a damaged scenario');
}

describe('parseScenario', () => {
  it('accepts the incident scenario round-tripped through JSON, unchanged', () => {
    const parsed = parseScenario(incidentJson());
    expect(parsed).toEqual(incidentScenario());
    expect(parseScenario(JSON.parse(JSON.stringify(incidentScenario('parallel'))))).toEqual(incidentScenario('parallel'));
  });

  describe('rejects a field of the wrong type, naming it', () => {
    it.each<[string, (s: any) => void, InputIssue]>([
      ['a capacity given as text', (s) => (s.topology.servers[0].capacity = '6'), { path: 'topology.servers.0.capacity', expected: 'number', received: '"6"' }],
      ['a numeric scenario name', (s) => (s.name = 7), { path: 'name', expected: 'string', received: '7' }],
      ['fencing as a string', (s) => (s.policy.fencing = 'yes'), { path: 'policy.fencing', expected: 'boolean', received: '"yes"' }],
      ['faults as an object', (s) => (s.faults = {}), { path: 'faults', expected: 'a list', received: 'Object' }],
      ['the policy as a number', (s) => (s.policy = 5), { path: 'policy', expected: 'an object', received: '5' }],
    ])('%s', (_, damage, issue) => {
      expect(issuesAfter(damage)).toEqual([issue]);
    });
  });

  describe('rejects a missing field, naming it', () => {
    it.each<[string, (s: any) => void, string]>([
      ['a timing', (s) => delete s.timings.rebootS, 'timings.rebootS'],
      ['the policy', (s) => delete s.policy, 'policy'],
      ['a server’s capacity', (s) => delete s.topology.servers[5].capacity, 'topology.servers.5.capacity'],
      ['a crash’s server', (s) => s.faults.push({ kind: 'crash', atS: 10 }), `faults.${incidentScenario().faults.length}.serverId`],
    ])('%s', (_, damage, path) => {
      expect(issuesAfter(damage)).toEqual([{ path, expected: 'a value (the field is required)', received: 'undefined' }]);
    });
  });

  describe('rejects an unknown field, naming it', () => {
    it.each<[string, (s: any) => void, string]>([
      ['at the top level', (s) => (s.seed = 42), 'seed'],
      ['on a server', (s) => (s.topology.servers[1].rack = 3), 'topology.servers.1.rack'],
      ['on a fault', (s) => (s.faults[0].serverId = 's00'), 'faults.0.serverId'],
      ['in the timings', (s) => (s.timings.bootS = 10), 'timings.bootS'],
    ])('%s', (_, damage, path) => {
      expect(issuesAfter(damage)).toEqual([{ path, expected: 'no such field', received: JSON.stringify(path.split('.').at(-1)) }]);
    });
  });

  describe('rejects a number out of range, naming it and what was found', () => {
    it.each<[string, (s: any) => void, string, string, string]>([
      ['a negative capacity', (s) => (s.topology.servers[0].capacity = -1), 'topology.servers.0.capacity', '-1', 'a number ≥ 1'],
      ['a zero capacity', (s) => (s.topology.servers[0].capacity = 0), 'topology.servers.0.capacity', '0', 'a number ≥ 1'],
      ['a negative fault time', (s) => (s.faults[2].atS = -60), 'faults.2.atS', '-60', 'a number ≥ 0'],
      ['a fractional timeout', (s) => (s.timings.detectionTimeoutS = 1.5), 'timings.detectionTimeoutS', '1.5', 'a whole number'],
      ['a fractional instance count', (s) => (s.topology.apps[0].roles[0].instances = 2.5), 'topology.apps.0.roles.0.instances', '2.5', 'a whole number'],
      // valibot's number() itself refuses NaN, so the issue is the type's, named as valibot names it.
      ['a NaN horizon', (s) => (s.horizonS = Number.NaN), 'horizonS', 'NaN', 'number'],
      ['a fault time past the simulator’s range', (s) => (s.faults[0].atS = 1e12), 'faults.0.atS', '1000000000000', `a number ≤ ${MAX_TIME_S}`],
      ['a share above one', (s) => (s.policy.healing = { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 10, unhealthyThreshold: 1.5 }), 'policy.healing.unhealthyThreshold', '1.5', 'a number ≤ 1'],
    ])('%s', (_, damage, path, received, expected) => {
      expect(issuesAfter(damage)).toEqual([{ path, expected, received }]);
    });

    it('an infinite horizon, as both not whole and too large', () => {
      expect(issuesAfter((s) => (s.horizonS = Number.POSITIVE_INFINITY)).map((i) => [i.path, i.expected, i.received])).toEqual([
        ['horizonS', 'a whole number', 'Infinity'],
        ['horizonS', `a number ≤ ${MAX_TIME_S}`, 'Infinity'],
      ]);
    });

    it('a heartbeat loss that would end past the simulator’s range', () => {
      const issues = issuesAfter((s) => s.faults.push({ kind: 'heartbeat-loss', atS: MAX_TIME_S - 10, serverId: 's00', durationS: 100 }));
      expect(issues).toEqual([{ path: `faults.${incidentScenario().faults.length}.durationS`, expected: `an end before ${MAX_TIME_S} s`, received: String(MAX_TIME_S + 90) }]);
    });
  });

  describe('rejects a list or a text of the wrong length, naming it and the length found', () => {
    it.each<[string, (s: any) => void, InputIssue]>([
      ['no servers at all', (s) => (s.topology.servers = []), { path: 'topology.servers', expected: 'a length of at least 1', received: '0' }],
      ['an app with no roles', (s) => (s.topology.apps[0].roles = []), { path: 'topology.apps.0.roles', expected: 'a length of at least 1', received: '0' }],
      ['a scenario name of 201 characters', (s) => (s.name = 'x'.repeat(201)), { path: 'name', expected: 'a length of at most 200', received: '201' }],
    ])('%s', (_, damage, issue) => {
      expect(issuesAfter(damage)).toEqual([issue]);
    });
  });

  it('rejects an unknown fault kind, listing the known ones', () => {
    const issues = issuesAfter((s) => (s.faults[0] = { kind: 'meteor-strike', atS: 5 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'faults.0.kind', received: '"meteor-strike"' });
    for (const kind of ['crash', 'rack-failure', 'heartbeat-loss', 'network-degradation', 'management-request', 'operator-parallel', 'upgrade-start', 'storage-write']) {
      expect(issues[0]!.expected).toContain(`"${kind}"`);
    }
  });

  describe('rejects what a schema alone cannot see', () => {
    const nextFault = incidentScenario().faults.length;

    it('a crash of a server that does not exist', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'crash', atS: 5, serverId: 's99' }))).toEqual([
        { path: `faults.${nextFault}.serverId`, expected: 'the id of a server in topology.servers', received: '"s99"' },
      ]);
    });

    it('a heartbeat loss of a server that does not exist', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'heartbeat-loss', atS: 5, serverId: 'nobody', durationS: 60 })).map((i) => i.path)).toEqual([
        `faults.${nextFault}.serverId`,
      ]);
    });

    it('a rack failure of a fault domain with no server', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'rack-failure', atS: 5, faultDomain: 7 }))).toEqual([
        { path: `faults.${nextFault}.faultDomain`, expected: 'a fault domain of some server (0, 1)', received: '7' },
      ]);
    });

    it('two servers with one id', () => {
      expect(issuesAfter((s) => (s.topology.servers[3].id = 's00'))).toEqual([{ path: 'topology.servers.3.id', expected: 'a server id used once', received: '"s00"' }]);
    });

    it('two apps with one id, and two roles of an app with one id', () => {
      const issues = issuesAfter((s) => {
        s.topology.apps[1].id = 'solo00';
        s.topology.apps[45].roles[1].id = 'web';
      });
      expect(issues.map((i) => i.path)).toEqual(['topology.apps.1.id', 'topology.apps.45.roles.1.id']);
    });

    it('more instances than the servers hold in all', () => {
      // 40 servers of capacity 6 hold 240 instances; the incident asks for 80, this adds 161.
      expect(issuesAfter((s) => s.topology.apps.push({ id: 'huge', roles: [{ id: 'web', instances: 161 }] }))).toEqual([
        { path: 'topology.apps', expected: "at most 240 instances in all (the servers' total capacity)", received: '241 instances' },
      ]);
    });

    it('reports every problem at once', () => {
      const issues = issuesAfter((s) => {
        s.topology.servers[3].id = 's00';
        s.faults.push({ kind: 'crash', atS: 5, serverId: 's99' });
        s.faults.push({ kind: 'rack-failure', atS: 5, faultDomain: 9 });
      });
      expect(issues.map((i) => i.path)).toEqual(['topology.servers.3.id', `faults.${nextFault}.serverId`, `faults.${nextFault + 1}.faultDomain`]);
    });
  });

  it('accepts exactly as many instances as the servers hold', () => {
    const scenario = incidentJson();
    scenario.topology.apps.push({ id: 'fill', roles: [{ id: 'web', instances: 160 }] });
    expect(() => parseScenario(scenario)).not.toThrow();
  });

  it('says in its message which field is wrong, what it expected and what it found', () => {
    const scenario = incidentJson();
    scenario.topology.servers[0].capacity = 'six';
    expect(() => parseScenario(scenario, 'cluster.json')).toThrow('cluster.json: topology.servers.0.capacity: expected number, found "six"');
  });

  it('rejects input that is not an object at all, as one issue at the top level', () => {
    for (const input of [null, 42, 'incident', []]) {
      let caught: unknown;
      try {
        parseScenario(input, 'odd.json');
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(input)).toBeInstanceOf(InputError);
      const { issues, message } = caught as InputError;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: '', expected: 'a JSON object (a scenario)' });
      expect(message).toMatch(/^odd\.json: \(top level\): expected a JSON object \(a scenario\), found /);
    }
  });
});
