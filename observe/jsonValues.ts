/**
 * The JSON values of an event log, with the line each starts on: one document
 * (`kubectl get events -o json`, a List), or many in a row (`kubectl get events --watch
 * -o json` prints one object after another, pretty or one a line). A scan for where each
 * top-level value ends (braces outside strings), then JSON.parse on each: a truncated or
 * malformed value is named by its line.
 */
import { manifestError } from '../kubernetes/manifestError.ts';

export interface JsonValue {
  readonly value: unknown;
  /** 1-based line where the value starts. */
  readonly line: number;
  /** Lines where the objects one level inside its top-level array fields start (a List's items), in order. */
  readonly itemLines: readonly number[];
}

export function jsonValues(file: string, text: string): JsonValue[] {
  const values: JsonValue[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c !== '{' && c !== '[') throw manifestError(file, line, '(log)', 'a JSON object (an Event, a List of Events, or one Event after another)', JSON.stringify(text.slice(i, i + 20)));
    const start = i;
    const startLine = line;
    const itemLines: number[] = [];
    const stack: string[] = [];
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\n') line++;
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') {
        // An object directly inside an array directly inside the top-level object: a List's item.
        if (ch === '{' && stack.length === 2 && stack[0] === '{' && stack[1] === '[') itemLines.push(line);
        stack.push(ch);
      } else if (ch === '}' || ch === ']') {
        stack.pop();
        if (stack.length === 0) {
          i++;
          break;
        }
      }
    }
    if (stack.length > 0) throw manifestError(file, startLine, '(log)', 'a complete JSON value (the file ends inside it: truncated?)', `${stack.length} unclosed bracket(s) at the end of the file`);
    const source = text.slice(start, i);
    try {
      values.push({ value: JSON.parse(source) as unknown, line: startLine, itemLines });
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      // V8 says where it stopped ("at position N"): name that line, not the value's first.
      const position = /position (\d+)/.exec(message);
      const at = position ? startLine + (source.slice(0, Number(position[1])).match(/\n/g)?.length ?? 0) : startLine;
      throw manifestError(file, at, '(log)', 'valid JSON', message);
    }
  }
  if (values.length === 0) throw manifestError(file, 1, '(log)', 'at least one event', 'an empty file');
  return values;
}
