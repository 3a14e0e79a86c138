import { describe, expect, it } from 'vitest';
import { colorsFor, colorsWanted, PLAIN } from './terminalColors.ts';

const TERMINAL = { isTTY: true };
const PIPE = { isTTY: false };

describe('colorsWanted', () => {
  it('gives colours to a terminal only, unless told otherwise', () => {
    expect(colorsWanted(TERMINAL, {})).toBe(true);
    expect(colorsWanted(PIPE, {})).toBe(false);
    expect(colorsWanted(TERMINAL, { TERM: 'dumb' })).toBe(false);
    // A CI variable alone does not colour a log.
    expect(colorsWanted(PIPE, { CI: 'true' })).toBe(false);
  });

  it('NO_COLOR wins over everything; FORCE_COLOR colours a pipe', () => {
    expect(colorsWanted(TERMINAL, { NO_COLOR: '1' })).toBe(false);
    expect(colorsWanted(PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(colorsWanted(PIPE, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorsWanted(PIPE, { FORCE_COLOR: '3' })).toBe(true);
    // Empty means unset (no-color.org, force-color.org); node's own "0" and "false" mean off.
    expect(colorsWanted(TERMINAL, { NO_COLOR: '' })).toBe(true);
    expect(colorsWanted(PIPE, { FORCE_COLOR: '' })).toBe(false);
    expect(colorsWanted(TERMINAL, { FORCE_COLOR: '0' })).toBe(true);
    expect(colorsWanted(PIPE, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('colours text with ANSI codes only when wanted', () => {
    expect(colorsFor(PIPE, { FORCE_COLOR: '1' }).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(colorsFor(PIPE, {}).red('x')).toBe('x');
    expect(PLAIN.green('x')).toBe('x');
  });
});
