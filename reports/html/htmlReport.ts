/**
 * `index.html`: a campaign, an exploration or a sweep as one self-contained page that works
 * offline. A pure writer: the summary and the counterexamples' stories in, the document out;
 * Chart.js, the styles and the drawing script are inlined, and the Content-Security-Policy
 * forbids every network load. Each page leads with its answer: a campaign with its verdict
 * (all as expected, or what is not), a sweep with its heat map.
 */
import type { CampaignSummary } from '../summary.ts';
import { storyAnchor } from './anchors.ts';
import { campaignHeader } from './campaignHeader.ts';
import { catalogTable } from './catalogTable.ts';
import { chartLibrarySource } from './chartLibrary.ts';
import { codeCoverageLink } from './codeCoverageLink.ts';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { coverageSection } from './coverageSection.ts';
import type { SeedRobustness } from '../../bench/seedsSummary.ts';
import { seedRobustnessSection } from './seedRobustnessSection.ts';
import { downtimeSection } from './downtimeSection.ts';
import { DURATION_CHART_SCRIPT } from './durationChartScript.ts';
import { explorationSection } from './explorationSection.ts';
import { type Markup, html, rawHtml, render } from './markup.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import { recoverySection } from './recoverySection.ts';
import { type Story, storySection } from './storySection.ts';
import { sweepHeader } from './sweepHeader.ts';
import { sweepHeatMap } from './sweepHeatMap.ts';
import { timelineLegend } from './timelineLegend.ts';

export type { Story } from './storySection.ts';

function storiesSection(summary: CampaignSummary, stories: readonly Story[]) {
  if (stories.length === 0) return html`<section id="counterexamples"><h2>Counterexamples</h2><p class="muted">No property failed.</p></section>`;
  const summaryOf = (s: Story) =>
    summary.properties.find((p) => p.id === s.counterexample.propertyId && p.variant === s.counterexample.variant)?.counterexample ?? null;
  return html`<section id="counterexamples">
    <h2>Counterexamples</h2>
    <p class="note">Each shrunk counterexample drawn from its replayed trace, first around the moment it broke (the other views widen to the whole run). Hover a bar for its state and times.</p>
    ${timelineLegend()}
    ${stories.map((s) => storySection(s, summaryOf(s)))}
  </section>`;
}

type Link = readonly [href: string, label: string];

function navigation(links: readonly (Link | null)[]) {
  return html`<nav>${links.flatMap((l) => (l === null ? [] : [html`<a href=${l[0]}>${l[1]}</a>`]))}</nav>`;
}

/** A sweep alone (`fabric-verify sweep`): no catalog of its own, the heat map first. */
function isSweepOnly(summary: CampaignSummary): boolean {
  return summary.sweep !== null && summary.properties.length === 0;
}

function sweepBody(summary: CampaignSummary): Markup[] {
  const sweep = summary.sweep!;
  const nav = navigation([
    ['#sweep', 'heat map'],
    summary.downtime.length > 0 ? ['#downtime', 'downtime by grid point'] : null,
    summary.coverage.machines.length > 0 ? ['#coverage', 'model coverage'] : null,
    summary.codeCoverage !== null ? ['#code-coverage', 'code coverage'] : null,
  ]);
  return [
    sweepHeader(summary, sweep, nav),
    sweepHeatMap(sweep, summary.downtime),
    downtimeSection(summary.downtime, true),
    summary.coverage.machines.length > 0 ? coverageSection(summary.coverage.machines) : null,
    codeCoverageLink(summary.codeCoverage),
  ];
}

function campaignBody(summary: CampaignSummary, stories: readonly Story[]): Markup[] {
  const nav = navigation([
    ['#catalog', 'catalog'],
    summary.exploration ? ['#exploration', 'exploration'] : null,
    stories.length > 0 ? ['#counterexamples', `counterexamples (${stories.length})`] : null,
    ['#coverage', 'model coverage'],
    summary.recovery.length > 0 || !summary.exploration ? ['#recovery', 'recovery times'] : null,
    summary.downtime.length > 0 ? ['#downtime', 'downtime'] : null,
    summary.sweep ? ['#sweep', 'sweep'] : null,
    summary.codeCoverage !== null ? ['#code-coverage', 'code coverage'] : null,
  ]);
  return [
    campaignHeader(summary, nav),
    catalogTable(summary.properties, summary.campaign.seed),
    summary.exploration ? explorationSection(summary.exploration) : null,
    storiesSection(summary, stories),
    coverageSection(summary.coverage.machines),
    summary.recovery.length > 0 || !summary.exploration ? recoverySection(summary.recovery) : null,
    downtimeSection(summary.downtime, false),
    summary.sweep ? sweepHeatMap(summary.sweep, []) : null,
    codeCoverageLink(summary.codeCoverage),
  ];
}

export function htmlReport(summary: CampaignSummary, stories: readonly Story[], seedRobustness: SeedRobustness | null = null): string {
  const chartLibrary = chartLibrarySource();
  const ordered = [...stories].sort((a, b) => {
    const rank = (s: Story) => summary.properties.findIndex((p) => storyAnchor(p.id, p.variant) === storyAnchor(s.counterexample.propertyId, s.counterexample.variant));
    return rank(a) - rank(b);
  });
  const body = isSweepOnly(summary) ? sweepBody(summary) : campaignBody(summary, ordered);
  const title = `fabric-verify · ${summary.campaign.name}`;
  const head = html`<head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content=${contentSecurityPolicy([chartLibrary, DURATION_CHART_SCRIPT])} />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${rawHtml(PAGE_STYLE, 'style')}
  </head>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    render(head),
    '<body><main>',
    ...body.filter((part) => part !== null).map(render),
    // Already escaped markup (bench:seeds' figures beside the campaign), when the folder has them.
    seedRobustness ? seedRobustnessSection(seedRobustness) : '',
    '</main>',
    render(rawHtml(chartLibrary, 'script')),
    render(rawHtml(DURATION_CHART_SCRIPT, 'script')),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
