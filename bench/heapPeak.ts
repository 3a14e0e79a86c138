/**
 * The peak of the JavaScript heap while a synchronous function runs. Between collections
 * the used heap only grows, so its peaks are the sizes just before each collection (read
 * from V8's GC profiler) and the size at the end; the largest of these is the peak.
 * What survives each collection is what the run really holds (its live peak).
 */
import v8 from 'node:v8';

export interface HeapPeak<T> {
  readonly value: T;
  readonly peakBytes: number;
  /**
   * The largest heap a collection left behind: what the run held at once. The peak above adds
   * the garbage V8 chose not to collect yet, which grows with the room it is given.
   */
  readonly livePeakBytes: number;
  readonly collections: number;
}

export function withHeapPeak<T>(run: () => T): HeapPeak<T> {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const value = run();
  const atEnd = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  const peakBytes = statistics.reduce((peak, gc) => Math.max(peak, gc.beforeGC.heapStatistics.usedHeapSize), atEnd);
  // Only a full collection (mark-compact) leaves nothing but live objects; a run too short for one held at most its end.
  const full = statistics.filter((gc) => gc.gcType === 'MarkSweepCompact');
  const livePeakBytes = full.length === 0 ? atEnd : full.reduce((peak, gc) => Math.max(peak, gc.afterGC.heapStatistics.usedHeapSize), 0);
  return { value, peakBytes, livePeakBytes, collections: statistics.length };
}
