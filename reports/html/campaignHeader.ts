/**
 * The page's top: which campaign (or exploration), on what seed or bound, whether it
 * finished, then the answer: one headline (all as expected, or how many are not), and the
 * verdicts to act on, each linked to its row and story.
 */
import { duration } from '../clock.ts';
import type { CampaignSummary } from '../summary.ts';
import { storyAnchor } from './anchors.ts';
import { html } from './markup.ts';
import { OUTCOME_HINTS, OUTCOME_WORDS } from './outcome.ts';
import { verdictHeadline } from './verdictHeadline.ts';

export function campaignDuration(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : duration(Math.round(durationMs / 1000));
}

const MARK = { 'all-match': '✓', 'some-differ': '✗', interrupted: '…' } as const;

function facts(summary: CampaignSummary): (string | ReturnType<typeof html>)[] {
  const { campaign, exploration } = summary;
  const run = exploration
    ? [`every schedule of ≤ ${exploration.maxFaults} fault(s) on a ${exploration.granularityS}s grid up to ${exploration.horizonS}s`, `${exploration.schedules} schedules`]
    : [html`seed <code>${campaign.seed}</code>`, campaign.runs === null ? "each property's own number of runs" : `${campaign.runs} runs per property`];
  const shard = campaign.shard ? [`shard ${campaign.shard.index} of ${campaign.shard.count}`] : [];
  const regressions = summary.regressions && summary.regressions.replayed > 0 ? [`${summary.regressions.replayed} stored counterexamples replayed first, ${summary.regressions.stillFailing} still fail`] : [];
  const finished = summary.complete ? (exploration && !exploration.complete ? html`<b class="bad">bound not explored completely</b>` : 'complete') : html`<b class="bad">interrupted: only what finished is here</b>`;
  return [...run, ...shard, ...regressions, finished, `took ${campaignDuration(summary.durationMs)}`];
}

/** `navigation`: the in-page links, shown under the verdict. */
export function campaignHeader(summary: CampaignSummary, navigation: ReturnType<typeof html>) {
  const verdict = verdictHeadline(summary.properties, summary.complete);
  const kind = summary.exploration ? 'exploration' : 'campaign';
  const items = facts(summary);
  return html`<header class=${verdict.tone} id="verdict">
    <p class="kicker">fabric-verify ${kind}</p>
    <h1>${summary.campaign.name}</h1>
    <p class="facts">${items.map((f, i) => html`${i > 0 ? ' · ' : ''}${f}`)}</p>
    <p class="overall">${MARK[verdict.tone]} ${verdict.headline}</p>
    <p class="detail">${verdict.detail}</p>
    ${verdict.actOn.length === 0
      ? null
      : html`<div class="act-on"><h2>Act on</h2><ul>
          ${verdict.actOn.map(({ property: p, outcome }) => {
            const anchor = storyAnchor(p.id, p.variant);
            return html`<li class=${outcome}>
              <a href=${p.counterexample ? `#${anchor}` : `#row-${anchor}`}><code>${p.id}</code>${p.variant ? ` (${p.variant})` : ''}</a>: <b>${OUTCOME_WORDS[outcome]}</b> — ${OUTCOME_HINTS[outcome]}.
            </li>`;
          })}
        </ul></div>`}
    ${navigation}
  </header>`;
}
