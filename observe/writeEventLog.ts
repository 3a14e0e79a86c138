/**
 * `--events-out FILE`: the run's events written whole or not at all (a temporary file beside
 * it, renamed over it), so an interrupted or failed write never leaves half a log.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Trace } from '../model/simulator/trace.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { eventList, traceToEvents } from './traceToEvents.ts';

export function writeEventLog(file: string, cluster: ClusterModel, trace: Trace): number {
  const events = traceToEvents(cluster, trace);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // kubectl's own indentation, so the file reads like `kubectl get events -o json > FILE`.
    writeFileSync(temporary, `${JSON.stringify(eventList(events), null, 4)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return events.length;
}
