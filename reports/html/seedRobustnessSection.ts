/**
 * The seed-robustness section: the default campaign on many seeds (`npm run bench:seeds`),
 * against the bar — the share of (seed, property) verdicts as expected, the seeds that missed
 * an expected failure, each property's match rate and each machine's coverage minimum, with the
 * transitions unreachable by design named and explained.
 */
import type { SeedRobustness } from '../../bench/seedsSummary.ts';
import { escapeHtml } from './escapeHtml.ts';

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
const label = (id: string, variant: string | null) => escapeHtml(variant ? `${id} (${variant})` : id);
const seedList = (seeds: readonly number[]) => (seeds.length === 0 ? '<span class="muted">—</span>' : escapeHtml(seeds.slice(0, 20).join(', ') + (seeds.length > 20 ? ` … (${seeds.length})` : '')));

function propertyRows(r: SeedRobustness): string {
  return r.properties
    .map((p) => `<tr><td><code>${label(p.id, p.variant)}</code></td><td>${escapeHtml(p.expected)}</td><td class="num">${percent(p.matchRate)}</td><td>${seedList(p.mismatchSeeds)}</td><td class="num">${p.notMinimalSeeds.length}</td></tr>`)
    .join('\n');
}

function machineRows(r: SeedRobustness): string {
  return r.machines
    .map((m) => {
      const byDesign = [...(m.unreachableStatesByDesign ?? []).map((u) => ({ key: u.state, reason: u.reason })), ...m.unreachableByDesign.map((u) => ({ key: u.transition, reason: u.reason }))];
      const designed = byDesign.length === 0 ? '' : `<ul class="never">${byDesign.map((u) => `<li><code>${escapeHtml(u.key)}</code>: ${escapeHtml(u.reason)}</li>`).join('')}</ul>`;
      const missed = m.missedOnSomeSeeds.length === 0 ? '' : `<details><summary>${m.missedOnSomeSeeds.length} missed on some seeds</summary><ul class="never">${m.missedOnSomeSeeds.map((k) => `<li><code>${escapeHtml(k.key)}</code> (${k.seeds} seeds)</li>`).join('')}</ul></details>`;
      return `<tr><td><code>${escapeHtml(m.id)}</code></td><td class="num">${m.statesMin.covered}/${m.statesMin.total}</td><td class="num">${m.transitionsMin.covered}/${m.transitionsMin.total}</td><td class="num">${percent(m.reachableShareMin)}${m.meetsBar ? '' : ' ✗'}</td><td>${designed}${missed}</td></tr>`;
    })
    .join('\n');
}

export function seedRobustnessSection(r: SeedRobustness): string {
  return [
    '<section id="seed-robustness">',
    '<h2>Seed robustness</h2>',
    `<p class="note">The default campaign on ${r.seeds.length} seeds${r.complete ? '' : ' (interrupted: incomplete)'}: ${r.verdicts.matching} of ${r.verdicts.total} verdicts as expected (${percent(r.verdicts.share)}; bar ${percent(r.bar.verdictShare)}); ${r.seedsWithMissedFailure.length} seeds missed an expected failure (bar 0). ${r.meetsBar ? 'Meets the bar.' : '<strong>Below the bar.</strong>'}</p>`,
    '<table><thead><tr><th>property</th><th>expected</th><th>as expected</th><th>seeds that differ</th><th>not minimal</th></tr></thead>',
    `<tbody>${propertyRows(r)}</tbody></table>`,
    `<p class="note">Model coverage, the fewest any seed reached; the bar is every state and ${percent(r.bar.transitionShare)} of the transitions not unreachable by design.</p>`,
    '<table><thead><tr><th>machine</th><th>states</th><th>transitions</th><th>of the reachable</th><th>unreachable by design / missed</th></tr></thead>',
    `<tbody>${machineRows(r)}</tbody></table>`,
    '</section>',
  ].join('\n');
}
