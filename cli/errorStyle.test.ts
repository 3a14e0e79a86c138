import { describe, expect, it } from 'vitest';
import { PLAIN } from '../reports/terminalColors.ts';
import { commanderMessage, errorLine } from './errorStyle.ts';

describe('commanderMessage', () => {
  it("keeps commander's suggestion on the same line", () => {
    expect(commanderMessage("error: unknown command 'chek'\n(Did you mean check?)\n")).toBe("unknown command 'chek'; did you mean check?");
  });

  it("keeps only our parser's message for a refused value (it names the flag)", () => {
    expect(commanderMessage(`error: option '--runs <n>' argument 'x' is invalid. --runs: expected a whole number ≥ 1, found "x"\n`)).toBe('--runs: expected a whole number ≥ 1, found "x"');
  });

  it("passes commander's other messages through", () => {
    expect(commanderMessage("error: missing required argument 'file'\n")).toBe("missing required argument 'file'");
    expect(commanderMessage("error: too many arguments for 'simulate'. Expected 0 arguments but got 1.\n")).toBe("too many arguments for 'simulate'. Expected 0 arguments but got 1.");
  });
});

describe('errorLine', () => {
  it('is the one style: program, error, what', () => {
    expect(errorLine('--runs: expected a whole number ≥ 1, found "0"', PLAIN)).toBe('fabric-verify: error: --runs: expected a whole number ≥ 1, found "0"\n');
  });
});
