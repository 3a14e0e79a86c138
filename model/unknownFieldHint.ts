/**
 * "Did you mean" for a mistyped field of an input file (`campaign.rnus`): the fields the schema
 * knows at that place, found by walking the valibot schema along the issue's path, and the
 * closest of them (model/didYouMean.ts). A place the walk cannot follow gets no hint.
 */
import type { InputIssue } from './inputError.ts';
import { closestNames } from './didYouMean.ts';

interface SchemaNode {
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly wrapped?: SchemaNode;
  readonly item?: SchemaNode;
}

/** Through optional/nullable wrappers (pipes keep their first schema's entries). */
function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let depth = 0; current?.wrapped && depth < 10; depth++) current = current.wrapped;
  return current;
}

export function fieldsAt(schema: unknown, path: readonly string[]): string[] | null {
  let node = unwrap(schema as SchemaNode);
  for (const key of path) {
    node = unwrap(/^\d+$/.test(key) && node?.item ? node.item : node?.entries?.[key]);
    if (!node) return null;
  }
  return node?.entries ? Object.keys(node.entries) : null;
}

/** The issues, an unknown field's saying what was probably meant. */
export function withFieldHints(schema: unknown, issues: readonly InputIssue[]): InputIssue[] {
  return issues.map((issue) => {
    if (issue.expected !== 'no such field' || issue.path === '') return issue;
    const path = issue.path.split('.');
    const field = path.pop()!;
    const [closest] = closestNames(field, fieldsAt(schema, path) ?? []);
    return closest ? { ...issue, expected: `no such field (did you mean ${closest}?)` } : issue;
  });
}
