/**
 * Canonical JSON: object keys sorted at every depth, no whitespace, `undefined` fields left out
 * (as JSON.stringify leaves them out). Equal values give equal text, whatever order their keys
 * were written in, so the text can be hashed into a content address.
 *
 * Written by safe-stable-stringify (well kept, fast, and it does the deep sort itself). Its
 * order is given here because stored regression files are named by this text's hash: keys go
 * in the order the former hand-written version produced — JavaScript's own order for an
 * object built from sorted keys, integer-like keys first by value, then the others by UTF-16
 * code units — so every file name stays byte-for-byte what it was.
 */
import { configure } from 'safe-stable-stringify';

/** An array-index-like key, which JavaScript objects always list first, by value. */
const INTEGER_KEY = /^(0|[1-9]\d*)$/;
const isIntegerKey = (key: string) => INTEGER_KEY.test(key) && Number(key) < 2 ** 32 - 1;

export function javascriptKeyOrder(a: string, b: string): number {
  const ai = isIntegerKey(a);
  const bi = isIntegerKey(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const stringify = configure({ deterministic: javascriptKeyOrder, circularValue: TypeError, bigint: false });

export function canonicalJson(value: unknown): string {
  // As JSON.stringify, undefined at the top gives no text (an identity is always an object).
  return stringify(value) as string;
}
