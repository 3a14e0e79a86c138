/**
 * The catalog as the campaign found it: each property's verdict beside its expectation, what
 * a clean `holds` is worth, whether the situations it must see were reached, and a link to
 * the story of any counterexample.
 */
import type { MustSeeSummary, PropertySummary } from '../summary.ts';
import { storyAnchor } from './anchors.ts';
import { escapeHtml } from './escapeHtml.ts';
import { matchMark, verdictBadge } from './verdictBadge.ts';

function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${Math.round(share * 100)}%`;
}

function confidence(p: PropertySummary): string {
  if (p.method === 'exhaustive' && p.bound) {
    const b = p.bound;
    const scope = `every schedule of ≤ ${b.maxFaults} fault(s) on a ${b.granularityS}s grid up to ${b.horizonS}s`;
    return b.complete ? `exhaustive: ${scope}` : `<span class="bad">incomplete</span> exploration of ${scope}`;
  }
  if (p.verdict !== 'holds' || p.failureRateBelow === null) return '<span class="muted">—</span>';
  return `one run breaks it with chance below <b>${percent(p.failureRateBelow)}</b> at 95%`;
}

function mustSeeItem(m: MustSeeSummary): string {
  const mark = m.met ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>';
  return `<li class="${m.met ? 'met' : 'unmet'}">${mark} ${escapeHtml(m.description)}: <b>${percent(m.share)}</b> of runs (${m.reached}), needs ${percent(m.minShare)}</li>`;
}

function counterexampleCell(p: PropertySummary): string {
  const c = p.counterexample;
  if (c === null) return '<span class="muted">—</span>';
  const minimal = c.minimal === null ? '' : c.minimal ? ' <span class="ok" title="the smallest story expected">smallest</span>' : ' <span class="bad" title="not the smallest story expected">not smallest</span>';
  return `<a href="#${storyAnchor(p.id, p.variant)}">${c.faults} fault(s), ${c.failedServers} failed server(s)</a>${minimal}`;
}

function row(p: PropertySummary): string {
  const variant = p.variant ? ` <span class="variant">${escapeHtml(p.variant)}</span>` : '';
  const mustSee = p.mustSee.length === 0 ? '<span class="muted">—</span>' : `<ul class="must-see">${p.mustSee.map(mustSeeItem).join('')}</ul>`;
  return [
    `<tr class="property ${p.verdict}${p.matches ? '' : ' differs'}" data-property="${escapeHtml(p.id)}">`,
    `<td class="id"><code>${escapeHtml(p.id)}</code>${variant}${p.variant ? '' : `<div class="muted small">healing ${escapeHtml(p.policy)}</div>`}</td>`,
    `<td class="statement">${escapeHtml(p.statement)}<div class="hypothesis">under: ${escapeHtml(p.hypothesis)}</div></td>`,
    `<td>${verdictBadge(p.expected)}</td>`,
    `<td class="verdict">${verdictBadge(p.verdict)}<div>${matchMark(p.matches)}</div></td>`,
    `<td class="num">${p.runs}</td>`,
    `<td class="num">${p.method === 'exhaustive' ? '<span class="muted">exhaustive</span>' : `<code>${p.seed}</code>`}</td>`,
    `<td class="confidence">${confidence(p)}</td>`,
    `<td>${mustSee}</td>`,
    `<td class="cx">${counterexampleCell(p)}</td>`,
    '</tr>',
  ].join('');
}

export function catalogTable(properties: readonly PropertySummary[]): string {
  const head = ['property', 'statement and hypothesis', 'expected', 'verdict', 'runs', 'seed', 'confidence', 'must-see situations', 'counterexample'];
  return [
    '<section id="catalog">',
    '<h2>The catalog</h2>',
    '<p class="note">A <span class="badge vacuous">vacuous</span> verdict means the runs never reached the situations the property must see, so its clean result proves little.</p>',
    '<div class="scroll"><table class="catalog">',
    `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${properties.map(row).join('\n')}</tbody>`,
    '</table></div>',
    '</section>',
  ].join('\n');
}
