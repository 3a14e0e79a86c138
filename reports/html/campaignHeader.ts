/** The page's top: which campaign, on what seed, whether it finished, and the one-line verdict. */
import { duration } from '../clock.ts';
import type { CampaignSummary } from '../summary.ts';
import { escapeHtml } from './escapeHtml.ts';

export function campaignDuration(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : duration(Math.round(durationMs / 1000));
}

/** `navigation`: the in-page links, shown under the verdict. */
export function campaignHeader(summary: CampaignSummary, navigation: string): string {
  const { campaign, properties } = summary;
  const differing = properties.filter((p) => !p.matches);
  const allMatch = differing.length === 0 && summary.complete;
  const verdict = allMatch
    ? `Every verdict matches its expectation (${properties.length} checked).`
    : differing.length > 0
      ? `${differing.length} of ${properties.length} verdicts differ from their expectation: ${differing.map((p) => (p.variant ? `${p.id} (${p.variant})` : p.id)).join(', ')}.`
      : `Every verdict so far matches its expectation, but the campaign did not finish (${properties.length} checked).`;
  const shard = campaign.shard ? `shard ${campaign.shard.index} of ${campaign.shard.count}` : null;
  const facts = [
    `seed <code>${campaign.seed}</code>`,
    campaign.runs === null ? "each property's own number of runs" : `${campaign.runs} runs per property`,
    shard,
    summary.complete ? 'complete' : '<b class="bad">interrupted: only what finished is here</b>',
    `took ${campaignDuration(summary.durationMs)}`,
  ].filter((f) => f !== null);
  return [
    `<header class="${allMatch ? 'all-match' : 'some-differ'}">`,
    `<p class="kicker">fabric-verify campaign</p>`,
    `<h1>${escapeHtml(campaign.name)}</h1>`,
    `<p class="facts">${facts.join(' · ')}</p>`,
    `<p class="overall">${allMatch ? '✓' : '✗'} ${escapeHtml(verdict)}</p>`,
    navigation,
    '</header>',
  ].join('\n');
}
