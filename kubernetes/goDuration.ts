/**
 * Go's time.Duration text (`40s`, `5m0s`, `1h30m`, `300ms`), the form every
 * kube-controller-manager duration flag takes. Go's grammar is a sequence of decimal numbers
 * with units; parsing exactly that (a general "human duration" library accepts spellings the
 * controller would reject) is a few lines.
 */
const UNIT_S: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

/** Seconds, or null when the text is not a Go duration. */
export function parseGoDurationS(text: string): number | null {
  if (text === '0') return 0;
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '') return null;
  PART.lastIndex = 0;
  let totalS = 0;
  while (PART.lastIndex < rest.length) {
    const match = PART.exec(rest);
    if (!match) return null;
    totalS += Number(match[1]) * UNIT_S[match[2]!]!;
  }
  return sign * totalS;
}
