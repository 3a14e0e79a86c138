/**
 * The catalog as the campaign found it: each property's outcome (its verdict against its
 * expectation), what a clean `holds` is worth, whether the situations it must see were
 * reached, and a link to the story of any counterexample. A filter (radio buttons read by
 * CSS, so it needs no script) narrows the rows to what needs attention.
 */
import type { MustSeeSummary, PropertySummary } from '../summary.ts';
import { storyAnchor } from './anchors.ts';
import { html } from './markup.ts';
import { isUnexpected, outcomeOf } from './outcome.ts';
import { outcomeBadge } from './verdictBadge.ts';

export function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${Math.round(share * 100)}%`;
}

function confidence(p: PropertySummary) {
  if (p.method === 'exhaustive' && p.bound) {
    const b = p.bound;
    const scope = `every schedule of ≤ ${b.maxFaults} fault(s) on a ${b.granularityS}s grid up to ${b.horizonS}s`;
    return b.complete ? html`exhaustive: ${scope}` : html`<span class="bad">incomplete</span> exploration of ${scope}`;
  }
  if (p.verdict !== 'holds' || p.failureRateBelow === null) return html`<span class="muted">—</span>`;
  return html`one run breaks it with chance below <b>${percent(p.failureRateBelow)}</b> at 95%`;
}

function mustSeeItem(m: MustSeeSummary) {
  return html`<li class=${m.met ? 'met' : 'unmet'}>${m.met ? html`<span class="ok">✓</span>` : html`<span class="bad">✗</span>`} ${m.description}: <b>${percent(m.share)}</b> of runs (${m.reached}), needs ${percent(m.minShare)}</li>`;
}

function counterexampleCell(p: PropertySummary) {
  const c = p.counterexample;
  if (c === null) return html`<span class="muted">—</span>`;
  const minimal =
    c.minimal === null
      ? null
      : c.minimal
        ? html` <span class="ok" title="the smallest story expected">smallest</span>`
        : html`<div class="bad small">not the smallest story: ${c.minimalityDetail ?? 'no detail recorded'}</div>`;
  return html`<a href=${`#${storyAnchor(p.id, p.variant)}`}>${c.faults} fault(s), ${c.failedServers} failed server(s)</a>${minimal}`;
}

function row(p: PropertySummary, seedShown: boolean) {
  const outcome = outcomeOf(p);
  const classes = `property ${p.verdict} ${outcome}${p.matches ? '' : ' differs'}`;
  return html`<tr class=${classes} id=${`row-${storyAnchor(p.id, p.variant)}`} data-property=${p.id} data-outcome=${outcome}>
    <td class="id"><code>${p.id}</code>${p.variant ? html` <span class="variant">${p.variant}</span>` : html`<div class="muted small">healing ${p.policy}</div>`}</td>
    <td class="statement">${p.statement}<div class="hypothesis">under: ${p.hypothesis}</div></td>
    <td class="verdict">${outcomeBadge(p)}<div class="muted small">expected ${p.expected}, got ${p.verdict}</div></td>
    <td class="num">${p.runs}${p.method === 'exhaustive' ? html`<div class="muted small">exhaustive</div>` : seedShown ? html`<div class="muted small">seed <code>${p.seed}</code></div>` : null}</td>
    <td class="confidence">${confidence(p)}</td>
    <td>${p.mustSee.length === 0 ? html`<span class="muted">—</span>` : html`<ul class="must-see">${p.mustSee.map(mustSeeItem)}</ul>`}</td>
    <td class="cx">${counterexampleCell(p)}</td>
  </tr>`;
}

const FILTERS = [
  ['all', 'all'],
  ['unexpected', 'needs attention'],
  ['expected-failure', 'expected failures'],
  ['holds', 'holds'],
] as const;

function filterBar(properties: readonly PropertySummary[]) {
  const count = (f: string) =>
    f === 'all' ? properties.length : f === 'unexpected' ? properties.filter((p) => isUnexpected(outcomeOf(p))).length : properties.filter((p) => outcomeOf(p) === f).length;
  return html`<div class="filter" role="radiogroup" aria-label="show">
    <span class="muted">show:</span>
    ${FILTERS.map(
      ([id, label]) => html`<input type="radio" name="catalog-filter" id=${`filter-${id}`} value=${id} checked=${id === 'all'} /><label for=${`filter-${id}`}>${label} (${count(id)})</label>`,
    )}
  </div>`;
}

/** `campaignSeed`: the seed the header shows; a row shows its own only when it differs. */
export function catalogTable(properties: readonly PropertySummary[], campaignSeed: number) {
  const seedShown = properties.some((p) => p.method !== 'exhaustive' && p.seed !== campaignSeed);
  return html`<section id="catalog">
    <h2>The catalog</h2>
    <p class="note">${[
      'Each verdict is read against its expectation. ',
      html`<span class="outcome expected-failure">✓ expected failure, found</span>`,
      ' is the suite working: a known hazard reproduced and shrunk to its smallest story. ',
      html`<span class="outcome unexpected-failure">✗ unexpected failure</span>`,
      ', ',
      html`<span class="outcome missed-failure">✗ expected failure not found</span>`,
      ' and ',
      html`<span class="outcome vacuous">? vacuous</span>`,
      ' (the runs never reached the situations the property must see, so its clean result proves little) need attention.',
    ]}</p>
    ${filterBar(properties)}
    <div class="scroll"><table class="catalog">
      <thead><tr><th>property</th><th>statement and hypothesis</th><th>outcome</th><th>runs</th><th>confidence</th><th>must-see situations</th><th>counterexample</th></tr></thead>
      <tbody>${properties.map((p) => row(p, seedShown))}</tbody>
    </table></div>
  </section>`;
}
