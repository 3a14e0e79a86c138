/**
 * Kubernetes resource quantities (`500m`, `2`, `512Mi`, `1G`, `129e6`), as the API server
 * accepts them: a decimal number with an optional binary (Ki…Ei), decimal (k…E, m) or
 * exponent suffix. A small exact grammar, so no library is needed.
 */
const SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** The quantity's value in base units (cores, bytes, pods); null when it is not a quantity. */
export function parseQuantity(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  const match = QUANTITY.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1]);
  if (match[3] !== undefined) return number * 10 ** Number(match[3]);
  return number * SUFFIX[match[2] ?? '']!;
}
