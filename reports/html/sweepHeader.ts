/**
 * A sweep's top: which config, on what seed, whether every cell finished, and the answer:
 * how many cells hold and fail, and the grid points where every property holds.
 */
import type { CampaignSummary, SweepSummary } from '../summary.ts';
import { campaignDuration } from './campaignHeader.ts';
import { html } from './markup.ts';

export interface SweepCounts {
  readonly cells: number;
  readonly checked: number;
  readonly holds: number;
  readonly fails: number;
  readonly vacuous: number;
  /** Points where every property was checked and holds. */
  readonly cleanPoints: readonly string[];
}

export function sweepCounts(sweep: SweepSummary): SweepCounts {
  const verdicts = sweep.cells.flatMap((c) => sweep.properties.map((p) => c.verdicts[p]));
  const count = (v: string) => verdicts.filter((x) => x === v).length;
  const cleanPoints = sweep.cells
    .filter((c) => sweep.properties.every((p) => c.verdicts[p] === 'holds'))
    .map((c) => sweep.parameters.map((p) => `${p}=${String(c.point[p])}`).join(' '));
  return { cells: verdicts.length, checked: verdicts.filter((v) => v !== undefined).length, holds: count('holds'), fails: count('fails'), vacuous: count('vacuous'), cleanPoints };
}

const cells = (n: number, one: string, many: string) => `${n} ${n === 1 ? `cell ${one}` : `cells ${many}`}`;

export function sweepHeader(summary: CampaignSummary, sweep: SweepSummary, navigation: ReturnType<typeof html>) {
  const counts = sweepCounts(sweep);
  const points = sweep.cells.length;
  const finished = summary.complete ? 'complete' : html`<b class="bad">interrupted: ${counts.checked} of ${counts.cells} cells checked</b>`;
  const where =
    counts.cleanPoints.length === 0
      ? 'No grid point holds every property.'
      : `Every property holds at ${counts.cleanPoints.length === 1 ? 'one point' : `${counts.cleanPoints.length} points`}: ${counts.cleanPoints.join('; ')}.`;
  return html`<header class=${summary.complete ? 'sweep' : 'interrupted'} id="verdict">
    <p class="kicker">fabric-verify sweep</p>
    <h1>${summary.campaign.name}</h1>
    <p class="facts">seed <code>${summary.campaign.seed}</code> · ${summary.campaign.runs === null ? "each property's own number of runs" : `${summary.campaign.runs} runs per cell`} · ${finished} · took ${campaignDuration(summary.durationMs)}</p>
    <p class="overall">${points} grid point${points === 1 ? '' : 's'} × ${sweep.properties.length} propert${sweep.properties.length === 1 ? 'y' : 'ies'}: ${cells(counts.holds, 'holds', 'hold')}, ${cells(counts.fails, 'fails', 'fail')}${counts.vacuous > 0 ? `, ${counts.vacuous} vacuous` : ''}${counts.checked < counts.cells ? `, ${counts.cells - counts.checked} not checked` : ''}</p>
    <p class="detail">${where}</p>
    ${navigation}
  </header>`;
}
