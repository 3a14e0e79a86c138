/** Model coverage: for every machine, the share of its states and transitions the runs reached, and what they never did. */
import type { MachineCoverage } from '../../model/coverage/coverageRecorder.ts';
import { UNREACHABLE_BY_DESIGN, UNREACHABLE_STATES_BY_DESIGN } from '../../properties/unreachableByDesign.ts';
import { html } from './markup.ts';

function bar(covered: number, total: number) {
  const share = total === 0 ? 1 : covered / total;
  const tone = share >= 0.9 ? 'good' : share >= 0.6 ? 'fair' : 'poor';
  return html`<div class="bar" title=${`${covered} of ${total}`}><div class=${`fill ${tone}`} style=${`width:${(share * 100).toFixed(1)}%`}></div></div><span class="num">${covered}/${total} (${Math.round(share * 100)}%)</span>`;
}

/** Why no catalog story can reach a state or transition, when it is one of those named unreachable by design. */
function byDesign(machine: string, key: string): string | null {
  const state = UNREACHABLE_STATES_BY_DESIGN.find((u) => u.machine === machine && u.state === key);
  const transition = UNREACHABLE_BY_DESIGN.find((u) => u.machine === machine && u.transition === key);
  return state?.reason ?? transition?.reason ?? null;
}

function row(m: MachineCoverage) {
  const item = (key: string) => {
    const reason = byDesign(m.id, key);
    return reason === null ? html`<li><code>${key}</code></li>` : html`<li><code>${key}</code> <span class="note">(unreachable by design: ${reason})</span></li>`;
  };
  const never =
    m.neverReached.length === 0
      ? html`<span class="ok">everything reached</span>`
      : html`<details><summary>${m.neverReached.length} never reached</summary><ul class="never">${m.neverReached.map(item)}</ul></details>`;
  return html`<tr><td><code>${m.id}</code></td><td class="cov">${bar(m.states.covered, m.states.total)}</td><td class="cov">${bar(m.transitions.covered, m.transitions.total)}</td><td>${never}</td></tr>`;
}

export function coverageSection(machines: readonly MachineCoverage[]) {
  const sum = (pick: (m: MachineCoverage) => { covered: number; total: number }) =>
    machines.reduce((a, m) => ({ covered: a.covered + pick(m).covered, total: a.total + pick(m).total }), { covered: 0, total: 0 });
  const states = sum((m) => m.states);
  const transitions = sum((m) => m.transitions);
  return html`<section id="coverage">
    <h2>Model coverage</h2>
    <p class="note">${`Over the machines' full definitions, not only what ran: ${states.covered} of ${states.total} states and ${transitions.covered} of ${transitions.total} transitions reached.`}</p>
    <table class="coverage"><thead><tr><th>machine</th><th>states</th><th>transitions</th><th>never reached</th></tr></thead>
    <tbody>${machines.map(row)}</tbody></table>
  </section>`;
}
