import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from './inputError.ts';
import { readInputDocument, readInputText } from './inputFile.ts';
import { parseScenario } from './scenarioSchema.ts';
import { incidentScenario } from './scenarios/incident20090313.ts';
import { defaultTimings } from './timings.ts';

const folder = mkdtempSync(join(tmpdir(), 'fabric-verify-input-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** A scenario file loaded as the command line loads one: read, then parsed and checked. */
function loadScenarioFile(path: string) {
  return parseScenario(readInputDocument(path, 'a readable scenario file'), path);
}

/** The InputError `load` throws; fails if it throws nothing or something else. */
function inputErrorOf(load: () => unknown): InputError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('the file was accepted');
}

// A scenario as a YAML user would write it: the incident's header, two servers, one app.
const SMALL_YAML = `
name: two servers
topology:
  servers:
    - { id: a, faultDomain: 0, updateDomain: 0, capacity: 2 }
    - { id: b, faultDomain: 1, updateDomain: 1, capacity: 2 }
  apps:
    - id: shop
      roles: [{ id: web, instances: 2 }]
policy: { healing: { kind: serial, concurrency: 2 }, management: own-lane, fencing: true, upgradeGate: gated-on-recovery, haltBudget: null, alertThreshold: 1 }
timings: ${JSON.stringify(defaultTimings)}
faults:
  - { kind: crash, atS: 60, serverId: a }
horizonS: 3600
`;

describe('loading a scenario file', () => {
  it('reads a JSON scenario file into the scenario it holds', () => {
    const path = file('incident.json', JSON.stringify(incidentScenario()));
    expect(readInputText(path, 'a readable scenario file')).toBe(JSON.stringify(incidentScenario()));
    expect(loadScenarioFile(path)).toEqual(incidentScenario());
  });

  it.each(['small.yaml', 'small.yml', 'SMALL.YML'])('reads %s as YAML', (name) => {
    const scenario = loadScenarioFile(file(name, SMALL_YAML));
    expect(scenario.topology.servers.map((s) => s.id)).toEqual(['a', 'b']);
    expect(scenario.policy).toMatchObject({ healing: { kind: 'serial', concurrency: 2 }, management: 'own-lane', haltBudget: null });
    expect(scenario.faults).toEqual([{ kind: 'crash', atS: 60, serverId: 'a' }]);
  });

  it('reads a .json file as JSON even when .yml is part of its name', () => {
    const error = inputErrorOf(() => loadScenarioFile(file('small.yml.json', SMALL_YAML)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: '', expected: 'valid JSON' });
  });

  it('names a missing file and what was expected of it', () => {
    const path = join(folder, 'nowhere.json');
    const error = inputErrorOf(() => loadScenarioFile(path));
    expect(error.issues).toEqual<InputIssue[]>([{ path: '', expected: 'a readable scenario file', received: 'no such file' }]);
    expect(error.message).toBe(`${path}: (top level): expected a readable scenario file, found no such file`);
  });

  it('names a file it cannot read by the system’s reason', () => {
    const path = join(folder, 'a-folder.json');
    mkdirSync(path);
    expect(inputErrorOf(() => loadScenarioFile(path)).issues).toEqual([{ path: '', expected: 'a readable scenario file', received: 'EISDIR' }]);
  });

  it('says a file is not valid JSON, with the parser’s reason on one line', () => {
    const path = file('broken.json', '{"name": "x",\n "horizonS": }');
    const error = inputErrorOf(() => loadScenarioFile(path));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: '', expected: 'valid JSON' });
    expect(error.issues[0]!.received).toMatch(/JSON|position/);
    expect(error.issues[0]!.received).not.toContain('\n');
    expect(error.message).toMatch(new RegExp(`^${path}: \\(top level\\): expected valid JSON, found `));
  });

  it('says a file is not valid YAML, with the first line of the parser’s reason', () => {
    const path = file('broken.yaml', 'name: x\ntopology: a: b\n');
    expect(inputErrorOf(() => loadScenarioFile(path)).issues).toEqual([
      { path: '', expected: 'valid YAML', received: 'Nested mappings are not allowed in compact mappings at line 2, column 11:' },
    ]);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']] as const) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(inputErrorOf(() => loadScenarioFile(file('bomb.yaml', lines.join('\n')))).issues).toEqual([
      { path: '', expected: 'valid YAML', received: 'Excessive alias count indicates a resource exhaustion attack' },
    ]);
  });

  it('names the field of a file that parses but is not a valid scenario', () => {
    const path = file('wrong-field.yaml', SMALL_YAML.replace('capacity: 2 }\n    - { id: b', 'capacity: two }\n    - { id: b'));
    const error = inputErrorOf(() => loadScenarioFile(path));
    expect(error.message).toBe(`${path}: topology.servers.0.capacity: expected number, found "two"`);
  });
});
