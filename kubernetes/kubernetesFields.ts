/**
 * The manifest schemas against Kubernetes' own object types (`kubernetes-types`, generated from
 * the API's OpenAPI spec): every field a schema reads must be a field of that object, at that
 * path, so a misspelt or misplaced field is a compile error rather than a field never found.
 * Only names are compared: values are the schemas' business at run time (they accept what
 * `kubectl` writes, such as `null` lists and numeric quantities, that the types leave out).
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import type * as v from 'valibot';
import type { nodeSchema, pdbSchema, podSchema, workloadSchema } from './manifestSchemas.ts';

/** An object's declared fields, without the index signature a loose schema adds. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]-?: T[K] };
/** What a field holds, through null, undefined and arrays. */
type Held<T> = NonNullable<T> extends readonly (infer E)[] ? NonNullable<E> : NonNullable<T>;

/** A field of any of the kinds (one schema reads Deployments, StatefulSets… alike), and what it holds in those that have it. */
type AnyField<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** The paths of `Ours` that `Theirs` lacks, as `a.b.c` strings; never when there are none. */
export type UnknownFields<Ours, Theirs, Path extends string = ''> =
  Held<Ours> extends object
    ? {
        [K in keyof Declared<Held<Ours>> & string]: K extends AnyField<Held<Theirs>>
          ? UnknownFields<Declared<Held<Ours>>[K], FieldOf<Held<Theirs>, K>, `${Path}${K}.`>
          : `${Path}${K}`;
      }[keyof Declared<Held<Ours>> & string]
    : never;

type Checked<Ours, Theirs> = [UnknownFields<Ours, Theirs>] extends [never] ? true : UnknownFields<Ours, Theirs>;

// Each line fails to compile, naming the path, if its schema reads a field Kubernetes does not have.
export const NODE_FIELDS_ARE_KUBERNETES: Checked<v.InferOutput<typeof nodeSchema>, Node> = true;
export const POD_FIELDS_ARE_KUBERNETES: Checked<v.InferOutput<typeof podSchema>, Pod> = true;
export const WORKLOAD_FIELDS_ARE_KUBERNETES: Checked<v.InferOutput<typeof workloadSchema>, Deployment | StatefulSet | ReplicaSet | DaemonSet> = true;
export const PDB_FIELDS_ARE_KUBERNETES: Checked<v.InferOutput<typeof pdbSchema>, PodDisruptionBudget> = true;
