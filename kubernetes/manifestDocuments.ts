/**
 * Kubernetes manifests as `kubectl get -o yaml` writes them: one file or a directory of
 * files, each holding one object, several YAML documents, or a `List`. Each object keeps
 * where it came from (file and line, via yaml's own node ranges), so a bad field can be
 * named by the line it sits on.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, isMap, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { InputError } from '../model/inputError.ts';
import { readInputText } from '../model/inputFile.ts';
import { manifestError } from './manifestError.ts';

export interface ManifestObject {
  readonly file: string;
  /** 1-based line where the object starts. */
  readonly line: number;
  readonly value: unknown;
  /** Line of a field inside the object (a valibot dot path), or the object's own line. */
  readonly lineOf: (path: readonly (string | number)[]) => number;
}

/** A text file of kube-controller-manager flags, one `--flag=value` (or `--flag value`) a line. */
export interface FlagsFile {
  readonly file: string;
  readonly text: string;
}

export interface ManifestSet {
  readonly objects: readonly ManifestObject[];
  readonly flagFiles: readonly FlagsFile[];
}

const MANIFEST = /\.ya?ml$|\.json$/i;
const FLAGS = /\.flags$/i;

/** Every manifest under `path` (a file, or a directory read recursively in name order). */
export function readManifests(path: string): ManifestSet {
  const files = manifestFiles(path);
  const objects: ManifestObject[] = [];
  const flagFiles: FlagsFile[] = [];
  for (const file of files) {
    const text = readInputText(file, 'a readable manifest file');
    if (FLAGS.test(file)) flagFiles.push({ file, text });
    else objects.push(...objectsOf(file, text));
  }
  return { objects, flagFiles };
}

function manifestFiles(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(path, [{ path: '', expected: 'a directory of Kubernetes manifests (or one manifest file)', received: 'no such file or directory' }]);
  }
  if (!stats.isDirectory()) return [path];
  const files: string[] = [];
  // Name order: the same directory always gives the same cluster, whatever the file system lists first.
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) files.push(...manifestFiles(full));
    else if (MANIFEST.test(name) || FLAGS.test(name)) files.push(full);
  }
  if (files.length === 0) throw new InputError(path, [{ path: '', expected: 'at least one .yaml, .yml, .json or .flags file', received: 'none' }]);
  return files;
}

/** The objects of one file: each document, a `List`'s items taken one by one. */
export function objectsOf(file: string, text: string): ManifestObject[] {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines });
  const objects: ManifestObject[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    const error = document.errors[0];
    if (error) {
      throw manifestError(file, error.linePos?.[0]?.line ?? 1, '(document)', 'valid YAML (or JSON)', error.message.split('\n')[0]!);
    }
    if (document.contents === null) continue;
    const lineAt = (node: YamlNode | null | undefined, fallback: number) => (node?.range ? lines.linePos(node.range[0]).line : fallback);
    const top = document.contents as YamlNode;
    const topLine = lineAt(top, 1);
    // 100 is yaml's own default, spelled out so an upgrade of yaml cannot loosen the guard against alias bombs.
    const value = document.toJS({ maxAliasCount: 100 }) as unknown;
    if (isMap(top) && isList(value)) {
      const items = document.get('items', true);
      if (!isSeq(items)) throw manifestError(file, topLine, 'items', 'a list of objects (a kind: List)', typeof (value as { items?: unknown }).items);
      items.items.forEach((item, i) => {
        const itemLine = lineAt(item as YamlNode, topLine);
        objects.push({ file, line: itemLine, value: (value as { items: unknown[] }).items[i], lineOf: (path) => nearestLine(document, ['items', i], path, lineAt, itemLine) });
      });
    } else {
      objects.push({ file, line: topLine, value, lineOf: (path) => nearestLine(document, [], path, lineAt, topLine) });
    }
  }
  return objects;
}

function isList(value: unknown): boolean {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && (kind === 'List' || kind.endsWith('List'));
}

/** The line of the deepest part of `path` that exists (a missing field is named at its parent). */
function nearestLine(
  document: Document,
  prefix: readonly (string | number)[],
  path: readonly (string | number)[],
  lineAt: (node: YamlNode | null | undefined, fallback: number) => number,
  fallback: number,
): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn([...prefix, ...path.slice(0, depth)], true) as YamlNode | undefined;
    if (node?.range) return lineAt(node, fallback);
  }
  return fallback;
}
