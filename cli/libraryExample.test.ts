/**
 * The worked example in examples/custom-policy uses fabric-verify as a user would: only the
 * package's public entry. This checks its sources import nothing else, and that the command
 * line holds its policy to the policy bar.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, expectBadInput, fabricVerify } from './cliProcess.ts';

const EXAMPLE = join(PROJECT_ROOT, 'examples', 'custom-policy');
const ALLOWED = new Set(['fabric-verify', 'fast-check', 'vitest', 'vitest/config', '@fast-check/vitest']);

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesOf(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the custom-policy example', () => {
  it('imports nothing but the package entry (no deep imports), its own files and its test tools', () => {
    const sources = sourcesOf(EXAMPLE);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const file of sources) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const allowed = ALLOWED.has(specifier) || specifier.startsWith('./') || specifier.startsWith('../src/');
        expect(allowed, `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('check --policy holds the example policy to the policy bar', async () => {
    const outcome = await fabricVerify('check', '--policy', 'examples/custom-policy/src/tokenBucketPolicy.ts', '--runs', '30', '--out', join(mkdtempSync(join(tmpdir(), 'fabric-verify-policy-bar-')), 'out'));
    expect(outcome.stdout).toMatch(/parallel-recovery-bounded \(policy token-bucket\)\s+holds\s+✗ fails/);
    expect(outcome.stdout).toMatch(/all-suspect-stops-healing \(policy token-bucket\)\s+holds\s+✓ holds/);
    expect(outcome.status).toBe(1);
  });

  it('a policy module without a decision function is bad input, naming what is missing', async () => {
    const outcome = await fabricVerify('check', '--policy', 'examples/custom-policy/package.json');
    expectBadInput(outcome);
    expect(outcome.stderr).toMatch(/default\.decide: expected a function/);
  });
});
