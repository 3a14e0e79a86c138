import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CampaignFixture, campaignFixture, storyWithAppNamed } from './campaignFixture.ts';
import { htmlReport } from './htmlReport.ts';

const HOSTILE_APP = '<img src=x onerror=alert(1)>';

describe('htmlReport', () => {
  let fixture: CampaignFixture;
  let html: string;

  beforeAll(() => {
    fixture = campaignFixture();
    const stories = fixture.stories.map((s, i) => (i === 0 ? storyWithAppNamed(s, HOSTILE_APP) : s));
    fixture = { ...fixture, stories };
    html = htmlReport(fixture.summary, stories);
  });

  it('is one complete document whose policy forbids every network load', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"\/?>/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('lets only its own inline scripts run: each one hashed in the policy', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(2);
    for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    expect(scripts[0]).toContain('Chart.js v4');
  });

  it('loads nothing from anywhere: no remote src, href, url() or stylesheet link', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/sourceMappingURL/);
  });

  it('puts the sections in order: header, catalog, counterexamples, coverage, recovery, downtime, sweep, code coverage', () => {
    const at = ['<header', 'id="catalog"', 'id="counterexamples"', 'id="coverage"', 'id="recovery"', 'id="downtime"', 'id="sweep"', 'id="code-coverage"'].map((s) => html.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has one catalog row per checked property, vacuous verdicts marked as such', () => {
    const rows = [...html.matchAll(/<tr class="property (\w+)[^"]*" id="row-[^"]+" data-property="([^"]+)"/g)];
    expect(rows.map((r) => r[2])).toEqual(fixture.summary.properties.map((p) => p.id));
    const vacuous = fixture.summary.properties.filter((p) => p.verdict === 'vacuous').length;
    expect(vacuous).toBeGreaterThan(0);
    expect(rows.filter((r) => r[1] === 'vacuous').length).toBe(vacuous);
    expect(html).toContain('one run breaks it with chance below <b>10%</b> at 95%');
  });

  it('leads with one headline counting the unexpected verdicts, and shows an expected failure as found, not as a failure', () => {
    const differing = fixture.summary.properties.filter((p) => !p.matches);
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain(differing.length === 0 ? 'as expected' : `${differing.length} of ${fixture.summary.properties.length} verdicts unexpected`);
    expect([...header.matchAll(/<li class="(vacuous|unexpected-failure|missed-failure)">/g)].length).toBe(differing.length);
    const found = fixture.summary.properties.filter((p) => p.expected === 'fails' && p.verdict === 'fails');
    expect(found.length).toBeGreaterThan(0);
    expect([...html.matchAll(/<tr class="property fails expected-failure"/g)].length).toBe(found.length);
    // Words next to each other stay apart (the template layer trims text at line breaks).
    expect(html).toContain('✗ unexpected failure</span>, <span class="outcome missed-failure">');
  });

  it('draws an SVG timeline with the violation marker for every counterexample, linked from the catalog', () => {
    const sections = html.split('<section class="story"').slice(1);
    expect(sections.length).toBe(fixture.stories.length);
    for (const section of sections) {
      expect(section).toContain('<svg class="timeline"');
      expect(section).toContain('class="violation-marker"');
      expect(section).toContain('✗ broke at');
    }
    for (const [, id] of html.matchAll(/<a href="#(story-[^"]+)">/g)) expect(html).toContain(`id="${id}"`);
  });

  it('shows model coverage for every machine', () => {
    const coverage = html.slice(html.indexOf('id="coverage"'), html.indexOf('id="recovery"'));
    for (const machine of fixture.summary.coverage.machines) expect(coverage).toContain(`<code>${machine.id}</code>`);
  });

  it('says why a state or transition no catalog story can reach was never reached', () => {
    const coverage = html.slice(html.indexOf('id="coverage"'), html.indexOf('id="recovery"'));
    expect(fixture.summary.coverage.machines.find((m) => m.id === 'server')!.neverReached).toContain('server.absent');
    expect(coverage).toMatch(/<code>server\.absent<\/code> <span class="note">\(unreachable by design: a surge server, which only a node pool upgrade with maxSurge adds/);
    // A transition merely missed by these runs gets no such reason.
    const missed = fixture.summary.coverage.machines.flatMap((m) => m.neverReached.filter((k) => !/absent|hasNoDomains|deploying --always--> instance\.lifecycle\.placing/.test(k)));
    for (const key of missed) expect(coverage).toContain(`<li><code>${key}</code></li>`);
  });

  it('carries a chart canvas and the data the inlined chart library draws from', () => {
    expect(html).toMatch(/<canvas id="recovery-chart-0"/);
    const data = /<script type="application\/json" class="duration-data" id="recovery-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const charts = JSON.parse(data!) as { canvas: string; counts: number[] }[];
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(html).toContain(`<canvas id="${chart.canvas}"`);
  });

  it('tabulates downtime by policy and instance count, and draws each group that went down', () => {
    const section = html.slice(html.indexOf('id="downtime"'), html.indexOf('id="sweep"'));
    const rows = [...section.matchAll(/<tr><td>([^<]+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)];
    expect(rows.map((r) => [r[1], Number(r[2]), Number(r[3]), Number(r[4])])).toEqual(fixture.summary.downtime.map((d) => [d.policy, d.instances, d.appRuns, d.downAppRuns]));
    const data = /<script type="application\/json" class="duration-data" id="downtime-data">([\s\S]*?)<\/script>/.exec(section)?.[1];
    const charts = JSON.parse(data!) as { canvas: string; counts: number[]; xTitle: string }[];
    const down = fixture.summary.downtime.filter((d) => d.downAppRuns > 0);
    expect(down.length).toBeGreaterThan(0);
    expect(charts.length).toBe(down.length);
    charts.forEach((chart, i) => {
      expect(section).toContain(`<canvas id="${chart.canvas}"`);
      expect(chart.counts.reduce((a, b) => a + b, 0)).toBe(down[i]!.downAppRuns);
      expect(chart.xTitle).toBe('time the app was down in its run');
    });
  });

  it('links the code coverage report', () => {
    expect(html).toContain('<a href="coverage/index.html">');
  });

  it('shows a hostile app name only escaped', () => {
    expect(html).not.toContain(HOSTILE_APP);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)');
  });

  it('never links a path that leaves the report folder', () => {
    const hostile = htmlReport({ ...fixture.summary, codeCoverage: 'javascript:alert(1)', sweep: null }, []);
    expect(hostile).not.toContain('href="javascript:');
    expect(hostile).toContain('not linked');
    expect(hostile).not.toContain('id="sweep"');
  });
});
