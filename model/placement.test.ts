import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlacementCandidate, PlacementIndex, type SiblingPlacement, chooseServer } from './placement.ts';
import type { HardSpread } from './topology.ts';

function server(id: string, faultDomain: number, updateDomain: number, change: Partial<PlacementCandidate> = {}): PlacementCandidate {
  return { id, faultDomain, updateDomain, capacity: 2, load: 0, placeable: true, ...change };
}

const sibling = (faultDomain: number, updateDomain: number): SiblingPlacement => ({ faultDomain, updateDomain });

/** A skew rule, a per-fault-domain cap, or both (what the scenario schema accepts). */
const hardSpreads = (maxMinDomains: number): fc.Arbitrary<HardSpread> =>
  fc
    .record({
      maxSkew: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      minDomains: fc.option(fc.integer({ min: 1, max: maxMinDomains }), { nil: undefined }),
      maxPerFaultDomain: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    }, { requiredKeys: [] })
    .filter((spread) => spread.maxSkew !== undefined || spread.maxPerFaultDomain !== undefined);

describe('chooseServer', () => {
  it('finds nothing when no server is placeable with room to spare', () => {
    expect(chooseServer([], [])).toBeNull();
    expect(chooseServer([server('s00', 0, 0, { load: 2 }), server('s01', 1, 1, { placeable: false })], [])).toBeNull();
  });

  it('never places on a full or unplaceable server, even where the spread would be best', () => {
    const candidates = [server('full', 1, 1, { load: 2 }), server('down', 2, 2, { placeable: false }), server('crowded', 0, 0, { load: 1 })];
    expect(chooseServer(candidates, [sibling(0, 0)])?.id).toBe('crowded');
  });

  it('spreads over fault domains first, whatever the update domains and load', () => {
    const candidates = [server('same-rack', 0, 1), server('other-rack', 1, 0, { load: 1 })];
    expect(chooseServer(candidates, [sibling(0, 0)])?.id).toBe('other-rack');
  });

  it('then over update domains, whatever the load', () => {
    const candidates = [server('same-update-domain', 1, 0), server('other-update-domain', 2, 1, { load: 1 })];
    expect(chooseServer(candidates, [sibling(0, 0)])?.id).toBe('other-update-domain');
  });

  it('then takes the least loaded', () => {
    expect(chooseServer([server('busy', 0, 0, { load: 1 }), server('idle', 1, 1)], [])?.id).toBe('idle');
  });

  it('counts every sibling: a rack holding one sibling beats a rack holding two', () => {
    const siblings = [sibling(0, 0), sibling(0, 1), sibling(1, 2)];
    expect(chooseServer([server('two-there', 0, 3), server('one-there', 1, 3)], siblings)?.id).toBe('one-there');
  });

  it('gives a tie to the server listed first', () => {
    const a = server('a', 0, 0);
    const b = server('b', 1, 1);
    expect(chooseServer([a, b], [])).toBe(a);
    expect(chooseServer([b, a], [])).toBe(b);
  });

  it('always picks the first of the best-spread, least-loaded servers with room', () => {
    const candidate = fc.record({
      faultDomain: fc.nat(3),
      updateDomain: fc.nat(3),
      capacity: fc.integer({ min: 0, max: 3 }),
      load: fc.nat(4),
      placeable: fc.boolean(),
    });
    const siblingArb = fc.record({ faultDomain: fc.nat(3), updateDomain: fc.nat(3) });
    const hardSpreadArb = fc.option(hardSpreads(5), { nil: undefined });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 8 }), fc.array(siblingArb, { maxLength: 5 }), hardSpreadArb, (specs, siblings, hardSpread) => {
        const candidates = specs.map((spec, i) => ({ id: `s${i}`, ...spec }));
        const score = (s: PlacementCandidate) => [
          siblings.filter((x) => x.faultDomain === s.faultDomain).length,
          siblings.filter((x) => x.updateDomain === s.updateDomain).length,
          s.load,
        ];
        // The skew rule as Kubernetes states it: the count in the server's fault domain, plus
        // the new one, minus the fewest over every fault domain (0 below minDomains).
        const domains = [...new Set(candidates.map((s) => s.faultDomain))];
        const held = (d: number) => siblings.filter((x) => x.faultDomain === d).length;
        const fewest = hardSpread && domains.length >= (hardSpread.minDomains ?? 1) ? Math.min(...domains.map(held)) : 0;
        const withinSkew = (s: PlacementCandidate) =>
          hardSpread === undefined ||
          ((hardSpread.maxSkew === undefined || held(s.faultDomain) + 1 - fewest <= hardSpread.maxSkew) &&
            (hardSpread.maxPerFaultDomain === undefined || held(s.faultDomain) + 1 <= hardSpread.maxPerFaultDomain));
        const eligible = candidates.filter((s) => s.placeable && s.load < s.capacity && withinSkew(s));
        const expected = [...eligible].sort((x, y) => {
          const [a, b] = [score(x), score(y)];
          return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || candidates.indexOf(x) - candidates.indexOf(y);
        })[0];
        expect(chooseServer(candidates, siblings, hardSpread)).toBe(expected ?? null);
      }),
    );
  });
});

