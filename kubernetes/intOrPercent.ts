/**
 * Kubernetes' IntOrString counts (`2`, `"25%"`) scaled against a replica count, rounding as
 * the API does: the disruption controller rounds PDB percentages up, a Deployment's
 * maxUnavailable rounds down and maxSurge up.
 */
export function scaledCount(value: number | string, total: number, roundUp: boolean): number | null {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value.trim());
  if (match) {
    const scaled = (Number(match[1]) * total) / 100;
    return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
  }
  return /^\d+$/.test(value.trim()) ? Number(value) : null;
}
