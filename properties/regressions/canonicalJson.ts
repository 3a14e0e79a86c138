/**
 * Canonical JSON: object keys sorted at every depth, no whitespace, `undefined` fields left out
 * (as JSON.stringify leaves them out). Equal values give equal text, whatever order their keys
 * were written in, so the text can be hashed into a content address.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
