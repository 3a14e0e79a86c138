/**
 * `simulate --compare --html FILE`: the policies side by side as one self-contained page, the
 * figures as a table and, overlaid on one time axis, the apps down and the apps short of
 * instances under each policy (Chart.js, inlined as the campaign report inlines it; stepped
 * lines, since a count holds until the next change: Chart.js' 'before' mode
 * draws the earlier value up to the next point). The chart opens on the span where
 * something changed; the data are in a JSON element so the script's hash never changes.
 */
import { type PolicyComparison, changeWindow, sameCurveAs } from '../../properties/policyComparison.ts';
import { clockTime } from '../clock.ts';
import { COMPARISON_FIGURES } from '../policyComparisonFigures.ts';
import { chartLibrarySource } from './chartLibrary.ts';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { html, rawHtml, render } from './markup.ts';
import { PAGE_STYLE } from './pageStyle.ts';

const POLICY_COLOURS = ['#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#f28e2b', '#76b7b2'];

const COMPARISON_CHART_SCRIPT = `(function () {
  var source = document.getElementById('comparison-data');
  if (typeof Chart === 'undefined' || !source) return;
  var data = JSON.parse(source.textContent);
  function clock(s) { var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = Math.round(s % 60); return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0'); }
  function chart(id, title, value) {
    new Chart(document.getElementById(id), {
      type: 'line',
      data: { datasets: data.runs.map(function (run) {
        return { label: run.policy, borderColor: run.colour, backgroundColor: run.colour, stepped: 'before', pointRadius: 0, borderWidth: 2,
          data: run.apps.map(function (p) { return { x: p.t, y: value(p) }; }) };
      }) },
      options: { animation: false, parsing: false, interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { title: { display: true, text: title }, tooltip: { callbacks: { title: function (items) { return items.length ? 't = ' + clock(items[0].parsed.x) : ''; } } } },
        scales: { x: { type: 'linear', min: data.fromS, max: data.toS, ticks: { callback: clock, stepSize: data.tickS }, title: { display: true, text: 'simulated time' } },
          y: { beginAtZero: true, suggestedMax: data.apps, ticks: { precision: 0 }, title: { display: true, text: 'apps (of ' + data.apps + ')' } } } }
    });
  }
  chart('apps-down-chart', 'Apps down (some role has no instance serving)', function (p) { return p.down; });
  chart('apps-short-chart', 'Apps short of instances (degraded or down)', function (p) { return p.down + p.degraded; });
})();`;

/** A round clock step (a minute up to a day) that puts at most a dozen ticks on the span. */
function tickStep(spanS: number): number {
  const steps = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
  return steps.find((step) => spanS / step <= 12) ?? Math.ceil(spanS / 12 / 86400) * 86400;
}

function figureRows(comparison: PolicyComparison) {
  return COMPARISON_FIGURES.map(
    ([label, value]) => html`<tr><th scope="row">${label.trim()}</th>${comparison.runs.map((r) => html`<td>${value(r.figures)}</td>`)}</tr>`,
  );
}

export function policyComparisonPage(comparison: PolicyComparison): string {
  const library = chartLibrarySource();
  const window = changeWindow(comparison);
  const runs = comparison.runs.map((run, i) => ({ policy: run.policy, colour: POLICY_COLOURS[i % POLICY_COLOURS.length], apps: run.apps }));
  // `<` is escaped so the JSON cannot close its script element.
  const data = JSON.stringify({ apps: comparison.apps, fromS: window.fromS, toS: window.toS, tickS: tickStep(window.toS - window.fromS), runs }).replace(/</g, '\\u003c');
  const policies = comparison.runs.map((r) => r.policy).join(', ');
  const same = [...sameCurveAs(comparison)].map(([policy, earlier]) => `${policy}'s curve is the same as ${earlier}'s (drawn under it)`);
  const body = html`<main>
    <header class="sweep">
      <h1>${comparison.scenario}: ${policies}</h1>
      <p class="detail">The same ${comparison.faults} faults under each healing policy; only the policy differs between the runs. The charts show 0:00 to ${clockTime(window.toS)}, a little past the last change in any run.</p>
    </header>
    <h2>Figures</h2>
    <table class="comparison">
      <thead><tr><th></th>${comparison.runs.map((r) => html`<th scope="col">${r.policy}</th>`)}</tr></thead>
      <tbody>${figureRows(comparison)}</tbody>
    </table>
    <h2>Availability over time</h2>
    ${same.length > 0 ? html`<p class="detail">${same.join('; ')}.</p>` : null}
    <div style="max-width:1000px"><canvas id="apps-down-chart" aria-label="apps down over time, one line per policy"></canvas></div>
    <div style="max-width:1000px"><canvas id="apps-short-chart" aria-label="apps short of instances over time, one line per policy"></canvas></div>
  </main>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    render(html`<head>
      <meta charset="utf-8" />
      <meta http-equiv="Content-Security-Policy" content=${contentSecurityPolicy([library, COMPARISON_CHART_SCRIPT])} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>fabric-verify · ${comparison.scenario} · ${policies}</title>
      ${rawHtml(PAGE_STYLE, 'style')}
    </head>`),
    '<body>',
    render(body),
    `<script type="application/json" id="comparison-data">${data}</script>`,
    render(rawHtml(library, 'script')),
    render(rawHtml(COMPARISON_CHART_SCRIPT, 'script')),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
