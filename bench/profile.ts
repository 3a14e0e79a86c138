/**
 * `npm run bench:profile`: CPU profiles of the scaled incident at 1,000 and 5,000 servers
 * (`node --cpu-prof`, one child per size), summarised as the functions with the most self
 * time. Profiles and the summary go to reports/out/profiles/.
 *
 *   npm run bench:profile                 1,000 and 5,000 servers
 *   npm run bench:profile -- 40 1000      other sizes
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTsx } from './childProcess.ts';
import { type ProfileSummary, type SourceMaps, profileSummaryText, readProfile, summarizeProfile } from './profileSummary.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';

const PROFILE_DIR = 'reports/out/profiles';
const DEFAULT_SIZES = [1_000, 5_000];
const CHILD_TIMEOUT_MS = 20 * 60 * 1000;
/** Small sizes run too briefly for a useful profile: repeat them until about this many events. */
const EVENTS_WANTED = 150_000;
const EVENTS_PER_SERVER = 30;

/** tsx's loader runs in a worker thread with a profile of its own: the main thread's has the most samples. */
function mainThreadProfile(dir: string): string {
  const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  if (profiles.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  return profiles.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
}

async function profileSize(servers: number): Promise<ProfileSummary> {
  const dir = join(PROFILE_DIR, `servers-${servers}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const mapsFile = join(dir, 'sourcemaps.json');
  const extraRuns = Math.max(0, Math.ceil(EVENTS_WANTED / (servers * EVENTS_PER_SERVER)) - 1);
  const run = await runTsx('bench/profileChild.ts', [String(servers), mapsFile, String(extraRuns)], {
    nodeFlags: ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--enable-source-maps'],
    timeoutMs: CHILD_TIMEOUT_MS,
  });
  if (run.code !== 0) throw new Error(`profile child for ${servers} servers exited ${run.code}: ${run.stderr.trim()}`);
  const maps = JSON.parse(readFileSync(mapsFile, 'utf8')) as SourceMaps;
  const summary = summarizeProfile(readProfile(mainThreadProfile(dir)), maps, 20);
  process.stdout.write(`${profileSummaryText(`${servers} servers (${run.stdout.trim()})`, summary)}\n\n`);
  return summary;
}

async function main(): Promise<void> {
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`sizes must be whole numbers of servers, found ${process.argv.slice(2).join(' ')}`);
  const summaries: Record<string, ProfileSummary> = {};
  for (const servers of sizes) summaries[String(servers)] = await profileSize(servers);
  writeJsonAtomically(join(PROFILE_DIR, 'summary.json'), summaries);
  process.stdout.write(`Profiles and summary.json written to ${PROFILE_DIR}/\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
