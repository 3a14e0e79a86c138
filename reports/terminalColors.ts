/**
 * Colours for terminal text (picocolors: tiny, no dependencies, the same API on or off).
 * Whether a stream gets colours follows the conventions users expect (no-color.org,
 * force-color.org): NO_COLOR set and non-empty turns them off; else FORCE_COLOR set and
 * non-empty (other than node's "0" or "false") turns them on; else only a terminal that is not "dumb" gets them. Unlike
 * picocolors' own guess, a CI variable alone does not turn them on: logs and pipes stay plain.
 */
import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** No colours: what the report writers use unless told otherwise (their text is also data for tests). */
export const PLAIN: Colors = picocolors.createColors(false);

export function colorsWanted(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

export function colorsFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return picocolors.createColors(colorsWanted(stream, env));
}
