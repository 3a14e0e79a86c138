/**
 * A table for a terminal (cli-table3: box-drawn, widths measured with ANSI colours and wide
 * characters taken into account, which the hand-padded tables got wrong once coloured).
 * Compact: one line a row, a rule under the header only.
 */
import Table from 'cli-table3';

export interface TextTableOptions {
  /** Columns whose cells line up on the right (numbers). */
  readonly rightAligned?: readonly number[];
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string {
  const right = new Set(options.rightAligned ?? []);
  // cli-table3 colours headers red by default; colours are the caller's choice (NO_COLOR).
  const table = new Table({
    head: [...header],
    style: { head: [], border: [], compact: true },
    colAligns: header.map((_, i) => (right.has(i) ? 'right' : 'left')),
  });
  table.push(...rows.map((row) => [...row]));
  return table.toString();
}
