/**
 * Each manifest object checked against the schema of its kind. A kind the model does not
 * read is skipped and said so (a warning); a bad field of a known kind stops the run with
 * its file, line, object and field.
 */
import * as v from 'valibot';
import type { ManifestObject } from './manifestDocuments.ts';
import { manifestError } from './manifestError.ts';
import { issueOf } from './schemaIssue.ts';
import { type KnownKind, SCHEMAS } from './manifestSchemas.ts';

export interface Validated<K extends KnownKind = KnownKind> {
  readonly kind: K;
  /** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
  readonly ref: string;
  readonly source: ManifestObject;
  readonly value: v.InferOutput<(typeof SCHEMAS)[K]>;
}

export interface ValidatedSet {
  readonly objects: readonly Validated[];
  /** Objects skipped, with where they are: `file:line: Kind/namespace/name`. */
  readonly skipped: readonly string[];
}

const CLUSTER_SCOPED = new Set(['Node', 'NodePoolUpgrade', 'FaultSchedule']);

export function objectRef(value: unknown): string {
  const object = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
  const kind = typeof object?.kind === 'string' ? object.kind : '(no kind)';
  const name = typeof object?.metadata?.name === 'string' ? object.metadata.name : '(no name)';
  if (CLUSTER_SCOPED.has(kind)) return `${kind}/${name}`;
  const namespace = typeof object?.metadata?.namespace === 'string' ? object.metadata.namespace : 'default';
  return `${kind}/${namespace}/${name}`;
}

export function validateObjects(objects: readonly ManifestObject[]): ValidatedSet {
  const validated: Validated[] = [];
  const skipped: string[] = [];
  for (const source of objects) {
    const value = source.value as { kind?: unknown } | null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw manifestError(source.file, source.line, '(document)', 'a Kubernetes object (a mapping with kind and metadata)', Array.isArray(value) ? 'a list' : String(value));
    }
    if (typeof value.kind !== 'string') throw manifestError(source.file, source.line, `${objectRef(value)} kind`, 'a kind (Node, Deployment, PodDisruptionBudget, …)', String(value.kind));
    const kind = value.kind;
    if (!(kind in SCHEMAS)) {
      skipped.push(`${source.file}:${source.line}: ${objectRef(value)}`);
      continue;
    }
    const result = v.safeParse(SCHEMAS[kind as KnownKind], value);
    const ref = objectRef(value);
    if (!result.success) {
      const issue = result.issues[0]!;
      const path = (issue.path ?? []).map((p) => p.key as string | number);
      const described = issueOf(issue);
      throw manifestError(source.file, source.lineOf(path), `${ref} ${described!.path || '(object)'}`, described!.expected, described!.received);
    }
    validated.push({ kind: kind as KnownKind, ref, source, value: result.output } as Validated);
  }
  return { objects: validated, skipped };
}

export function ofKind<K extends KnownKind>(set: ValidatedSet, ...kinds: K[]): Validated<K>[] {
  return set.objects.filter((o): o is Validated<K> => (kinds as string[]).includes(o.kind));
}
