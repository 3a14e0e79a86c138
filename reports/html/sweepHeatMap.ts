/** A parameter sweep as a grid: one row per parameter point, one column per property, each cell coloured by its verdict. */
import type { SweepSummary } from '../summary.ts';
import { escapeHtml } from './escapeHtml.ts';

export function sweepHeatMap(sweep: SweepSummary): string {
  const head = [...sweep.parameters.map((p) => `<th class="param">${escapeHtml(p)}</th>`), ...sweep.properties.map((p) => `<th class="prop"><code>${escapeHtml(p)}</code></th>`)].join('');
  const rows = sweep.cells.map((cell) => {
    const point = sweep.parameters.map((p) => `<td class="param">${escapeHtml(String(cell.point[p] ?? '—'))}</td>`).join('');
    const verdicts = sweep.properties
      .map((p) => {
        const verdict = cell.verdicts[p];
        return verdict === undefined ? '<td class="heat none">—</td>' : `<td class="heat ${verdict}" title="${escapeHtml(`${p}: ${verdict}`)}">${verdict}</td>`;
      })
      .join('');
    return `<tr>${point}${verdicts}</tr>`;
  });
  return [
    '<section id="sweep">',
    '<h2>Parameter sweep</h2>',
    '<div class="scroll"><table class="sweep">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
    '</section>',
  ].join('\n');
}
