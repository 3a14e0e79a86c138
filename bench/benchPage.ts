/**
 * The benchmark as one self-contained HTML page (reports/out/bench.html, beside bench.json):
 * the text report as it printed, the targets, and the cost per event against the fleet size
 * as a table and a chart (Chart.js, inlined as the campaign report inlines it; log scale on
 * servers). A pure function of the report; index.ts writes it.
 */
import { chartLibrarySource } from '../reports/html/chartLibrary.ts';
import { contentSecurityPolicyMeta } from '../reports/html/contentSecurityPolicy.ts';
import { escapeHtml } from '../reports/html/escapeHtml.ts';
import { benchTable, cappedRunLine } from './benchTable.ts';
import type { BenchReport } from './report.ts';
import type { TargetResult } from './targets.ts';

/** Constant text, so its CSP hash never changes; the data sits in a JSON script element. */
const SCALING_CHART_SCRIPT = `(function () {
  var source = document.getElementById('scaling-data');
  if (typeof Chart === 'undefined' || !source) return;
  var points = JSON.parse(source.textContent);
  var base = points[0];
  function series(label, colour, value) {
    return { label: label, borderColor: colour, backgroundColor: colour, data: points.map(function (p) { return { x: p.servers, y: value(p) / value(base) }; }) };
  }
  new Chart(document.getElementById('scaling-chart'), {
    type: 'line',
    data: { datasets: [
      series('wall ns/event ÷ ' + base.servers + ' servers', '#1f77b4', function (p) { return p.nsPerEvent; }),
      series('CPU ns/event ÷ ' + base.servers + ' servers', '#ff7f0e', function (p) { return p.cpuNsPerEvent || p.nsPerEvent; }),
      { label: 'target: 1.5×', borderColor: '#d62728', borderDash: [6, 4], pointRadius: 0, data: [{ x: base.servers, y: 1.5 }, { x: points[points.length - 1].servers, y: 1.5 }] }
    ] },
    options: { animation: false, scales: { x: { type: 'logarithmic', title: { display: true, text: 'servers' } }, y: { beginAtZero: true, title: { display: true, text: 'cost per event, relative' } } } }
  });
})();`;

function scalingSection(points: NonNullable<BenchReport['scaling']>): string {
  if (points.length === 0) return '';
  const rows = points
    .map(
      (p) =>
        `<tr><td>${p.servers.toLocaleString('en-US')}</td><td>${p.events.toLocaleString('en-US')}</td><td>${p.wallMs.toLocaleString('en-US')}</td><td>${p.nsPerEvent.toLocaleString('en-US')}</td><td>${(p.nsPerEvent / points[0]!.nsPerEvent).toFixed(2)}×</td><td>${(p.cpuNsPerEvent ?? 0).toLocaleString('en-US')}</td><td>${p.liveHeapMB ?? '–'}</td><td>${p.heapMB}</td><td>${p.peakRssMB ?? '–'}</td></tr>`,
    )
    .join('\n');
  // `<` is escaped so the JSON cannot close its script element.
  const data = JSON.stringify(points).replace(/</g, '\\u003c');
  return [
    '<h2>Cost per event against fleet size</h2>',
    '<p>The 2009 incident scaled (servers and apps in the incident’s proportion), each size in its own process after a warm-up, on a fabric met for the first time (no step answered from memory). Held: the most the run kept alive at once; peak heap adds the garbage V8 had not yet collected.</p>',
    '<table><thead><tr><th>servers</th><th>events</th><th>wall ms</th><th>ns/event</th><th>vs smallest</th><th>CPU ns/event</th><th>held MB</th><th>peak heap MB</th><th>peak RSS MB</th></tr></thead>',
    `<tbody>${rows}</tbody></table>`,
    '<div style="max-width:720px"><canvas id="scaling-chart" aria-label="cost per event against fleet size"></canvas></div>',
    `<script type="application/json" id="scaling-data">${data}</script>`,
  ].join('\n');
}

export function benchPage(report: BenchReport, targets: readonly TargetResult[]): string {
  const library = chartLibrarySource();
  const scripts = [library, SCALING_CHART_SCRIPT];
  const targetRows = targets
    .map((t) => `<tr><td>${t.met === null ? 'n/a' : t.met ? 'met' : '<strong>missed</strong>'}</td><td>${escapeHtml(t.target)}</td><td>${escapeHtml(t.measured)}</td></tr>`)
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    contentSecurityPolicyMeta(scripts),
    '<title>fabric-verify bench</title>',
    '<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:nth-child(2),th:nth-child(2){text-align:left}pre{background:#f6f6f6;padding:1em;overflow:auto}</style>',
    '</head><body>',
    `<h1>fabric-verify bench</h1><p>node ${escapeHtml(report.node)}, ${report.cpus} × ${escapeHtml(report.cpuModel)}</p>`,
    '<h2>Targets</h2>',
    `<table><thead><tr><th></th><th>target</th><th>measured</th></tr></thead><tbody>${targetRows}</tbody></table>`,
    report.scaling ? scalingSection(report.scaling) : '',
    report.scalingCapped ? `<p>${escapeHtml(cappedRunLine(report.scalingCapped))}</p>` : '',
    '<h2>Everything measured</h2>',
    `<pre>${escapeHtml(benchTable(report, targets))}</pre>`,
    `<script>${library}</script>`,
    `<script>${SCALING_CHART_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
