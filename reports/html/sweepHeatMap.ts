/**
 * A parameter sweep as a grid: one row per parameter point, one column per property, each
 * cell coloured by its verdict and linked to its counterexample file when it failed; then
 * the share of apps down at that point, per instance count, measured on the same runs.
 */
import { type SweepPoint, pointLabel } from '../../properties/sweep.ts';
import type { DowntimeSummary, SweepCell, SweepSummary } from '../summary.ts';
import { relativeUrl } from './escapeHtml.ts';
import { html } from './markup.ts';

/** What the sweep writes beside each failing cell: a counterexample file, relative to the report folder. */
interface CounterexampleRef {
  readonly file?: unknown;
  readonly property?: unknown;
}

/**
 * The counterexample file of one (point, property) cell: `counterexamples[property].file`, or
 * `counterexample.file` when the point carries one (for that property, if it says which).
 */
export function cellCounterexampleFile(cell: SweepCell, property: string): string | null {
  const extended = cell as SweepCell & { readonly counterexamples?: Readonly<Record<string, CounterexampleRef | undefined>>; readonly counterexample?: CounterexampleRef | null };
  const byProperty = extended.counterexamples?.[property]?.file;
  if (typeof byProperty === 'string') return byProperty;
  const single = extended.counterexample;
  if (single && typeof single.file === 'string' && (single.property === undefined || single.property === property)) return single.file;
  return null;
}

/** The point's label, as the sweep names its downtime rows (a summary's point is a plain record). */
function labelOf(cell: SweepCell): string {
  return pointLabel(cell.point as unknown as SweepPoint);
}

function heatCell(cell: SweepCell, property: string) {
  const verdict = cell.verdicts[property];
  if (verdict === undefined) return html`<td class="heat none" title="not checked (the sweep was interrupted)">—</td>`;
  const file = verdict === 'fails' ? cellCounterexampleFile(cell, property) : null;
  const href = file === null ? null : relativeUrl(file);
  const tip = `${property} at ${labelOf(cell)}: ${verdict}${file ? ` — counterexample ${file}` : ''}`;
  return html`<td class=${`heat ${verdict}`} title=${tip}>${href === null ? verdict : html`<a href=${href} class="cx-link">${verdict} ↗</a>`}</td>`;
}

function downShare(downtime: readonly DowntimeSummary[], label: string, instances: number) {
  const row = downtime.find((d) => d.policy === label && d.instances === instances);
  if (!row) return html`<td class="num muted">—</td>`;
  const tip = `${row.downAppRuns} of ${row.appRuns} app-runs down for a while${row.maxS === null ? '' : `, longest ${row.maxS} s`}`;
  return html`<td class="num down-share" title=${tip}>${(row.shareDown * 100).toFixed(1)}%</td>`;
}

export function sweepHeatMap(sweep: SweepSummary, downtime: readonly DowntimeSummary[] = []) {
  const instanceCounts = [...new Set(downtime.map((d) => d.instances))].sort((a, b) => a - b);
  const linked = sweep.cells.reduce((n, c) => n + sweep.properties.filter((p) => c.verdicts[p] === 'fails' && cellCounterexampleFile(c, p) !== null).length, 0);
  return html`<section id="sweep">
    <h2>Where each property holds</h2>
    <p class="note">${[
      'One row per grid point, one column per property',
      linked > 0 ? html`; a failing cell links to its counterexample file (replay it with <code>fabric-verify replay FILE</code>)` : '',
      '.',
      instanceCounts.length > 0 ? ' The last columns: the share of apps down at that point, by instance count, over the same generated runs at every point.' : '',
    ]}</p>
    <div class="scroll"><table class="sweep">
      <thead><tr>
        ${sweep.parameters.map((p) => html`<th class="param">${p}</th>`)}
        ${sweep.properties.map((p) => html`<th class="prop"><code>${p}</code></th>`)}
        ${instanceCounts.map((n) => html`<th class="num">apps down, ${n} instance${n === 1 ? '' : 's'}</th>`)}
      </tr></thead>
      <tbody>
        ${sweep.cells.map(
          (cell) => html`<tr>
            ${sweep.parameters.map((p) => html`<td class="param">${String(cell.point[p] ?? '—')}</td>`)}
            ${sweep.properties.map((p) => heatCell(cell, p))}
            ${instanceCounts.map((n) => downShare(downtime, labelOf(cell), n))}
          </tr>`,
        )}
      </tbody>
    </table></div>
  </section>`;
}
