/**
 * Top self-time functions of a V8 .cpuprofile (as written by `node --cpu-prof`): each
 * sample is charged to the node it was taken in, and nodes are grouped by function name
 * and source location. Also groups self time by file, to show which module dominates.
 */
import { readFileSync } from 'node:fs';
import { textTable } from './textTable.ts';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly SelfTime[];
  readonly files: readonly SelfTime[];
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) return url.slice(at + '/node_modules/'.length);
  const project = url.search(/\/(model|properties|bench|cli|reports)\//);
  return project >= 0 ? url.slice(project + 1) : url.replace(/^file:\/\//, '') || '(native)';
}

function top(byName: Map<string, number>, totalUs: number, limit: number): SelfTime[] {
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10, share: Math.round((us / totalUs) * 1000) / 10 }));
}

/** Source maps of the code that ran, by module URL (profileChild.ts writes them). */
export type SourceMaps = Readonly<Record<string, SourceMapPayload>>;

const linesByUrl = new Map<string, string[]>();
function sourceLines(url: string): string[] {
  if (!linesByUrl.has(url)) {
    let text = '';
    try {
      text = readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      // A file gone since the profile was taken: its frames keep their line numbers only.
    }
    linesByUrl.set(url, text.split('\n'));
  }
  return linesByUrl.get(url)!;
}

/** A frame's name in the original source: its line, and for an anonymous function the line's text. */
function frameNamer(maps: SourceMaps): (frame: ProfileNode['callFrame']) => string {
  const parsed = new Map<string, SourceMap>();
  return (frame) => {
    const file = shortUrl(frame.url);
    const payload = maps[frame.url];
    if (!payload) return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    if (!parsed.has(frame.url)) parsed.set(frame.url, new SourceMap(payload));
    const entry = parsed.get(frame.url)!.findEntry(frame.lineNumber, frame.columnNumber) as { originalLine?: number };
    if (entry.originalLine === undefined) return `${frame.functionName || '(anonymous)'} ${file}:?`;
    const text = sourceLines(frame.url)[entry.originalLine]?.trim() ?? '';
    const name = frame.functionName && frame.functionName !== '' ? frame.functionName : `«${text.length > 60 ? `${text.slice(0, 57)}...` : text}»`;
    return `${name} ${file}:${entry.originalLine + 1}`;
  };
}

export function summarizeProfile(profile: CpuProfile, maps: SourceMaps = {}, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const nameOf = frameNamer(maps);
  const names = new Map<number, string>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)!.callFrame;
    const file = shortUrl(frame.url);
    if (!names.has(id)) names.set(id, nameOf(frame));
    const name = names.get(id)!;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    byFile.set(file, (byFile.get(file) ?? 0) + delta);
    totalUs += delta;
  });
  return { totalMs: Math.round(totalUs / 1000), functions: top(byFunction, totalUs, limit), files: top(byFile, totalUs, limit) };
}

export function profileSummaryText(title: string, summary: ProfileSummary): string {
  const rows = (items: readonly SelfTime[]) => items.map((f) => [f.name, `${f.share.toFixed(1)}%`, `${f.selfMs} ms`]);
  return [
    `${title}: ${summary.totalMs} ms sampled`,
    ' top self time by function:',
    textTable(['function', 'share', 'self'], rows(summary.functions)),
    ' by file:',
    textTable(['file', 'share', 'self'], rows(summary.files.slice(0, 8))),
  ].join('\n');
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}
