/** Model coverage: for every machine, the share of its states and transitions the runs reached, and what they never did. */
import type { MachineCoverage } from '../../model/coverage/coverageRecorder.ts';
import { escapeHtml } from './escapeHtml.ts';

function bar(covered: number, total: number): string {
  const share = total === 0 ? 1 : covered / total;
  const tone = share >= 0.9 ? 'good' : share >= 0.6 ? 'fair' : 'poor';
  return `<div class="bar" title="${covered} of ${total}"><div class="fill ${tone}" style="width:${(share * 100).toFixed(1)}%"></div></div><span class="num">${covered}/${total} (${Math.round(share * 100)}%)</span>`;
}

function row(m: MachineCoverage): string {
  const never = m.neverReached.length === 0
    ? '<span class="ok">everything reached</span>'
    : `<details><summary>${m.neverReached.length} never reached</summary><ul class="never">${m.neverReached.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul></details>`;
  return `<tr><td><code>${escapeHtml(m.id)}</code></td><td class="cov">${bar(m.states.covered, m.states.total)}</td><td class="cov">${bar(m.transitions.covered, m.transitions.total)}</td><td>${never}</td></tr>`;
}

export function coverageSection(machines: readonly MachineCoverage[]): string {
  const states = machines.reduce((a, m) => [a[0]! + m.states.covered, a[1]! + m.states.total], [0, 0]);
  const transitions = machines.reduce((a, m) => [a[0]! + m.transitions.covered, a[1]! + m.transitions.total], [0, 0]);
  return [
    '<section id="coverage">',
    '<h2>Model coverage</h2>',
    `<p class="note">Over the machines' full definitions, not only what ran: ${states[0]} of ${states[1]} states and ${transitions[0]} of ${transitions[1]} transitions reached.</p>`,
    '<table class="coverage"><thead><tr><th>machine</th><th>states</th><th>transitions</th><th>never reached</th></tr></thead>',
    `<tbody>${machines.map(row).join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
