/**
 * `observe`'s index.html: one self-contained page (no script, nothing loaded) with the
 * verdicts, what a log cannot judge and why, and for each violation the events that show it
 * and the log's own timeline, drawn by the report's timeline components (rendered to text here).
 */
import type { Trace } from '../model/simulator/trace.ts';
import { clockTime } from '../reports/clock.ts';
import { contentSecurityPolicyMeta } from '../reports/html/contentSecurityPolicy.ts';
import { escapeHtml } from '../reports/html/escapeHtml.ts';
import { type Markup, render } from '../reports/html/markup.ts';
import { PAGE_STYLE } from '../reports/html/pageStyle.ts';
import { timelineLegend } from '../reports/html/timelineLegend.ts';
import { timelineSvg } from '../reports/html/timelineSvg.ts';
import { timelineText } from '../reports/timelineText.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ObservationSummary, ObservedProperty } from './observationSummary.ts';
import { wallTime } from './observationText.ts';

const MAX_TIMELINE_LINES = 120;

function verdictRow(p: ObservedProperty): string {
  const cls = p.verdict === 'fails' ? 'bad' : p.verdict === 'holds' ? 'ok' : 'muted';
  const detail = p.counterexample ? `broke at ${clockTime(p.counterexample.violation.atS)}: expected ${p.counterexample.violation.expected}; saw ${p.counterexample.violation.seen}` : p.verdict === 'vacuous' ? 'the log never showed what this property is about' : '';
  return `<tr><td><code>${escapeHtml(p.id)}</code></td><td class="${cls}">${escapeHtml(p.verdict)}</td><td>${escapeHtml(p.statement)}</td><td>${escapeHtml(detail)}</td></tr>`;
}

function violationSection(p: ObservedProperty, scenario: Scenario, trace: Trace, since: string): string {
  const violation = p.counterexample!.violation;
  const rows = p.evidence.map((e) => `<tr><td><code>${escapeHtml(e.at)}</code></td><td>${escapeHtml(e.time)}</td><td>${escapeHtml(e.reason)}</td><td>${escapeHtml(e.object)}</td><td>${escapeHtml(e.message)}</td></tr>`);
  return [
    `<section class="story" id="violation-${escapeHtml(p.id)}">`,
    `<h3>${escapeHtml(p.id)}</h3>`,
    `<p class="violation"><b>✗ broke at ${clockTime(violation.atS)}</b> into the log (${escapeHtml(wallTime(since, violation.atS))}): expected ${escapeHtml(violation.expected)}; saw ${escapeHtml(violation.seen)}.</p>`,
    '<h4>The events that show it</h4>',
    `<table><thead><tr><th>where</th><th>time</th><th>reason</th><th>object</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    render(timelineLegend() as Markup),
    `<figure class="timeline-figure">${render(timelineSvg(scenario, trace, violation))}</figure>`,
    `<div class="words"><div><h4>What changed, up to the break</h4><pre class="steps">${escapeHtml(timelineText(trace, { untilS: violation.atS, maxLines: MAX_TIMELINE_LINES }).join('\n'))}</pre></div></div>`,
    '</section>',
  ].join('\n');
}

export function observationHtml(summary: ObservationSummary, scenario: Scenario, trace: Trace): string {
  const o = summary.observation;
  const failing = summary.properties.filter((p) => p.counterexample);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    contentSecurityPolicyMeta([]),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`fabric-verify · ${summary.campaign.name}`)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(summary.campaign.name)}</h1>`,
    `<p>${o.events} events from ${escapeHtml(o.since)} to ${escapeHtml(o.until)}, judged against cluster <b>${escapeHtml(summary.cluster.name)}</b> (${summary.cluster.nodes.length} nodes in ${summary.cluster.zones.length} zones, ${summary.cluster.apps.length} apps).</p>`,
    ...o.warnings.map((w) => `<p class="muted">${escapeHtml(w)}</p>`),
    '<section id="verdicts"><h2>Judged from the log</h2>',
    `<table><thead><tr><th>property</th><th>verdict</th><th>statement</th><th>what the log shows</th></tr></thead><tbody>${summary.properties.map(verdictRow).join('')}</tbody></table></section>`,
    '<section id="not-judgeable"><h2>Not judgeable from this log</h2>',
    `<table><tbody>${o.notJudgeable.map((n) => `<tr><td><code>${escapeHtml(n.id)}</code></td><td>${escapeHtml(n.reason)}</td></tr>`).join('')}</tbody></table></section>`,
    `<section id="violations"><h2>Violations</h2>${failing.length === 0 ? '<p class="muted">No judged property broke.</p>' : failing.map((p) => violationSection(p, scenario, trace, o.since)).join('\n')}</section>`,
    o.ignored.length > 0 ? `<section id="ignored"><h2>Events ignored</h2><pre>${escapeHtml(o.ignored.join('\n'))}</pre></section>` : '',
    summary.cluster.skipped.length + summary.cluster.warnings.length > 0
      ? `<section id="manifests"><h2>Manifests skipped or read with an assumption</h2><pre>${escapeHtml([...summary.cluster.skipped.map((s) => `${s}: a kind the model does not read; skipped`), ...summary.cluster.warnings].join('\n'))}</pre></section>`
      : '',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
