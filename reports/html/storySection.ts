/**
 * One counterexample told on the page: what broke and when, how to replay it, the timeline
 * drawn, the fault schedule in words, and what changed at each step up to the break.
 */
import type { Trace } from '../../model/simulator/trace.ts';
import type { Counterexample } from '../../properties/counterexample.ts';
import { clockTime } from '../clock.ts';
import { scheduleInWords } from '../faultsInWords.ts';
import type { CounterexampleSummary } from '../summary.ts';
import { timelineText } from '../timelineText.ts';
import { storyAnchor } from './anchors.ts';
import { escapeHtml, relativeHref } from './escapeHtml.ts';
import { timelineLegend } from './timelineLegend.ts';
import { timelineSvg } from './timelineSvg.ts';

export interface Story {
  readonly counterexample: Counterexample;
  readonly trace: Trace;
  /** The counterexample's file, relative to the report folder. */
  readonly file: string;
}

const MAX_TIMELINE_LINES = 120;

function fileLink(file: string): string {
  const href = relativeHref(file);
  return href === null ? `<code>${escapeHtml(file)}</code>` : `<a href="${href}"><code>${escapeHtml(file)}</code></a>`;
}

function minimalityLine(summary: CounterexampleSummary | null): string {
  if (summary === null || summary.minimal === null) return '';
  const cls = summary.minimal ? 'ok' : 'bad';
  const text = summary.minimal
    ? `Smallest story, as expected: ${summary.expectedStory ?? ''}.`
    : `Not the smallest story expected (${summary.expectedStory ?? ''}): ${summary.minimalityDetail ?? ''}.`;
  return `<p class="${cls}">${escapeHtml(text)}</p>`;
}

export function storySection(story: Story, summary: CounterexampleSummary | null): string {
  const { counterexample, trace, file } = story;
  const { violation, scenario } = counterexample;
  const name = counterexample.variant ? `${counterexample.propertyId} (${counterexample.variant})` : counterexample.propertyId;
  const policy = `healing ${scenario.policy.healing.kind}, fencing ${scenario.policy.fencing ? 'on' : 'off'}`;
  const steps = timelineText(trace, { untilS: violation.atS, maxLines: MAX_TIMELINE_LINES });
  return [
    `<section class="story" id="${storyAnchor(counterexample.propertyId, counterexample.variant)}">`,
    `<h3>${escapeHtml(name)}</h3>`,
    `<p class="violation"><b>✗ broke at ${clockTime(violation.atS)}</b>: expected ${escapeHtml(violation.expected)}; saw ${escapeHtml(violation.seen)}.</p>`,
    `<p class="facts">${scenario.topology.servers.length} servers, ${scenario.topology.apps.length} app(s), ${escapeHtml(policy)}; ${counterexample.scenario.faults.length} fault(s) after ${counterexample.shrinks} shrinking steps.</p>`,
    minimalityLine(summary),
    `<p class="replay">Replay: <code>npx fabric-verify replay ${escapeHtml(file)}</code> (${fileLink(file)}), or seed <code>${counterexample.seed}</code> path <code>${escapeHtml(counterexample.path)}</code>.</p>`,
    timelineLegend(),
    `<figure class="timeline-figure">${timelineSvg(scenario, trace, violation)}</figure>`,
    '<div class="words">',
    `<div><h4>Fault schedule</h4><pre>${escapeHtml(scheduleInWords(scenario.faults, scenario.topology).join('\n'))}</pre></div>`,
    `<div><h4>What changed, step by step, up to the break</h4><pre class="steps">${escapeHtml(steps.join('\n'))}</pre></div>`,
    '</div>',
    '</section>',
  ].join('\n');
}
