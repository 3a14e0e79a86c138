/**
 * Every kind of bad input, in the one error style, through the same main() the command runs
 * (in-process: a child process per case would cost a second each; main.test.ts runs one end
 * to end). Each case: exit code 2, nothing on stdout, exactly this line on stderr.
 */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FAULTS } from '../explore/exploreConfig.ts';
import { EXIT_BAD_INPUT } from './exitCodes.ts';
import { main } from './main.ts';

let stderr: string;
let stdout: string;
beforeEach(() => {
  stderr = '';
  stdout = '';
  vi.stubEnv('NO_COLOR', '1');
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('bad input in the one error style', () => {
  it.each([
    [['chek'], "fabric-verify: error: unknown command 'chek'; did you mean check?\n"],
    [['check', '--propety', 'storage-unaffected'], "fabric-verify: error: unknown option '--propety'; did you mean --property?\n"],
    [['check', '--runs', 'many'], 'fabric-verify: error: --runs: expected a whole number ≥ 1, found "many"\n'],
    [['check', '--property', 'storage-unafected'], 'fabric-verify: error: --property: expected a catalog property id, found "storage-unafected"; did you mean storage-unaffected?\n'],
    [['check', '--property', 'storage-unaffected,upgrade-termintes'], 'fabric-verify: error: --property: expected a catalog property id, found "upgrade-termintes"; did you mean upgrade-terminates?\n'],
    [['check', '--junit', ''], 'fabric-verify: error: --junit: expected a file path, found ""\n'],
    // A report folder that cannot be made is refused before any run, not after it.
    [['check', '--out', 'package.json/out'], `fabric-verify: error: --out: expected a folder that can be written, found the file ${JSON.stringify(resolve('package.json'))} in the way\n`],
    [['merge', 'a', '--sarif', 'package.json/fv.sarif'], `fabric-verify: error: --sarif: expected a folder that can be written, found the file ${JSON.stringify(resolve('package.json'))} in the way\n`],
    [['simulate', '--policy', 'paralel'], 'fabric-verify: error: --policy: expected one of serial, parallel, adaptive, kubernetes, found "paralel"; did you mean parallel?\n'],
    [['sweep'], "fabric-verify: error: required option '--config <file>' not specified\n"],
    [['replay'], "fabric-verify: error: missing required argument 'file'\n"],
    [['simulate', 'extra'], "fabric-verify: error: too many arguments for 'simulate'. Expected 0 arguments but got 1.\n"],
    // A command's own check of a flag, in the same style.
    [['explore', '--config', 'examples/small.json', '--faults', String(MAX_FAULTS + 1)], `fabric-verify: error: --faults: expected at most ${MAX_FAULTS} faults, found ${MAX_FAULTS + 1}\n`],
  ])('%j', async (args, message) => {
    expect(await main(args)).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });
});
