/**
 * The CI formats, parsed back: JUnit XML (fast-xml-parser's validator and parser), SARIF
 * (JSON, checked against the 2.1.0 structure code scanning reads) and GitHub's workflow
 * commands (unescaped as the runner unescapes them).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ciFixture, HOSTILE_TEXT } from './ciFormatsFixture.ts';
import { githubAnnotations } from './githubAnnotations.ts';
import { junitXml } from './junitXml.ts';
import { SARIF_SCHEMA, sarifLog } from './sarif.ts';

const OUT = 'reports/out';

function parsedJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'property'].includes(name) });
  return parser.parse(xml).testsuites;
}

describe('junitXml', () => {
  it('is one testcase per property: an expected failure passes with a note, a mismatch fails', () => {
    const suites = parsedJunit(junitXml(ciFixture(), OUT));
    expect(suites).toMatchObject({ name: 'fabric-verify: ci <fixture> & co', tests: '3', failures: '1', errors: '0' });
    const cases = suites.testsuite.testcase as Record<string, any>[];
    expect(cases.map((c) => c.name)).toEqual(['upgrade-keeps-multi-instance-up', 'single-instance-never-down', 'parallel-recovery-bounded (serial)']);
    expect(cases.map((c) => 'failure' in c)).toEqual([false, false, true]);
    expect(cases[0]!.time).toBe('0.250');
    expect(cases[1]!['system-out']).toMatch(/^fails as expected: it broke at 0:01:01: expected single-instance app app0 never down; saw app0 down\n/);
    expect(cases[1]!['system-out']).toContain('Replay: npx fabric-verify replay reports/out/counterexamples/single-instance-never-down.json');
    const failure = cases[2]!.failure;
    expect(failure.type).toBe('verdict-mismatch');
    expect(failure.message).toMatch(/^expected the property to hold, but it failed: it broke at 1:02:03: expected recovery within 600s; saw app <a&b> "q" 's' 50%/);
    // The bell (not XML 1.0) is dropped; the rest comes back as written.
    expect(failure['#text']).not.toContain('\u0007');
    expect(failure['#text']).toContain('Replay: npx fabric-verify replay reports/out/counterexamples/parallel-recovery-bounded--serial.json');
    expect(suites.testsuite.properties.property).toContainEqual({ name: 'complete', value: 'true' });
  });

  it('an interrupted campaign is an error of its own, not a green suite', () => {
    const suites = parsedJunit(junitXml(ciFixture({ complete: false }), OUT));
    expect(suites).toMatchObject({ tests: '4', failures: '1', errors: '1' });
    expect(suites.testsuite.testcase.at(-1)).toMatchObject({ name: 'campaign complete', error: { type: 'interrupted' } });
  });
});

describe('sarifLog', () => {
  const log = JSON.parse(JSON.stringify(sarifLog(ciFixture(), { outDir: OUT, toolVersion: '9.9.9' })));
  const run = log.runs[0];

  it('is SARIF 2.1.0: a rule per property, results that point at their rule', () => {
    expect(log).toMatchObject({ $schema: SARIF_SCHEMA, version: '2.1.0' });
    expect(run.tool.driver).toMatchObject({ name: 'fabric-verify', version: '9.9.9' });
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['upgrade-keeps-multi-instance-up', 'single-instance-never-down', 'parallel-recovery-bounded']);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['pass', 'fail']).toContain(result.kind);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
    }
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('an expected failure is a pass; a mismatch is an error at its counterexample file', () => {
    expect(run.results.map((r: any) => [r.kind, r.level])).toEqual([
      ['pass', 'none'],
      ['pass', 'none'],
      ['fail', 'error'],
    ]);
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('reports/out/summary.json');
    expect(run.results[2].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'reports/out/counterexamples/parallel-recovery-bounded--serial.json' } } }]);
    expect(run.results[2].message.text).toMatch(/^parallel-recovery-bounded \(serial\): expected the property to hold, but it failed/);
  });

  it('a mismatch without a counterexample points at summary.json; an interrupted run is not successful', () => {
    const fixture = ciFixture({ complete: false });
    const holdsUnexpectedly = { ...fixture.properties[1]!, verdict: 'holds' as const, matches: false, counterexample: null };
    const other = JSON.parse(JSON.stringify(sarifLog({ ...fixture, properties: [holdsUnexpectedly] }, { outDir: 'out/', toolVersion: '1' }))).runs[0];
    expect(other.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('out/summary.json');
    expect(other.results[0].message.text).toBe('single-instance-never-down: expected the property to fail, but it held');
    expect(other.invocations[0].executionSuccessful).toBe(false);
  });
});

describe('githubAnnotations', () => {
  /** What the runner reads back from a workflow command. */
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('an error per mismatch at its counterexample file, a notice per expected failure, one line each', () => {
    const lines = githubAnnotations(ciFixture(), OUT);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::notice title=fabric-verify%3A single-instance-never-down::fails as expected/);
    const match = /^::error (?<props>[^:]*)::(?<message>.*)$/.exec(lines[1]!);
    expect(match, lines[1]).not.toBeNull();
    const props = Object.fromEntries(match!.groups!.props!.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, unescape(v!)]));
    expect(props).toEqual({ title: 'fabric-verify: parallel-recovery-bounded (serial)', file: 'reports/out/counterexamples/parallel-recovery-bounded--serial.json' });
    const message = unescape(match!.groups!.message!);
    expect(message).toContain(`saw ${HOSTILE_TEXT}`);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  it('an interrupted campaign is an error too', () => {
    expect(githubAnnotations(ciFixture({ complete: false }), OUT).at(-1)).toMatch(/^::error title=fabric-verify%3A interrupted::The campaign was interrupted/);
  });
});
