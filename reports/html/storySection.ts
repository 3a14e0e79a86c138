/**
 * One counterexample told on the page: what broke and when, how to replay it, the timeline
 * drawn — first zoomed to the break, with wider views a click away (radio buttons read by
 * CSS, so the story page needs no script) — the fault schedule in words, and what changed at
 * each step up to the break.
 */
import type { Trace } from '../../model/simulator/trace.ts';
import type { Counterexample } from '../../properties/counterexample.ts';
import { clockTime } from '../clock.ts';
import { scheduleInWords } from '../faultsInWords.ts';
import type { CounterexampleSummary } from '../summary.ts';
import { timelineText } from '../timelineText.ts';
import { storyAnchor } from './anchors.ts';
import { relativeUrl } from './escapeHtml.ts';
import { faultMarksOf } from './faultMarks.ts';
import { html } from './markup.ts';
import { type TimeWindow, breakWindow, storyEndS } from './timeAxis.ts';
import { timelineSvg } from './timelineSvg.ts';

export interface Story {
  readonly counterexample: Counterexample;
  readonly trace: Trace;
  /** The counterexample's file, relative to the report folder. */
  readonly file: string;
}

const MAX_TIMELINE_LINES = 120;
/** A middle view only when the whole run is this many times the break's window. */
const MIDDLE_VIEW_RATIO = 12;

export interface TimelineView {
  readonly name: string;
  readonly window: TimeWindow;
}

/** The views of a story's timeline, narrowest first: the break, a middle one for a long story, the whole run. */
export function timelineViews(story: Story): TimelineView[] {
  const { scenario, violation } = story.counterexample;
  const end = storyEndS(scenario.faults, story.trace, violation);
  const zoom = breakWindow(violation, faultMarksOf(scenario.faults, scenario.topology).map((m) => m.fromS), end);
  const whole = { fromS: 0, toS: end };
  const zoomSpan = zoom.toS - zoom.fromS;
  if (zoomSpan >= end * 0.8) return [{ name: 'whole run', window: whole }];
  const views = [{ name: 'around the break', window: zoom }];
  if (end / zoomSpan >= MIDDLE_VIEW_RATIO) {
    const half = Math.sqrt(zoomSpan * end) / 2;
    const fromS = Math.max(0, Math.round(violation.atS - half * 1.4));
    views.push({ name: 'wider', window: { fromS, toS: Math.min(end, Math.round(violation.atS + half * 0.6)) } });
  }
  views.push({ name: 'whole run', window: whole });
  return views;
}

function fileLink(file: string) {
  const href = relativeUrl(file);
  return href === null ? html`<code>${file}</code>` : html`<a href=${href}><code>${file}</code></a>`;
}

function minimalityLine(summary: CounterexampleSummary | null) {
  if (summary === null || summary.minimal === null) return null;
  return summary.minimal
    ? html`<p class="ok">Smallest story, as expected: ${summary.expectedStory ?? ''}.</p>`
    : html`<p class="bad">Not the smallest story expected (${summary.expectedStory ?? ''}): ${summary.minimalityDetail ?? 'no detail recorded'}.</p>`;
}

function replayLine(counterexample: Counterexample, file: string, linkTo: string) {
  const origin = counterexample.exhaustive;
  const found = origin
    ? html`found by exhaustive exploration (≤ ${origin.maxFaults} fault(s) on a ${origin.granularityS}s grid up to ${origin.horizonS}s; it broke in the stretch after choice point ${origin.depth})`
    : html`or seed <code>${counterexample.seed}</code> path <code>${counterexample.path}</code>`;
  return html`<p class="replay">Replay: <code>npx fabric-verify replay ${file}</code> (${fileLink(linkTo)}), ${found}.</p>`;
}

function timelineViewsBlock(story: Story, anchor: string) {
  const { scenario, violation } = story.counterexample;
  const views = timelineViews(story);
  return html`<div class="views">
    ${views.map(
      (v, i) => html`<input type="radio" class=${`v${i}`} name=${`${anchor}-view`} id=${`${anchor}-view-${i}`} checked=${i === 0} /><label for=${`${anchor}-view-${i}`}>${v.name} <span class="muted">(${clockTime(v.window.fromS)}–${clockTime(v.window.toS)})</span></label>`,
    )}
    ${views.map((v, i) => html`<figure class=${`timeline-figure view v${i}`} data-view=${v.name}>${timelineSvg(scenario, story.trace, violation, v.window)}</figure>`)}
  </div>`;
}

/** `linkTo`: the counterexample file as the page links it, relative to the page (the story's own `file` by default). */
export function storySection(story: Story, summary: CounterexampleSummary | null, linkTo: string = story.file) {
  const { counterexample, trace, file } = story;
  const { violation, scenario } = counterexample;
  const name = counterexample.variant ? `${counterexample.propertyId} (${counterexample.variant})` : counterexample.propertyId;
  const policy = `healing ${scenario.policy.healing.kind}, fencing ${scenario.policy.fencing ? 'on' : 'off'}`;
  const steps = timelineText(trace, { untilS: violation.atS, maxLines: MAX_TIMELINE_LINES });
  const anchor = storyAnchor(counterexample.propertyId, counterexample.variant);
  return html`<section class="story" id=${anchor}>
    <h3>${name}</h3>
    <p class="violation"><b>✗ broke at ${clockTime(violation.atS)}</b>: expected ${violation.expected}; saw ${violation.seen}.</p>
    <p class="facts">${scenario.topology.servers.length} servers, ${scenario.topology.apps.length} app(s), ${policy}; ${scenario.faults.length} fault(s) after ${counterexample.shrinks} shrinking steps.</p>
    ${minimalityLine(summary)}
    ${replayLine(counterexample, file, linkTo)}
    ${timelineViewsBlock(story, anchor)}
    <div class="words">
      <div><h4>Fault schedule</h4><pre>${scheduleInWords(scenario.faults, scenario.topology).join('\n')}</pre></div>
      <div><h4>What changed, step by step, up to the break</h4><pre class="steps">${steps.length === 0 ? '(no state changed before the break)' : steps.join('\n')}</pre></div>
    </div>
  </section>`;
}
