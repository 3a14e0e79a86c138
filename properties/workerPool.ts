/**
 * The one worker pool of the campaign commands (`check`'s tasks, `sweep`'s cells): piscina, a
 * well-kept pool with cancellation, on the one worker module (properties/campaignWorker.ts,
 * whose named exports are the kinds of job). Jobs finish in any order; the caller files each
 * result by its position, so what it builds is the same whatever the worker count.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import { isTypeScriptModule, typeScriptLoader } from './policyModule.ts';

/**
 * The worker runs what this module runs: the compiled file when the package is built (dist/,
 * plain Node, nothing to compile per thread), the TypeScript source under vitest or tsx (tsx
 * compiles it in each worker). A user's TypeScript policy or property module needs tsx in the worker too.
 */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER = new URL(COMPILED ? './campaignWorker.js' : './campaignWorker.ts', import.meta.url).href;

function workerExecArgv(userModules: readonly string[]): string[] {
  const typeScript = userModules.find(isTypeScriptModule);
  return !COMPILED || typeScript !== undefined ? ['--import', typeScriptLoader(typeScript ?? WORKER)] : [];
}

export interface JobsOptions<J, R> {
  /** Worker threads; 0: every job in this thread, one after another. */
  readonly workers: number;
  /** The worker module's export that runs a job (default: its default export, a campaign task). */
  readonly exportName?: string;
  /** A user's policy module the workers load (a TypeScript one needs the loader there). */
  readonly policyModule?: string | undefined;
  /** The user's property modules the workers load (likewise). */
  readonly propertyModules?: readonly string[] | undefined;
  /** How a job runs in this thread (workers: 0). */
  readonly runInThread: (job: J) => Promise<R>;
  readonly onStart?: (position: number) => void;
  /** A job finished: its position among the jobs and what it returned. */
  readonly onDone: (position: number, result: R) => void;
  /** Asked between jobs (and every 100 ms in a pool): true dispatches no more and abandons what runs. */
  readonly shouldStop?: () => boolean;
}

export async function runJobs<J, R>(jobs: readonly J[], options: JobsOptions<J, R>): Promise<void> {
  const stop = () => options.shouldStop?.() ?? false;
  const workers = Math.min(options.workers, jobs.length);
  if (workers <= 0) {
    for (const [position, job] of jobs.entries()) {
      // Yield to the event loop between jobs, so a Ctrl-C is heard.
      await new Promise((resolve) => setImmediate(resolve));
      if (stop()) break;
      options.onStart?.(position);
      options.onDone(position, await options.runInThread(job));
    }
    return;
  }
  const pool = new Piscina<J, R>({ filename: WORKER, maxThreads: workers, minThreads: workers, execArgv: workerExecArgv([...(options.policyModule !== undefined ? [options.policyModule] : []), ...(options.propertyModules ?? [])]) });
  const abort = new AbortController();
  // Every queued job listens to the one Ctrl-C signal: a listener per job is expected, not a leak.
  setMaxListeners(jobs.length + 1, abort.signal);
  const watch = setInterval(() => {
    if (stop()) abort.abort();
  }, 100);
  try {
    await Promise.all(
      jobs.map(async (job, position) => {
        options.onStart?.(position);
        try {
          options.onDone(position, await pool.run(job, { signal: abort.signal, ...(options.exportName ? { name: options.exportName } : {}) }));
          if (stop()) abort.abort();
        } catch (error) {
          if (!abort.signal.aborted) throw error;
        }
      }),
    );
  } finally {
    clearInterval(watch);
    await pool.destroy();
  }
}
