/** Recovery times by property, variant and policy: p50, p99 and max against the bound, and each distribution drawn. */
import { duration } from '../clock.ts';
import type { RecoverySummary } from '../summary.ts';
import { jsonForScript } from './escapeHtml.ts';
import { durationHistogram } from './durationHistogram.ts';
import { html, rawHtml } from './markup.ts';

const seconds = (s: number | null) => (s === null ? '—' : duration(Math.round(s)));

function row(r: RecoverySummary) {
  const within = r.maxS === null ? html`<span class="muted">no samples</span>` : r.maxS <= r.boundS ? html`<span class="ok">✓ within</span>` : html`<span class="bad">✗ over</span>`;
  return html`<tr><td><code>${r.property}</code></td><td>${r.variant ?? '—'}</td><td>${r.policy}</td><td class="num">${r.samples}</td><td class="num">${seconds(r.p50S)}</td><td class="num">${seconds(r.p99S)}</td><td class="num">${seconds(r.maxS)}</td><td class="num">${seconds(r.boundS)}</td><td>${within}</td></tr>`;
}

function card(r: RecoverySummary, canvas: string) {
  const name = r.variant ? `${r.property} (${r.variant})` : r.property;
  const body =
    r.durationsS.length === 0
      ? html`<p class="muted">No lost instance was measured.</p>`
      : html`<canvas id=${canvas} class="recovery-chart" width="520" height="240" role="img" aria-label=${`recovery times of ${name}`}></canvas>`;
  return html`<div class="chart-card"><h4>${name} <span class="muted">· ${r.policy}</span></h4>${body}</div>`;
}

export function recoverySection(recovery: readonly RecoverySummary[]) {
  if (recovery.length === 0) return html`<section id="recovery"><h2>Recovery times</h2><p class="muted">No recovery property ran.</p></section>`;
  const canvases = recovery.map((_, i) => `recovery-chart-${i}`);
  const charts = recovery.flatMap((r, i) => (r.durationsS.length === 0 ? [] : [durationHistogram(r, canvases[i]!, { measured: 'time until the instance runs again', counted: 'lost instances' })]));
  return html`<section id="recovery">
    <h2>Recovery times</h2>
    <p class="note">How long each lost instance took to run again, against the property's bound (the largest over its runs). Bars past the bound are red.</p>
    <table class="recovery"><thead><tr><th>property</th><th>variant</th><th>policy</th><th>samples</th><th>p50</th><th>p99</th><th>max</th><th>bound</th><th>max vs bound</th></tr></thead>
    <tbody>${recovery.map(row)}</tbody></table>
    <div class="charts">${recovery.map((r, i) => card(r, canvases[i]!))}</div>
    ${rawHtml(jsonForScript(charts), 'script', { type: 'application/json', class: 'duration-data', id: 'recovery-data' })}
  </section>`;
}
