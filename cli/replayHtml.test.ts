/**
 * `replay FILE --html`: the page it names opens (an absolute file:// URL, whatever path the
 * user gave), and the next `check` into the same folder keeps it while clearing what the
 * earlier check wrote (reports/reportFolder.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fabricVerify } from './cliProcess.ts';
import { EXIT_OK } from './exitCodes.ts';
import { replayCommand } from './replayCommand.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-replay-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay --html', () => {
  it('prints a file:// URL that opens, and a later check into the folder keeps the page', async () => {
    const out = join(dir, 'out');
    const first = await fabricVerify('check', '--property', 'single-instance-never-down', '--runs', '10', '--workers', '1', '--out', out);
    expect(first.status, first.stderr).toBe(EXIT_OK);
    const file = join(out, 'counterexamples', 'single-instance-never-down.json');
    // Given as a relative path, as a user types it.
    const replay = replayCommand(relative(process.cwd(), file), { html: true });
    const url = /Timeline page written to (\S+)$/m.exec(replay.text)?.[1];
    expect(url).toMatch(/^file:\/\//);
    const page = fileURLToPath(url!);
    expect(isAbsolute(page)).toBe(true);
    expect(page).toBe(join(out, 'counterexamples', 'single-instance-never-down.html'));
    expect(existsSync(page)).toBe(true);
    // The page links its counterexample file beside it.
    const hrefs = [...readFileSync(page, 'utf8').matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs).toContain('single-instance-never-down.json');
    for (const href of hrefs) expect(existsSync(join(dirname(page), decodeURIComponent(href))), href).toBe(true);

    const second = await fabricVerify('check', '--property', 'upgrade-keeps-multi-instance-up', '--runs', '10', '--workers', '1', '--out', out);
    expect(second.status, second.stderr).toBe(EXIT_OK);
    expect(existsSync(page), 'the replay page survives the next check').toBe(true);
    // What the first check wrote and the second did not is cleared.
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).properties.map((p: { id: string }) => p.id)).toEqual(['upgrade-keeps-multi-instance-up']);
  });
});
