/**
 * Bad run counts, seeds and coverage caps are refused before anything runs: exit 2, the flag
 * named with what it expects, nothing written.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBadInput, fabricVerify } from './cliProcess.ts';

describe('check refuses bad run counts, seeds and coverage caps', () => {
  const cases: [string[], RegExp][] = [
    [['--runs', '0'], /--runs: expected a whole number ≥ 1, found "0"/],
    [['--seed', '-1'], /--seed: expected a whole number in \[0, 2\^31\), found "-1"/],
    [['--seed', '1.5'], /--seed: expected a whole number in \[0, 2\^31\), found "1.5"/],
    [['--runs', '50', '--coverage-cap', '20'], /--coverage-cap: expected a whole number ≥ the runs per property \(50\), found 20/],
  ];
  for (const [args, message] of cases) {
    it.concurrent(args.join(' '), async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'fabric-verify-flags-')), 'report');
      const outcome = await fabricVerify('check', ...args, '--out', out);
      expectBadInput(outcome);
      expect(outcome.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});
