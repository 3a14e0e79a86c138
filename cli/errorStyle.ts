/**
 * One error style for every command: `fabric-verify: error: <what>` on stderr, exit code 2.
 * Commander's own messages (unknown command or flag, a value its parser refused, a missing
 * argument) are rewritten into the same style, their "Did you mean" kept on the same line.
 */
import { colorsFor, type Colors } from '../reports/terminalColors.ts';

export const PROGRAM = 'fabric-verify';

export function errorLine(message: string, colors: Colors = colorsFor(process.stderr)): string {
  return `${PROGRAM}: ${colors.red(colors.bold('error:'))} ${message}\n`;
}

/**
 * Commander's text, e.g. `error: unknown option '--propety'\n(Did you mean --property?)\n`, as
 * one line of ours. A refused value keeps only our parser's message, which names the flag and
 * what it expects (commander's wrapper repeats the flag in its own words).
 */
export function commanderMessage(text: string): string {
  const [first = '', ...rest] = text.trim().replace(/^error: /, '').split('\n');
  const message = first.replace(/^option '[^']+' argument '.*' is invalid\. (--[a-z-]+: )/s, '$1');
  const suggestion = rest.join(' ').match(/^\(Did you mean (.+)\?\)$/);
  return suggestion ? `${message}; did you mean ${suggestion[1]}?` : [message, ...rest].join(' ');
}
