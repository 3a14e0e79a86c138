/**
 * `index.html`: the campaign as one self-contained page that works offline. A pure writer:
 * the summary and the counterexamples' stories in, the document out; Chart.js, the styles and
 * the drawing script are inlined, and the Content-Security-Policy forbids every network load.
 */
import type { CampaignSummary } from '../summary.ts';
import { storyAnchor } from './anchors.ts';
import { campaignHeader } from './campaignHeader.ts';
import { catalogTable } from './catalogTable.ts';
import { chartLibrarySource } from './chartLibrary.ts';
import { codeCoverageLink } from './codeCoverageLink.ts';
import { contentSecurityPolicyMeta } from './contentSecurityPolicy.ts';
import { coverageSection } from './coverageSection.ts';
import type { SeedRobustness } from '../../bench/seedsSummary.ts';
import { seedRobustnessSection } from './seedRobustnessSection.ts';
import { downtimeSection } from './downtimeSection.ts';
import { DURATION_CHART_SCRIPT } from './durationChartScript.ts';
import { escapeHtml } from './escapeHtml.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import { recoverySection } from './recoverySection.ts';
import { type Story, storySection } from './storySection.ts';
import { sweepHeatMap } from './sweepHeatMap.ts';

export type { Story } from './storySection.ts';

function storiesSection(summary: CampaignSummary, stories: readonly Story[]): string {
  if (stories.length === 0) return '<section id="counterexamples"><h2>Counterexamples</h2><p class="muted">No property failed.</p></section>';
  const summaryOf = (s: Story) =>
    summary.properties.find((p) => p.id === s.counterexample.propertyId && p.variant === s.counterexample.variant)?.counterexample ?? null;
  return [
    '<section id="counterexamples">',
    '<h2>Counterexamples</h2>',
    '<p class="note">Each shrunk counterexample drawn from its replayed trace. Hover a bar for its state and times.</p>',
    ...stories.map((s) => storySection(s, summaryOf(s))),
    '</section>',
  ].join('\n');
}

function navigation(summary: CampaignSummary, stories: readonly Story[]): string {
  const links = [
    ['#catalog', 'catalog'],
    ...(stories.length > 0 ? [['#counterexamples', `counterexamples (${stories.length})`]] : []),
    ['#coverage', 'model coverage'],
    ['#recovery', 'recovery times'],
    ...(summary.downtime.length > 0 ? [['#downtime', 'downtime']] : []),
    ...(summary.sweep ? [['#sweep', 'sweep']] : []),
    ...(summary.codeCoverage !== null ? [['#code-coverage', 'code coverage']] : []),
  ];
  return `<nav>${links.map(([href, label]) => `<a href="${href}">${label}</a>`).join('')}</nav>`;
}

export function htmlReport(summary: CampaignSummary, stories: readonly Story[], seedRobustness: SeedRobustness | null = null): string {
  const chartLibrary = chartLibrarySource();
  const ordered = [...stories].sort((a, b) => {
    const rank = (s: Story) => summary.properties.findIndex((p) => storyAnchor(p.id, p.variant) === storyAnchor(s.counterexample.propertyId, s.counterexample.variant));
    return rank(a) - rank(b);
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    contentSecurityPolicyMeta([chartLibrary, DURATION_CHART_SCRIPT]),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`fabric-verify · ${summary.campaign.name}`)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body><main>',
    campaignHeader(summary, navigation(summary, ordered)),
    catalogTable(summary.properties),
    storiesSection(summary, ordered),
    coverageSection(summary.coverage.machines),
    recoverySection(summary.recovery),
    downtimeSection(summary.downtime, summary.sweep !== null && summary.properties.length === 0),
    summary.sweep ? sweepHeatMap(summary.sweep) : '',
    codeCoverageLink(summary.codeCoverage),
    seedRobustness ? seedRobustnessSection(seedRobustness) : '',
    '</main>',
    `<script>${chartLibrary}</script>`,
    `<script>${DURATION_CHART_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
