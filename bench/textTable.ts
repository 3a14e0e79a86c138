import { textTable as terminalTable } from '../reports/textTable.ts';

/**
 * The CLI's one text table (reports/textTable.ts, cli-table3): the first column left-aligned,
 * the figures right-aligned, indented under the block's title.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const padded = rows.map((row) => header.map((_, i) => row[i] ?? ''));
  return terminalTable(header, padded, { rightAligned: header.map((_, i) => i).slice(1) })
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** A figure with thousands separators and a fixed number of decimals. */
export function figure(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
