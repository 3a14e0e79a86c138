/**
 * The seed-robustness figures from finished seeds: match rates, mismatch seeds, missed
 * failures, coverage minima judged on the transitions not unreachable by design; and the
 * section of the HTML report drawn from them.
 */
import { describe, expect, it } from 'vitest';
import type { MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import { seedRobustnessSection } from '../reports/html/seedRobustnessSection.ts';
import { type SeedOutcome, type SeedVerdict, seedRobustness } from './seedsSummary.ts';

const verdict = (id: string, expected: 'holds' | 'fails', got: SeedVerdict['verdict'], minimal: boolean | null = null): SeedVerdict => ({ id, variant: null, expected, verdict: got, minimal });
const upgrade = (covered: number, missing: readonly string[]): MachineCoverage => ({ id: 'upgrade', states: { covered: 8, total: 8 }, transitions: { covered, total: 13 }, neverReached: missing });
const DESIGNED = 'upgrade.idle --operator.startUpgrade[hasNoDomains]--> upgrade.done';

function outcome(seed: number, verdicts: SeedVerdict[], coverage: MachineCoverage[]): SeedOutcome {
  return { seed, verdicts, coverage };
}

describe('seedRobustness', () => {
  const outcomes = [
    outcome(1, [verdict('a', 'fails', 'fails', true), verdict('b', 'holds', 'holds')], [upgrade(12, [DESIGNED])]),
    outcome(2, [verdict('a', 'fails', 'holds'), verdict('b', 'holds', 'inconclusive')], [upgrade(11, [DESIGNED, 'upgrade.x --y--> upgrade.z'])]),
    outcome(3, [verdict('a', 'fails', 'fails', false), verdict('b', 'holds', 'holds')], [upgrade(12, [DESIGNED])]),
  ];
  const r = seedRobustness(outcomes, { complete: true, runs: null, durationMs: 5 });

  it('counts (seed, property) verdicts as expected, and the seeds that missed an expected failure', () => {
    expect(r.verdicts).toEqual({ total: 6, matching: 4, share: 4 / 6 });
    expect(r.missedFailures).toEqual([{ seed: 2, id: 'a', variant: null, verdict: 'holds' }]);
    expect(r.seedsWithMissedFailure).toEqual([2]);
    expect(r.meetsBar).toBe(false);
  });

  it('gives each property its match rate, verdict counts, mismatch and not-minimal seeds', () => {
    expect(r.properties).toEqual([
      { id: 'a', variant: null, expected: 'fails', seeds: 3, matching: 2, matchRate: 2 / 3, verdicts: { holds: 1, fails: 2, vacuous: 0, inconclusive: 0 }, mismatchSeeds: [2], notMinimalSeeds: [3] },
      { id: 'b', variant: null, expected: 'holds', seeds: 3, matching: 2, matchRate: 2 / 3, verdicts: { holds: 2, fails: 0, vacuous: 0, inconclusive: 1 }, mismatchSeeds: [2], notMinimalSeeds: [] },
    ]);
  });

  it('takes each machine at its worst seed, judged on the transitions not unreachable by design', () => {
    const [m] = r.machines;
    expect(m).toMatchObject({ id: 'upgrade', transitionsMin: { covered: 11, total: 13, seed: 2 }, reachableShareMin: 11 / 12, meetsBar: true });
    expect(m!.unreachableByDesign.map((u) => u.transition)).toEqual([DESIGNED]);
    expect(m!.missedOnSomeSeeds).toEqual([{ key: 'upgrade.x --y--> upgrade.z', seeds: 1 }]);
  });

  it('leaves states and transitions unreachable by design out of both sides, reached or not', () => {
    const server = (states: number, missing: readonly string[]): MachineCoverage => ({
      id: 'server',
      states: { covered: states, total: 15 },
      transitions: { covered: 35 - missing.filter((k) => k.includes(' --')).length, total: 35 },
      neverReached: missing,
    });
    const surgeOnly = ['server.created --always[isSurge]--> server.absent', 'server.absent --upgrade.upgradeServer--> server.upgrading', 'server.absent --controller.move--> (stays)'];
    const others = ['a --b--> c', 'd --e--> f', 'g --h--> i'];
    // A catalog seed: absent never reached; a cluster run that booted a surge server: absent reached.
    const unreached = seedRobustness([outcome(1, [], [server(14, ['server.absent', ...surgeOnly, ...others])])], { complete: true, runs: null, durationMs: 1 }).machines[0]!;
    const reached = seedRobustness([outcome(1, [], [server(15, [...others])])], { complete: true, runs: null, durationMs: 1 }).machines[0]!;
    expect(unreached.statesMin).toMatchObject({ covered: 14, total: 14 });
    expect(reached.statesMin).toMatchObject({ covered: 14, total: 14 });
    expect(unreached.reachableShareMin).toBe(29 / 32);
    expect(reached.reachableShareMin).toBe(29 / 32);
    expect(unreached.missedOnSomeSeeds.map((k) => k.key)).toEqual([...others].sort());
  });

  it('meets the bar when every verdict is as expected and every machine covered', () => {
    const clean = seedRobustness([outcomes[0]!], { complete: false, runs: 30, durationMs: 1 });
    expect(clean).toMatchObject({ complete: false, runs: 30, seeds: [1], meetsBar: true, verdicts: { share: 1 } });
  });

  it('is drawn as a section of the report, names escaped', () => {
    const html = seedRobustnessSection(seedRobustness([outcome(7, [{ ...verdict('<img src=x onerror=alert(1)>', 'fails', 'holds') }], [upgrade(12, [DESIGNED])])], { complete: true, runs: null, durationMs: 1 }));
    expect(html).toContain('<section id="seed-robustness">');
    expect(html).toContain('0 of 1 verdicts as expected');
    expect(html).toContain('1 seeds missed an expected failure');
    expect(html).toContain('Below the bar');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain(DESIGNED.replace('>', '&gt;'));
  });
});
