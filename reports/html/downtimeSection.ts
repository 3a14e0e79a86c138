/** Downtime by healing policy and instance count: how often apps went down, for how long, each distribution drawn. */
import { duration } from '../clock.ts';
import type { DowntimeSummary } from '../summary.ts';
import { durationHistogram } from './durationHistogram.ts';
import { jsonForScript } from './escapeHtml.ts';
import { html, rawHtml } from './markup.ts';

const seconds = (s: number | null) => (s === null ? '—' : duration(Math.round(s)));
const copies = (n: number) => (n === 1 ? '1 instance' : `${n} instances`);

function row(d: DowntimeSummary) {
  const share = `${(d.shareDown * 100).toFixed(1)}%`;
  return html`<tr><td>${d.policy}</td><td class="num">${d.instances}</td><td class="num">${d.appRuns}</td><td class="num">${d.downAppRuns}</td><td class="num">${share}</td><td class="num">${seconds(d.p50S)}</td><td class="num">${seconds(d.p99S)}</td><td class="num">${seconds(d.maxS)}</td></tr>`;
}

function card(d: DowntimeSummary, canvas: string) {
  const name = `${d.policy} · ${copies(d.instances)}`;
  const body =
    d.durationsS.length === 0
      ? html`<p class="muted">Never down in ${d.appRuns} app-runs.</p>`
      : html`<canvas id=${canvas} class="downtime-chart" width="520" height="240" role="img" aria-label=${`downtime of apps with ${copies(d.instances)}, ${d.policy}`}></canvas>`;
  return html`<div class="chart-card"><h4>${name}</h4>${body}</div>`;
}

const CAMPAIGN_NOTE =
  "Every app in every generated run of every property (up to its first failure; shrinking not counted), grouped by the run's healing policy and the app's instance count (its smallest role). An app-run is down when some role had no instance running for a while; p50, p99 and max are over the down ones, of their total time down. Each property draws faults under its own hypothesis and policy, so compare instance counts within a policy; to compare policies under the same faults, use ";
const SWEEP_NOTE =
  "Every app in each property's first generated runs (the sweep's runs per cell), drawn from the seed once and run at every point of the grid, grouped by the point and the app's instance count (its smallest role). Every point is measured on the same runs, whatever its verdicts, so the rows compare the points. An app-run is down when some role had no instance running for a while; p50, p99 and max are over the down ones, of their total time down.";

/** `bySweepPoint`: the rows are a sweep's grid points, not the policies of a campaign's properties. */
export function downtimeSection(downtime: readonly DowntimeSummary[], bySweepPoint = false) {
  if (downtime.length === 0) return null;
  const canvases = downtime.map((_, i) => `downtime-chart-${i}`);
  const charts = downtime.flatMap((d, i) =>
    d.durationsS.length === 0 ? [] : [durationHistogram({ ...d, boundS: null }, canvases[i]!, { measured: 'time the app was down in its run', counted: 'apps down' })],
  );
  const note = bySweepPoint ? SWEEP_NOTE : html`${CAMPAIGN_NOTE}<code>fabric-verify sweep</code>.`;
  return html`<section id="downtime">
    <h2>Downtime by instance count</h2>
    <p class="note">${note}</p>
    <table class="downtime"><thead><tr><th>${bySweepPoint ? 'grid point' : 'policy'}</th><th>instances</th><th>app-runs</th><th>down</th><th>share down</th><th>p50</th><th>p99</th><th>max</th></tr></thead>
    <tbody>${downtime.map(row)}</tbody></table>
    <div class="charts">${downtime.map((d, i) => card(d, canvases[i]!))}</div>
    ${rawHtml(jsonForScript(charts), 'script', { type: 'application/json', class: 'duration-data', id: 'downtime-data' })}
  </section>`;
}
