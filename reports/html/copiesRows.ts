/**
 * Rows for the roles that ever ran more copies than their instance count (a server thought
 * dead came back while its instance ran again elsewhere, fencing off): how many copies served
 * over time, the surplus in the violation's colour. Nothing is drawn for a story without one.
 */
import { servingCopies } from '../../model/simulator/availability.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { AppSpec } from '../../model/topology.ts';
import { violationColour } from './palette.ts';
import { type Shape, clip, group, rect, text, title } from './svgShapes.ts';
import { type Block, HEADER_HEIGHT_PX, ROW_GAP_PX, ROW_HEIGHT_PX, type TimelineFrame, span } from './timelineFrame.ts';

export interface CopiesInterval {
  readonly fromS: number;
  readonly toS: number;
  readonly copies: number;
}

/** `lifecycle.running | stray.serving` as the value `servingCopies` reads. */
function stateValue(state: string): Record<string, string> {
  const value: Record<string, string> = {};
  for (const part of state.split(' | ')) {
    const dot = part.indexOf('.');
    if (dot > 0) value[part.slice(0, dot)] = part.slice(dot + 1);
  }
  return value;
}

const roleOf = (instanceId: string) => instanceId.slice(0, instanceId.lastIndexOf('/'));

/** Copies serving per role (`app/role`), as spans from 0 to `endS`. */
export function roleCopies(trace: Trace, endS: number): Map<string, CopiesInterval[]> {
  const copiesOf = new Map<string, number>();
  const perRole = new Map<string, number>();
  const spans = new Map<string, CopiesInterval[]>();
  const since = new Map<string, number>();
  for (const [address, state] of Object.entries(trace.initialStates)) {
    if (!address.startsWith('instance:')) continue;
    const id = address.slice('instance:'.length);
    const copies = servingCopies(stateValue(state));
    copiesOf.set(id, copies);
    perRole.set(roleOf(id), (perRole.get(roleOf(id)) ?? 0) + copies);
    since.set(roleOf(id), 0);
  }
  for (const entry of trace.entries) {
    if (entry.kind !== 'state' || !entry.actor.startsWith('instance:') || entry.t > endS) continue;
    const id = entry.actor.slice('instance:'.length);
    const role = roleOf(id);
    const copies = servingCopies(stateValue(entry.to));
    const before = perRole.get(role) ?? 0;
    const after = before + copies - (copiesOf.get(id) ?? 0);
    copiesOf.set(id, copies);
    if (after === before) continue;
    const from = since.get(role) ?? 0;
    if (entry.t > from) spans.set(role, [...(spans.get(role) ?? []), { fromS: from, toS: entry.t, copies: before }]);
    perRole.set(role, after);
    since.set(role, Math.max(from, entry.t));
  }
  for (const [role, copies] of perRole) {
    const from = since.get(role) ?? 0;
    // Kept even when it starts at the very end: a story may stop at the instant a surplus copy starts.
    if (endS >= from) spans.set(role, [...(spans.get(role) ?? []), { fromS: from, toS: endS, copies }]);
  }
  return spans;
}

export function copiesRows(apps: readonly AppSpec[], trace: Trace, frame: TimelineFrame, top: number): Block {
  const limit = new Map<string, number>(apps.flatMap((app) => app.roles.map((r) => [`${app.id}/${r.id}`, r.instances] as [string, number])));
  const surplus = [...roleCopies(trace, frame.endS)].filter(([role, spans]) => spans.some((s) => s.copies > (limit.get(role) ?? Infinity)));
  if (surplus.length === 0) return { svg: [], height: 0 };
  const parts: Shape[] = [text(8, top + HEADER_HEIGHT_PX - 5, 'copies serving', { class: 'lbl head' })];
  let y = top + HEADER_HEIGHT_PX;
  for (const [role, spans] of surplus) {
    const max = limit.get(role)!;
    parts.push(group([title(`${role}: copies serving (instance count ${max})`), text(16, y + ROW_HEIGHT_PX - 4, `${clip(role, 16)} (≤ ${max})`, { class: 'lbl' })]));
    for (const s of spans) {
      if (!frame.shows(s.fromS, s.toS)) continue;
      const over = s.copies > max;
      const x = frame.x(s.fromS);
      parts.push(
        rect(x, y, Math.max(frame.x(s.toS) - x, over ? 3 : 0), ROW_HEIGHT_PX, { fill: over ? violationColour : '#d0d7de', ...(over ? { class: 'surplus' } : {}) }, `${role}: ${s.copies} cop${s.copies === 1 ? 'y' : 'ies'} serving${over ? ` — more than its ${max}` : ''} ${span(s.fromS, s.toS)}`),
        x + 16 > frame.right
          ? text(x - 4, y + ROW_HEIGHT_PX - 4, String(s.copies), { class: 'lbl copies', 'text-anchor': 'end', fill: over ? violationColour : '#333' })
          : text(x + 4, y + ROW_HEIGHT_PX - 4, String(s.copies), { class: 'lbl copies', fill: over ? '#fff' : '#333' }),
      );
    }
    y += ROW_HEIGHT_PX + ROW_GAP_PX;
  }
  return { svg: parts, height: y - top };
}
