/**
 * Symmetry reduction over interchangeable servers and apps: servers with the same fault
 * domain, update domain and capacity are alike in the fabric's description, and so are apps
 * with the same roles. A state and the same state with such servers (and apps) swapped, their
 * names renamed everywhere (local states, pending events, timers, the hypothesis's memory),
 * are merged. The key of a state is the least hash over every renaming (the orbit's minimum,
 * so it does not depend on which member of the orbit was met first); a fault is not injected
 * on a server when the state is unchanged by a renaming that takes it to an earlier one (that
 * branch would be merged anyway). Fingerprints are compared in a canonical form (object keys
 * and lists of names sorted, the controller's server views sorted by id) so that renamed maps
 * and lists compare equal.
 *
 * A heuristic, not a proof: placement breaks ties by server order (model/placement.ts) and
 * the machines walk their maps and lists in order, so two merged states can differ in which of
 * two equal servers the controller fills next, or which instance it queues first.
 * Counterexamples stay real (every one is simulated again); a `holds` with symmetry is a
 * `holds` of the reduced space. The tests compare verdicts with and without it.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import type { ComposedState } from '../engine/composedState.ts';
import { type FabricModel, buildFabricModel } from '../engine/fabricModel.ts';
import type { ExplorationSpace } from '../space/explorationSpace.ts';
import { type Hash64, hashInts } from './hash64.ts';

/** Beyond this many renamings per state the reduction costs more than it saves. */
const MAX_RENAMINGS = 120;
const PER_PENDING = 6;

export interface SymmetryReduction {
  readonly model: FabricModel;
  /** Groups of interchangeable server ids, and of app ids (two or more each). */
  readonly classes: { readonly servers: readonly (readonly string[])[]; readonly apps: readonly (readonly string[])[] };
  readonly renamings: number;
  key(state: ComposedState, faults: readonly Fault[]): Hash64;
  representatives(state: ComposedState, faults: readonly Fault[], allowed: readonly number[]): readonly number[];
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function classesBy<T>(items: readonly T[], id: (item: T) => string, key: (item: T) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), id(item)]);
  return [...groups.values()].filter((g) => g.length >= 2);
}

/** Interchangeable servers (same fault domain, update domain and capacity), then interchangeable apps (same roles). */
export function symmetryClasses(space: ExplorationSpace): { readonly servers: string[][]; readonly apps: string[][] } {
  const { servers, apps } = space.scenario.topology;
  return {
    servers: classesBy(servers, (s) => s.id, (s) => `${s.faultDomain}/${s.updateDomain}/${s.capacity}`),
    apps: classesBy(apps, (a) => a.id, (a) => JSON.stringify(a.roles)),
  };
}

/**
 * JSON with object keys sorted, lists of names sorted, and the controller's server views
 * (objects with a server `id`) sorted by it: renamed maps and lists compare equal.
 */
function canonicalJson(value: unknown, serverIds: ReadonlySet<string>): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(canonical);
      if (items.length > 1 && items.every((x) => typeof x === 'string')) return [...(items as string[])].sort();
      const byId = items.every((x) => typeof x === 'object' && x !== null && serverIds.has((x as { id?: string }).id ?? ''));
      return byId && items.length > 1 ? [...items].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1)) : items;
    }
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(canonical(value));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Renaming {
  readonly ids: ReadonlyMap<string, string>;
  readonly actors: Int32Array;
  readonly pattern: RegExp | null;
  readonly locals: number[];
  readonly events: number[];
  readonly texts: Map<string, number>;
  /** Alphabet index → alphabet index of the renamed fault. */
  readonly faults: Int32Array;
}

