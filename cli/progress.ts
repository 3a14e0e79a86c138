/**
 * The one progress style of the CLI, on stderr so `--json` output stays clean. Work is
 * counted when it completes, never when it is handed to a worker (a pool takes every task at
 * once, so counting at dispatch showed a full bar at the start). On a terminal: a cli-progress
 * bar with the count, the ETA and what finished last; elsewhere (a CI log, a pipe): one line
 * per completed item, with the ETA.
 */
import { SingleBar } from 'cli-progress';
import type { CampaignTask } from '../properties/campaign.ts';
import type { PropertyResult } from '../properties/checkProperty.ts';
import { duration } from '../reports/clock.ts';

export interface ProgressBar {
  /** One item completed: `label` names it on the bar, `line` (default: label) tells it in a log. */
  tick(label: string, line?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted, plural: `checks`, `grid points`. */
  readonly unit: string;
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** Wall-clock milliseconds, read only for the ETA (injected by tests). */
  readonly nowMs?: () => number;
}

export function progressBar(total: number, options: ProgressOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const nowMs = options.nowMs ?? (() => performance.now());
  const startedMs = nowMs();
  let done = 0;
  if (stream.isTTY) {
    const bar = new SingleBar({ format: ` {bar} {value}/{total} ${options.unit} | ETA {eta_formatted} | {last}`, hideCursor: true, clearOnComplete: true, etaBuffer: 20, stream: stream as NodeJS.WriteStream });
    bar.start(total, 0, { last: '' });
    return {
      tick(label) {
        done++;
        bar.increment(1, { last: label });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    tick(label, line = label) {
      done++;
      stream.write(`[${done}/${total}] ${line}${done < total ? `, ETA ${eta(nowMs() - startedMs, done, total)}` : ''}\n`);
    },
    stop() {},
  };
}

/** The time left at the pace so far, in whole seconds. */
export function eta(elapsedMs: number, done: number, total: number): string {
  return duration(Math.round(((elapsedMs / done) * (total - done)) / 1000));
}

/** The campaign's progress (check): each finished check ticks, told with its verdict. */
export interface Progress {
  start(task: CampaignTask, index: number, total: number): void;
  done(result: PropertyResult, index: number, total: number): void;
  stop(): void;
}

const label = (id: string, variant: string | null) => (variant ? `${id} (${variant})` : id);

export function progressReporter(stream: ProgressOptions['stream'] = process.stderr, nowMs?: () => number): Progress {
  let bar: ProgressBar | null = null;
  const barOf = (total: number) => (bar ??= progressBar(total, { unit: 'checks', stream, ...(nowMs ? { nowMs } : {}) }));
  return {
    start(_task, _index, total) {
      barOf(total);
    },
    done(result, _index, total) {
      const mark = result.verdict === result.expected ? 'ok' : 'MISMATCH';
      const name = label(result.id, result.variant);
      barOf(total).tick(name, `${name}: expected ${result.expected}, ${result.verdict} (${mark}) in ${(result.durationMs / 1000).toFixed(1)}s`);
    },
    stop: () => bar?.stop(),
  };
}
