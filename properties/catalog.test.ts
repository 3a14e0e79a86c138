/**
 * The whole catalog, each property under its hypothesis and with each of its variants: the
 * verdict must match the expectation; a `holds` must have seen its must-see situations; a
 * `fails` must shrink to its expected smallest story, and that story must replay exactly.
 * Fixed seed by default (printed); FV_SEED, FV_RUNS, FV_PATH and FV_FRESH=1 override it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulator/simulate.ts';
import { counterexampleText } from '../reports/counterexampleText.ts';
import { catalog } from './catalog/index.ts';
import { checkProperty, type PropertyResult } from './checkProperty.ts';
import { writeCounterexample } from './counterexampleFile.ts';
import { replayCounterexample } from './replay.ts';
import { chooseRuns, choosePath, chooseSeed } from './seeds.ts';

const { seed, fresh } = chooseSeed();
const path = choosePath();
// A failure message names a replayable file; it goes to a folder of the test's own, never the work tree.
const COUNTEREXAMPLES = join(mkdtempSync(join(tmpdir(), 'fabric-verify-catalog-')), 'counterexamples');
console.log(`catalog: seed ${seed}${fresh ? ' (fresh: FV_FRESH=1)' : ' (fixed; FV_SEED, FV_RUNS, FV_FRESH=1 to explore)'}`);

function explain(result: PropertyResult): string {
  const lines = [`${result.id}${result.variant ? ` (${result.variant})` : ''}: expected ${result.expected}, got ${result.verdict} after ${result.runs} runs (seed ${result.seed})`];
  for (const m of result.mustSee) lines.push(`  must see ${m.id}: ${m.reached}/${result.runs} runs (${(m.share * 100).toFixed(0)}%, needs ${(m.minShare * 100).toFixed(0)}%)`);
  if (result.counterexample) {
    const file = writeCounterexample(COUNTEREXAMPLES, result.counterexample);
    lines.push('', counterexampleText(result.counterexample, simulate(result.counterexample.scenario), { file, minimality: result.minimality }));
  }
  return lines.join('\n');
}

describe('the property catalog', () => {
  for (const property of catalog) {
    for (const variant of [undefined, ...(property.variants ?? [])]) {
      const expected = variant?.expectation ?? property.expectation;
      const name = `${property.id}${variant ? ` (${variant.label})` : ''} ${expected}`;
      it(name, () => {
        const result = checkProperty(property, { seed, runs: chooseRuns(property.runs ?? 100), ...(path ? { path } : {}), ...(variant ? { variant } : {}) });
        expect(result.verdict, explain(result)).toBe(expected);
        if (expected === 'fails') {
          const counterexample = result.counterexample!;
          if (result.minimality) expect(result.minimality.minimal, explain(result)).toBe(true);
          // The saved counterexample replays to the identical trace and the same violation.
          const replay = replayCounterexample(JSON.parse(JSON.stringify(counterexample)));
          expect(replay.reproduced).toBe(true);
          expect(JSON.stringify(replay.trace)).toBe(JSON.stringify(simulate(counterexample.scenario)));
        }
      });
    }
  }

  it('every expected failure states the smallest story it must shrink to', () => {
    const withoutStory = catalog.flatMap((p) => [
      ...(p.expectation === 'fails' && !p.expectedCounterexample ? [p.id] : []),
      ...(p.variants ?? []).filter((v) => v.expectation === 'fails' && !v.expectedCounterexample && !(v.label === 'serial' || v.label === 'parallel')).map((v) => `${p.id} (${v.label})`),
    ]);
    expect(withoutStory).toEqual([]);
  });
});