/** Null when the space has no interchangeable servers, or their ids could be mistaken for other names. */
export function symmetryReduction(space: ExplorationSpace, model: FabricModel = buildFabricModel(space.scenario)): SymmetryReduction | null {
  const classes = symmetryClasses(space);
  if (classes.servers.length === 0 && classes.apps.length === 0) return null;
  // Names are renamed as words of text: every name must be told apart from every other.
  const { servers, apps } = space.scenario.topology;
  const names = [...servers.map((s) => s.id), ...apps.map((a) => a.id), ...new Set(apps.flatMap((a) => a.roles.map((r) => r.id)))];
  if (new Set(names).size !== names.length || names.some((n) => /^\d+$/.test(n) || !/^[\w-]+$/.test(n))) return null;
  const serverIds = new Set(servers.map((s) => s.id));
  let group: Map<string, string>[] = [new Map()];
  for (const members of [...classes.servers, ...classes.apps]) {
    group = group.flatMap((partial) => permutations(members).map((order) => new Map([...partial, ...members.map((id, i): [string, string] => [id, order[i]!])])));
    if (group.length > MAX_RENAMINGS) return null;
  }
  const table = new Map<string, number>();
  const nameOf = (text: string): number => {
    let id = table.get(text);
    if (id === undefined) {
      id = table.size;
      table.set(text, id);
    }
    return id;
  };
  const labels = new Map(space.alphabet.map((choice, i) => [choice.label, i]));
  const renamings: Renaming[] = group.map((ids) => {
    const moved = [...ids].filter(([from, to]) => from !== to);
    const pattern = moved.length === 0 ? null : new RegExp(`(?<![\\w.-])(${moved.map(([from]) => escape(from)).join('|')})(?![\\w.-])`, 'g');
    const rename = (text: string) => (pattern ? text.replace(pattern, (id) => ids.get(id)!) : text);
    // Actors move with their names: server:a1 ↔ server:a2, instance:pair/web/0 ↔ instance:twin/web/0.
    const actors = Int32Array.from(model.actors, (actor, i) => model.indexOf.get(rename(actor.address)) ?? i);
    const faults = Int32Array.from(space.alphabet, (choice, i) => labels.get(rename(choice.label)) ?? i);
    return { ids, actors, pattern, locals: [], events: [], texts: new Map(), faults };
  });
  const renameText = (r: Renaming, text: string) => (r.pattern ? text.replace(r.pattern, (id) => r.ids.get(id)!) : text);
  const textId = (r: Renaming, text: string): number => {
    let id = r.texts.get(text);
    if (id === undefined) {
      id = nameOf(`t|${renameText(r, text)}`);
      r.texts.set(text, id);
    }
    return id;
  };
  let row = new Int32Array(256);

  const hashUnder = (r: Renaming, state: ComposedState, faults: readonly Fault[]): Hash64 => {
    const { locals, pending } = state;
    const length = locals.length + 2 + pending.length * PER_PENDING + 1;
    if (length > row.length) row = new Int32Array(length * 2);
    for (let a = 0; a < locals.length; a++) {
      const local = locals[a]!;
      let id = r.locals[local];
      if (id === undefined) {
        const { kind, snapshot } = model.locals.byId(local);
        const context = Object.fromEntries(Object.entries(snapshot.context as object).filter(([k]) => k !== 'time' && k !== 'fabric' && k !== 'timings'));
        id = nameOf(`l|${kind}|${snapshot.status}|${canonicalJson(JSON.parse(renameText(r, JSON.stringify([snapshot.value, context]))), serverIds)}`);
        r.locals[local] = id;
      }
      row[r.actors[a]!] = id;
    }
    let i = locals.length;
    row[i++] = pending.length;
    for (const p of pending) {
      let event = r.events[p.event.id];
      if (event === undefined) {
        event = nameOf(`e|${canonicalJson(JSON.parse(renameText(r, p.event.key)), serverIds)}`);
        r.events[p.event.id] = event;
      }
      row[i++] = p.atS - state.nowS;
      row[i++] = p.band;
      row[i++] = r.actors[p.to]!;
      row[i++] = p.from === 'fault' ? -1 : p.from === 'timer' ? -2 : r.actors[model.indexOf.get(p.from)!]!;
      row[i++] = event;
      row[i++] = p.timer === null ? -1 : textId(r, p.timer);
    }
    row[i++] = faults.length;
    row[i++] = space.restriction ? textId(r, space.restriction.memory(faults)) : -1;
    return hashInts(row, i);
  };

  const before = (a: Hash64, b: Hash64) => a.high < b.high || (a.high === b.high && a.low < b.low);
  const same = (a: Hash64, b: Hash64) => a.high === b.high && a.low === b.low;

  return {
    model,
    classes,
    renamings: renamings.length,
    key(state, faults) {
      let least = hashUnder(renamings[0]!, state, faults);
      for (let g = 1; g < renamings.length; g++) {
        const h = hashUnder(renamings[g]!, state, faults);
        if (before(h, least)) least = h;
      }
      return least;
    },
    representatives(state, faults, allowed) {
      const itself = hashUnder(renamings[0]!, state, faults);
      const unchangedBy = renamings.filter((r, g) => g > 0 && same(hashUnder(r, state, faults), itself));
      if (unchangedBy.length === 0) return allowed;
      const offered = new Set(allowed);
      // Keep a fault unless a renaming that leaves the state as it is turns it into an earlier allowed one.
      return allowed.filter((c) => !unchangedBy.some((r) => r.faults[c]! < c && offered.has(r.faults[c]!)));
    },
  };
}
