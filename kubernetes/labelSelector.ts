/**
 * A label selector (`matchLabels` and `matchExpressions`) against a pod template's labels,
 * with Kubernetes' meaning: every requirement must hold; an empty selector matches everything.
 */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>> | null;
  readonly matchExpressions?: readonly { readonly [field: string]: unknown }[] | null;
}

export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const key = String(expression['key']);
    const values = Array.isArray(expression['values']) ? (expression['values'] as unknown[]).map(String) : [];
    const has = key in labels;
    switch (expression['operator']) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