describe('chooseServer with a hard spread', () => {
  const zones = [server('a0', 0, 0), server('a1', 0, 1), server('b0', 1, 0), server('c0', 2, 1)];

  it('places as the soft spread does while the spread can be kept', () => {
    expect(chooseServer(zones, [sibling(1, 0), sibling(2, 1)], { maxSkew: 1 })?.id).toBe('a0');
  });

  it('refuses a server in a zone that would hold more than maxSkew above a dark zone, even the only one with room', () => {
    // Zone 0 is dark and its copy was moved off: zones 1 and 2 each hold one sibling.
    const dark = zones.map((s) => (s.faultDomain === 0 ? { ...s, placeable: false } : s));
    expect(chooseServer(dark, [sibling(1, 0), sibling(2, 1)], { maxSkew: 1 })).toBeNull();
    expect(chooseServer(dark, [sibling(1, 0), sibling(2, 1)])?.id).toBe('b0');
    expect(chooseServer(dark, [sibling(1, 0), sibling(2, 1)], { maxSkew: 2 })?.id).toBe('b0');
  });

  it('places again once the dark zone is back', () => {
    expect(chooseServer(zones, [sibling(1, 0), sibling(2, 1)], { maxSkew: 1 })?.id).toBe('a0');
  });

  it('keeps at most maxPerFaultDomain in a zone, whatever the skew', () => {
    expect(chooseServer(zones, [sibling(0, 0), sibling(1, 0), sibling(2, 1)], { maxPerFaultDomain: 1 })).toBeNull();
    expect(chooseServer(zones, [sibling(0, 0), sibling(1, 0), sibling(2, 1)], { maxPerFaultDomain: 2 })?.id).toBe('a1');
    expect(chooseServer(zones, [sibling(0, 0), sibling(1, 0)], { maxPerFaultDomain: 1 })?.id).toBe('c0');
  });

  it('counts the fewest as 0 with fewer zones than minDomains', () => {
    expect(chooseServer(zones, [sibling(0, 0), sibling(1, 0), sibling(2, 1)], { maxSkew: 1 })?.id).toBe('a1');
    expect(chooseServer(zones, [sibling(0, 0), sibling(1, 0), sibling(2, 1)], { maxSkew: 1, minDomains: 4 })).toBeNull();
  });
});

describe('PlacementIndex', () => {
  it('chooses what chooseServer chooses, through any sequence of changes to the candidates', () => {
    const spec = fc.record({ faultDomain: fc.nat(2), updateDomain: fc.nat(3), capacity: fc.integer({ min: 0, max: 3 }), load: fc.nat(4), placeable: fc.boolean() });
    const siblingArb = fc.record({ faultDomain: fc.nat(2), updateDomain: fc.nat(3) });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), server: fc.nat(), load: fc.nat(4), placeable: fc.boolean() }),
      fc.record({
        kind: fc.constant('choose' as const),
        siblings: fc.array(siblingArb, { maxLength: 4 }),
        hardSpread: fc.option(hardSpreads(4), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.array(step, { maxLength: 40 }), (specs, steps) => {
        const candidates: PlacementCandidate[] = specs.map((s, i) => ({ id: `s${i}`, ...s }));
        const index = new PlacementIndex(candidates);
        for (const s of steps) {
          if (s.kind === 'change') {
            const position = s.server % candidates.length;
            candidates[position] = { ...candidates[position]!, load: s.load, placeable: s.placeable };
            index.update(position, candidates[position]!);
          } else {
            const position = index.choose(s.siblings, s.hardSpread);
            expect(position === null ? null : candidates[position]).toBe(chooseServer(candidates, s.siblings, s.hardSpread));
          }
        }
        expect(index.choose([])).toBe(((c) => (c === null ? null : candidates.indexOf(c)))(chooseServer(candidates, [])));
      }),
      { numRuns: 300 },
    );
  });
});
