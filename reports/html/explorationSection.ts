/**
 * An exhaustive exploration (`fabric-verify explore`): the bound, what each search covered
 * and whether it finished (a `holds` is a proof for the bound only then), the properties not
 * explored and why, and, with `--agreement`, how random testing of the same space compares.
 */
import type { ExplorationSummary } from '../summary.ts';
import { campaignDuration } from './campaignHeader.ts';
import { html } from './markup.ts';

const yesNo = (ok: boolean, yes: string, no: string) => (ok ? html`<span class="ok">✓ ${yes}</span>` : html`<span class="bad">✗ ${no}</span>`);

function agreementTable(agreement: NonNullable<ExplorationSummary['agreement']>) {
  return html`<h3>Agreement with random testing</h3>
    <table class="agreement"><thead><tr><th>property</th><th>exhaustive</th><th>random</th><th>random runs to find</th><th>faults: breadth-first / shrunk</th><th>consistent</th></tr></thead>
    <tbody>${agreement.map(
      (a) => html`<tr>
        <td><code>${a.property}</code>${a.variant ? html` <span class="variant">${a.variant}</span>` : null}</td>
        <td>${a.exhaustive}</td><td>${a.random}</td>
        <td class="num">${a.runsToFind ?? html`<span class="muted">— (${a.randomRuns} clean)</span>`}</td>
        <td class="num">${a.exhaustiveFaults === null ? '—' : `${a.exhaustiveFaults} / ${a.randomFaults ?? '—'}`}</td>
        <td>${yesNo(a.consistent, a.agree ? 'agree' : 'random missed it', 'contradiction')}</td>
      </tr>`,
    )}</tbody></table>`;
}

export function explorationSection(exploration: ExplorationSummary) {
  const e = exploration;
  return html`<section id="exploration">
    <h2>The exploration</h2>
    <p class="note">${[
      `Every schedule of at most ${e.maxFaults} fault(s), each injected on a ${e.granularityS}-second grid up to ${e.horizonS} s, every run going on ${e.settleS} s more`,
      e.symmetry ? '; interchangeable servers and apps merged (a heuristic, see the README)' : '',
      `: ${e.schedules} schedules, ${e.distinctStates} distinct states, ${e.wholeRuns} whole runs. `,
      yesNo(e.complete, 'explored completely: a holds is a proof for this bound', 'not explored completely: a holds proves nothing yet'),
    ]}</p>
    <table class="searches"><thead><tr><th>search</th><th>scope</th><th>properties</th><th>stretches</th><th>distinct states</th><th>depth</th><th>schedules</th><th>complete</th><th>took</th></tr></thead>
    <tbody>${e.searches.map(
      (s) => html`<tr>
        <td>${s.label}</td><td>${s.scope}</td><td>${s.properties.map((p, i) => html`${i > 0 ? ', ' : ''}<code>${p}</code>`)}</td>
        <td class="num">${s.generated}</td><td class="num">${s.distinctStates}</td><td class="num">${s.depth} / ${s.choicePoints}</td>
        <td class="num">${s.schedules}</td><td>${yesNo(s.complete, 'yes', 'no')}</td><td class="num">${campaignDuration(s.durationMs)}</td>
      </tr>`,
    )}</tbody></table>
    ${e.notExplored.length === 0
      ? null
      : html`<h3>Not explored</h3><ul class="not-explored">${e.notExplored.map((n) => html`<li><code>${n.property}</code>${n.variant ? ` (${n.variant})` : ''}: ${n.reason}</li>`)}</ul>`}
    ${e.agreement && e.agreement.length > 0 ? agreementTable(e.agreement) : null}
  </section>`;
}
