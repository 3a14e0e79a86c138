import { describe, expect, it } from 'vitest';
import type { HealingPolicyDefinition } from './healingPolicy.ts';
import { withHealingPolicies } from './healingPolicies/registry.ts';
import { InputError, type InputIssue } from './inputError.ts';
import { healingPolicyNamed, kubernetesDefaults } from './policy.ts';
import * as v from 'valibot';
import { issuesOf, parseScenario } from './scenarioSchema.ts';
import { incidentScenario } from './scenarios/incident20090313.ts';
import { MAX_TIME_S } from './simulator/eventQueue.ts';

/** A policy of the user's own: starts the oldest queued work, `batch` at a time. */
const oldestFirst: HealingPolicyDefinition<{ kind: 'schemaTest.oldestFirst'; batch: number }, null> = {
  kind: 'schemaTest.oldestFirst',
  summary: 'the oldest work first',
  honoursBlackouts: false,
  initialMemory: () => null,
  decide: (params, view) => ({ start: view.queue.slice(0, params.batch).map((_, i) => i), memory: null }),
};

/** The incident as a scenario file would hold it: plain JSON, free to damage. */
function incidentJson(): any {
  return JSON.parse(JSON.stringify(incidentScenario()));
}

/** The issues parseScenario reports for the incident after `damage`; fails if it accepts it. */
function issuesAfter(damage: (scenario: any) => void): readonly InputIssue[] {
  const scenario = incidentJson();
  damage(scenario);
  try {
    withHealingPolicies([oldestFirst], () => parseScenario(scenario, 'bad.json'));
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

  it('rejects a hard spread that limits nothing, naming it', () => {
    expect(issuesAfter((s) => (s.topology.apps[0].roles[0].hardSpread = { minDomains: 2 }))).toEqual([
      { path: 'topology.apps.0.roles.0.hardSpread', expected: 'maxSkew, maxPerFaultDomain or both', received: 'Object' },
    ]);
  });

  it('accepts a role with a hard spread, as given', () => {
    const json = incidentJson();
    json.topology.apps[0].roles[0].hardSpread = { maxSkew: 1, minDomains: 3 };
    expect(parseScenario(json).topology.apps[0]!.roles[0]!.hardSpread).toEqual({ maxSkew: 1, minDomains: 3 });
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
      ['a crash’s server', (s) => s.faults.unshift({ kind: 'crash', atS: 10 }), 'faults.0.serverId'],
    ])('%s', (_, damage, path) => {
      expect(issuesAfter(damage)).toEqual([{ path, expected: 'a value (the field is required)', received: 'undefined' }]);
    });
  });

  describe('rejects an unknown field, naming it', () => {
    it.each<[string, (s: any) => void, string]>([
      ['at the top level', (s) => (s.seed = 42), 'seed'],
      ['on a server', (s) => (s.topology.servers[1].rack = 3), 'topology.servers.1.rack'],
      ['on a fault', (s) => (s.faults[0].serverId = 's00'), 'faults.0.serverId'],
      ['on a hard spread', (s) => (s.topology.apps[0].roles[0].hardSpread = { maxSkew: 1, topologyKey: 'zone' }), 'topology.apps.0.roles.0.hardSpread.topologyKey'],
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
      ['a hard spread with no skew allowed', (s) => (s.topology.apps[0].roles[0].hardSpread = { maxSkew: 0 }), 'topology.apps.0.roles.0.hardSpread.maxSkew', '0', 'a number ≥ 1'],
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
      expect(issues).toEqual([{ path: `faults.${incidentScenario().faults.length}.durationS`, expected: `an end at most ${MAX_TIME_S} s`, received: String(MAX_TIME_S + 90) }]);
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
    /** The index of a fault added after the incident's own. */
    const nextFault = () => incidentScenario().faults.length;

    it('a crash of a server that does not exist', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'crash', atS: 5, serverId: 's99' }))).toEqual([
        { path: `faults.${nextFault()}.serverId`, expected: 'the id of a server in topology.servers', received: '"s99"' },
      ]);
    });

    it('a heartbeat loss of a server that does not exist', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'heartbeat-loss', atS: 5, serverId: 'nobody', durationS: 60 })).map((i) => i.path)).toEqual([
        `faults.${nextFault()}.serverId`,
      ]);
    });

    it('a rack failure of a fault domain with no server', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'rack-failure', atS: 5, faultDomain: 7 }))).toEqual([
        { path: `faults.${nextFault()}.faultDomain`, expected: 'a fault domain of some server (0, 1)', received: '7' },
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
      expect(issues).toEqual([
        { path: 'topology.apps.1.id', expected: 'an app id used once', received: '"solo00"' },
        { path: 'topology.apps.45.roles.1.id', expected: 'a role id used once in its app', received: '"web"' },
      ]);
    });

    it('more instances than the servers hold in all', () => {
      // 40 servers of capacity 6 hold 240 instances; the incident asks for 80, this adds 161.
      expect(issuesAfter((s) => s.topology.apps.push({ id: 'huge', roles: [{ id: 'web', instances: 161 }] }))).toEqual([
        { path: 'topology.apps', expected: "at most 240 instances in all (the servers' total capacity)", received: '241 instances' },
      ]);
    });

    it('instances a hard spread cannot place, though the servers have room', () => {
      const issues = issuesAfter((s) => {
        const faultDomains = new Set(s.topology.servers.map((server: { faultDomain: number }) => server.faultDomain)).size;
        s.topology.apps.push({ id: 'apart', roles: [{ id: 'web', instances: faultDomains + 1, hardSpread: { maxPerFaultDomain: 1 } }] });
      });
      expect(issues).toEqual([{ path: `topology.apps.${incidentScenario().topology.apps.length}.roles.0.instances`, expected: 'no more instances than the servers place at the start within its hardSpread (at most 1 a fault domain)', received: expect.stringMatching(/^\d+, of which 1 find no server$/) }]);
    });

    it('reports every problem at once', () => {
      const issues = issuesAfter((s) => {
        s.topology.servers[3].id = 's00';
        s.faults.push({ kind: 'crash', atS: 5, serverId: 's99' });
        s.faults.push({ kind: 'rack-failure', atS: 5, faultDomain: 9 });
      });
      expect(issues.map((i) => i.path)).toEqual(['topology.servers.3.id', `faults.${nextFault()}.serverId`, `faults.${nextFault() + 1}.faultDomain`]);
    });

    it('reports every problem at once in its message too, one after another', () => {
      const scenario = incidentJson();
      scenario.topology.servers[3].id = 's00';
      scenario.faults.push({ kind: 'crash', atS: 5, serverId: 's99' });
      expect(() => parseScenario(scenario, 'two.json')).toThrow(
        'two.json: topology.servers.3.id: expected a server id used once, found "s00"; ' +
          `faults.${nextFault()}.serverId: expected the id of a server in topology.servers, found "s99"`,
      );
    });

    it('a network degradation that would end past the simulator’s range', () => {
      expect(issuesAfter((s) => s.faults.push({ kind: 'network-degradation', atS: MAX_TIME_S - 100, durationS: 101, latencyS: 60 }))).toEqual([
        { path: `faults.${nextFault()}.durationS`, expected: `an end at most ${MAX_TIME_S} s`, received: String(MAX_TIME_S + 1) },
      ]);
    });

    it('but not a heartbeat loss or a network degradation that ends at the last moment the simulator knows', () => {
      const scenario = incidentJson();
      scenario.faults.push({ kind: 'heartbeat-loss', atS: MAX_TIME_S - 100, serverId: 's00', durationS: 100 });
      scenario.faults.push({ kind: 'network-degradation', atS: MAX_TIME_S - 60, durationS: 60, latencyS: 60 });
      expect(parseScenario(scenario).faults.slice(-2).map((f) => f.kind)).toEqual(['heartbeat-loss', 'network-degradation']);
    });
  });

  it('accepts faults of servers and racks that exist', () => {
    const scenario = incidentJson();
    scenario.faults.push({ kind: 'rack-failure', atS: 5, faultDomain: 1 }, { kind: 'crash', atS: 6, serverId: 's07' }, { kind: 'heartbeat-loss', atS: 7, serverId: 's08', durationS: 60 });
    expect(parseScenario(scenario).faults.slice(-3).map((f) => f.kind)).toEqual(['rack-failure', 'crash', 'heartbeat-loss']);
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

  it('says what it found when the input is not an object: the value, or that it is a list', () => {
    const found = (input: unknown) => {
      try {
        parseScenario(input);
      } catch (error) {
        return (error as InputError).message;
      }
      throw new Error('parseScenario accepted a non-object');
    };
    expect(found([])).toBe('scenario: (top level): expected a JSON object (a scenario), found a list');
    expect(found(null)).toBe('scenario: (top level): expected a JSON object (a scenario), found null');
    expect(found(42)).toBe('scenario: (top level): expected a JSON object (a scenario), found 42');
  });

  it('names the input “scenario” when the caller does not say where it came from', () => {
    const scenario = incidentJson();
    scenario.horizonS = 0;
    expect(() => parseScenario(scenario)).toThrow(/^scenario: horizonS: expected a number ≥ 1, found 0$/);
  });

  it('is an InputError by name, so a stack trace or log says what kind of failure it was', () => {
    const error = (() => {
      try {
        parseScenario(7);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.name).toBe('InputError');
    expect(String(error)).toBe('InputError: scenario: (top level): expected a JSON object (a scenario), found 7');
  });

  describe('shortens a long value it found to 80 characters', () => {
    it('cutting a longer one and marking the cut', () => {
      const [issue] = issuesAfter((s) => (s.topology.servers[0].capacity = 'x'.repeat(100)));
      expect(issue).toEqual({ path: 'topology.servers.0.capacity', expected: 'number', received: `"${'x'.repeat(76)}...` });
      expect(issue!.received).toHaveLength(80);
    });

    it('keeping one of exactly 80 whole', () => {
      const text = 'x'.repeat(78);
      expect(issuesAfter((s) => (s.topology.servers[0].capacity = text))).toEqual([
        { path: 'topology.servers.0.capacity', expected: 'number', received: `"${text}"` },
      ]);
    });
  });

  describe('a missing kind or a missing list entry', () => {
    it('a fault without a kind, listing the kinds a fault may have', () => {
      expect(issuesAfter((s) => (s.faults[0] = { atS: 5 }))).toEqual([
        {
          path: 'faults.0.kind',
          expected:
            '("crash" | "rack-failure" | "heartbeat-loss" | "network-degradation" | "management-request" | "operator-parallel" | "upgrade-start" | "storage-write") (the field is required)',
          received: 'undefined',
        },
      ]);
    });

    it('a fault given as a word, not an object', () => {
      expect(issuesAfter((s) => (s.faults[0] = 'crash'))).toEqual([{ path: 'faults.0', expected: 'an object', received: '"crash"' }]);
    });

    it('a hole in the server list, as a library caller might leave one', () => {
      expect(issuesAfter((s) => (s.topology.servers[0] = undefined))).toEqual([{ path: 'topology.servers.0', expected: 'an object', received: 'undefined' }]);
    });
  });

  describe('policies', () => {
    it.each(['serial', 'parallel', 'adaptive', 'kubernetes'] as const)('accepts the built-in %s healing policy', (kind) => {
      const scenario = incidentJson();
      scenario.policy.healing = healingPolicyNamed(kind);
      expect(parseScenario(scenario).policy.healing).toEqual(healingPolicyNamed(kind));
    });

    it('accepts the management request’s own lane and the upgrade gated on recovery', () => {
      const scenario = incidentJson();
      scenario.policy.management = 'own-lane';
      scenario.policy.upgradeGate = 'gated-on-recovery';
      expect(parseScenario(scenario).policy).toMatchObject({ management: 'own-lane', upgradeGate: 'gated-on-recovery' });
    });

    it('rejects an unknown management lane or upgrade gate, listing the known ones', () => {
      expect(
        issuesAfter((s) => {
          s.policy.management = 'fast-lane';
          s.policy.upgradeGate = 'never';
        }),
      ).toEqual([
        { path: 'policy.management', expected: '("shared-queue" | "own-lane")', received: '"fast-lane"' },
        { path: 'policy.upgradeGate', expected: '("continue-after-timeout" | "gated-on-recovery")', received: '"never"' },
      ]);
    });

    it('accepts a healing policy of a kind the user passed in, keeping its own parameters', () => {
      const scenario = incidentJson();
      scenario.policy.healing = { kind: 'schemaTest.oldestFirst', batch: 3 };
      expect(withHealingPolicies([oldestFirst], () => parseScenario(scenario)).policy.healing).toEqual({ kind: 'schemaTest.oldestFirst', batch: 3 });
    });

    it('rejects a healing policy of an unknown kind, listing the kinds it knows, the user’s own too', () => {
      expect(issuesAfter((s) => (s.policy.healing = { kind: 'fifo', batch: 3 }))).toEqual([
        { path: 'policy.healing.kind', expected: '("serial" | "parallel" | "adaptive" | "kubernetes" | "schemaTest.oldestFirst")', received: '"fifo"' },
      ]);
    });

    // A built-in kind with a bad parameter is not taken for a user's policy of that kind: the
    // parameter is named, not the kind.
    it.each<[string, unknown, InputIssue]>([
      ['serial healing of no work at a time', { kind: 'serial', concurrency: 0 }, { path: 'policy.healing.concurrency', expected: 'a number ≥ 1', received: '0' }],
      ['parallel healing of half a piece of work', { kind: 'parallel', concurrency: 1.5 }, { path: 'policy.healing.concurrency', expected: 'a whole number', received: '1.5' }],
      ['adaptive healing narrowed to nothing', { kind: 'adaptive', narrowConcurrency: 0, wideConcurrency: 10, unhealthyThreshold: 0.5 }, { path: 'policy.healing.narrowConcurrency', expected: 'a number ≥ 1', received: '0' }],
      ['kubernetes eviction at twice per second', { ...kubernetesDefaults, evictionRatePerS: 2 }, { path: 'policy.healing.evictionRatePerS', expected: 'a number ≤ 1', received: '2' }],
      ['serial healing without its concurrency', { kind: 'serial' }, { path: 'policy.healing.concurrency', expected: 'a value (the field is required)', received: 'undefined' }],
      ['parallel healing with a parameter it does not have', { kind: 'parallel', concurrency: 2, batch: 3 }, { path: 'policy.healing.batch', expected: 'no such field', received: '"batch"' }],
    ])('rejects %s, naming the parameter', (_, healing, issue) => {
      expect(issuesAfter((s) => (s.policy.healing = healing))).toEqual([issue]);
    });

    it('rejects a healing policy without a kind, once, listing every kind it could have', () => {
      expect(issuesAfter((s) => (s.policy.healing = { concurrency: 2 }))).toEqual([
        { path: 'policy.healing.kind', expected: '("serial" | "parallel" | "adaptive" | "kubernetes" | "schemaTest.oldestFirst") (the field is required)', received: 'undefined' },
      ]);
    });

    it('rejects a healing policy given by name alone, naming the policy field', () => {
      expect(issuesAfter((s) => (s.policy.healing = 'serial'))).toEqual([{ path: 'policy.healing', expected: 'an object', received: '"serial"' }]);
    });
  });
});

// The config and counterexample loaders word their problems through issuesOf too.
describe('issuesOf', () => {
  it('gives a check its own words, and a problem with the whole document the empty path', () => {
    const evenCount = v.pipe(v.number(), v.check((n) => n % 2 === 0, 'an even number'));
    expect(issuesOf(v.safeParse(v.object({ servers: evenCount }), { servers: 3 }).issues!)).toEqual([{ path: 'servers', expected: 'an even number', received: '3' }]);
    expect(issuesOf(v.safeParse(evenCount, 'three').issues!)).toEqual([{ path: '', expected: 'number', received: '"three"' }]);
  });
});
