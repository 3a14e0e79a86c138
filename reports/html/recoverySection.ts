/** Recovery times by property, variant and policy: p50, p99 and max against the bound, and each distribution drawn. */
import { duration } from '../clock.ts';
import type { RecoverySummary } from '../summary.ts';
import { escapeHtml, jsonForScript } from './escapeHtml.ts';
import { durationHistogram } from './durationHistogram.ts';

const seconds = (s: number | null) => (s === null ? '—' : duration(Math.round(s)));

function row(r: RecoverySummary): string {
  const within = r.maxS === null ? '<span class="muted">no samples</span>' : r.maxS <= r.boundS ? '<span class="ok">✓ within</span>' : '<span class="bad">✗ over</span>';
  return `<tr><td><code>${escapeHtml(r.property)}</code></td><td>${escapeHtml(r.variant ?? '—')}</td><td>${escapeHtml(r.policy)}</td><td class="num">${r.samples}</td><td class="num">${seconds(r.p50S)}</td><td class="num">${seconds(r.p99S)}</td><td class="num">${seconds(r.maxS)}</td><td class="num">${seconds(r.boundS)}</td><td>${within}</td></tr>`;
}

function card(r: RecoverySummary, canvas: string): string {
  const name = r.variant ? `${r.property} (${r.variant})` : r.property;
  const body = r.durationsS.length === 0 ? '<p class="muted">No lost instance was measured.</p>' : `<canvas id="${canvas}" class="recovery-chart" width="520" height="240" role="img" aria-label="${escapeHtml(`recovery times of ${name}`)}"></canvas>`;
  return `<div class="chart-card"><h4>${escapeHtml(name)} <span class="muted">· ${escapeHtml(r.policy)}</span></h4>${body}</div>`;
}

export function recoverySection(recovery: readonly RecoverySummary[]): string {
  if (recovery.length === 0) return '<section id="recovery"><h2>Recovery times</h2><p class="muted">No recovery property ran.</p></section>';
  const canvases = recovery.map((_, i) => `recovery-chart-${i}`);
  const charts = recovery.flatMap((r, i) => (r.durationsS.length === 0 ? [] : [durationHistogram(r, canvases[i]!, { measured: 'time until the instance runs again', counted: 'lost instances' })]));
  return [
    '<section id="recovery">',
    '<h2>Recovery times</h2>',
    '<p class="note">How long each lost instance took to run again, against the property\'s bound (the largest over its runs). Bars past the bound are red.</p>',
    '<table class="recovery"><thead><tr><th>property</th><th>variant</th><th>policy</th><th>samples</th><th>p50</th><th>p99</th><th>max</th><th>bound</th><th>max vs bound</th></tr></thead>',
    `<tbody>${recovery.map(row).join('\n')}</tbody></table>`,
    `<div class="charts">${recovery.map((r, i) => card(r, canvases[i]!)).join('\n')}</div>`,
    `<script type="application/json" class="duration-data" id="recovery-data">${jsonForScript(charts)}</script>`,
    '</section>',
  ].join('\n');
}
