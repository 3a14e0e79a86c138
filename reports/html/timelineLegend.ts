/** What the timeline's colours and marks mean, drawn once above the counterexamples. */
import { html } from './markup.ts';
import { appColour, faultColour, queueColour, serverColour, violationColour } from './palette.ts';

function swatch(colour: string, label: string, shape = '') {
  return html`<span class="key"><span class=${`swatch${shape}`} style=${`background:${colour}`}></span>${label}</span>`;
}

export function timelineLegend() {
  return html`<div class="legend">
    <div><b>servers</b>${swatch(serverColour.running, 'running')}${swatch(serverColour.upgrading, 'upgrading (draining, installing, rebooting)')}${swatch(serverColour.unreachable, 'unreachable (heartbeats lost)')}${swatch(serverColour.failed, 'failed')}${swatch(serverColour.repairing, 'repairing')}</div>
    <div><b>apps</b>${swatch(appColour.available, 'available')}${swatch(appColour.degraded, 'degraded (a role below its count)')}${swatch(appColour.down, 'down (a role with no instance; drawn at least 3 px wide)')}</div>
    <div><b>faults</b>${swatch(faultColour.networkDegradation, 'slow network (shaded over every row)', ' band')}${swatch(faultColour.heartbeatLoss, 'heartbeat loss (dashed on its server)', ' band')}<span class="key"><span class="glyph">✕</span>crash</span></div>
    <div><b>healing queue</b>${swatch(queueColour.inFlight, 'moves in flight')}${swatch(queueColour.waiting, 'moves waiting')}</div>
    <div><b>the break</b><span class="key"><span class="swatch line" style=${`border-color:${violationColour}`}></span>where the property broke (shaded band), with the last fault before it in bold</span>${swatch(violationColour, 'copies serving past a role\'s instance count')}</div>
  </div>`;
}
