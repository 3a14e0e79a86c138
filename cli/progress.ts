/**
 * Campaign progress: a bar on a terminal (cli-progress), plain lines otherwise, always on
 * stderr so `--json` output stays clean.
 */
import { SingleBar } from 'cli-progress';
import type { PropertyResult } from '../properties/checkProperty.ts';
import type { CampaignTask } from '../properties/campaign.ts';

export interface Progress {
  start(task: CampaignTask, index: number, total: number): void;
  done(result: PropertyResult, index: number, total: number): void;
  stop(): void;
}

const label = (id: string, variant: string | null) => (variant ? `${id} (${variant})` : id);

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({ format: ' {bar} {value}/{total} checks | {task}', hideCursor: true, clearOnComplete: true, stream });
    let started = false;
    return {
      start(task, index, total) {
        if (!started) bar.start(total, index, { task: '' });
        started = true;
        bar.update(index, { task: label(task.property.id, task.variant?.label ?? null) });
      },
      done(_result, index) {
        bar.update(index + 1);
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start() {},
    done(result, index, total) {
      const mark = result.verdict === result.expected ? 'ok' : 'MISMATCH';
      stream.write(`[${index + 1}/${total}] ${label(result.id, result.variant)}: expected ${result.expected}, ${result.verdict} (${mark}) in ${(result.durationMs / 1000).toFixed(1)}s\n`);
    },
    stop() {},
  };
}
