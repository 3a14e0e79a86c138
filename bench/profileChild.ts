/**
 * Entry of a profiled scaling child, started by profile.ts as `node --cpu-prof
 * --enable-source-maps --import tsx bench/profileChild.ts <servers> <mapsFile> [extraRuns]`
 * (extra runs: more samples of a small size). tsx loads the
 * sources minified on one line, so the profile's positions mean nothing without the source
 * maps of the code that ran: this writes them (Node keeps them with --enable-source-maps).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulate } from '../model/simulator/simulate.ts';
import { scaledIncidentScenario } from './scaledIncident.ts';
import { measureSize } from './scalingPoint.ts';

const ROOTS = ['model', 'bench', 'properties'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const servers = Number(process.argv[2]);
const mapsFile = process.argv[3];
const extraRuns = Number(process.argv[4] ?? 0);
if (!Number.isInteger(servers) || servers < 1 || !mapsFile || !Number.isInteger(extraRuns)) {
  process.stderr.write('usage: profileChild.ts <servers> <mapsFile> [extraRuns]\n');
  process.exit(2);
}
const point = measureSize(servers);
const scenario = scaledIncidentScenario(servers);
for (let i = 0; i < extraRuns; i++) simulate(scenario);
const maps: Record<string, unknown> = {};
for (const file of ROOTS.flatMap((root) => sourceFiles(join(process.cwd(), root)))) {
  const url = pathToFileURL(file).href;
  const map = findSourceMap(url);
  if (map) maps[url] = map.payload;
}
writeFileSync(mapsFile, JSON.stringify(maps));
process.stdout.write(`${JSON.stringify(point)}\n`);
