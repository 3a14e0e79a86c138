/**
 * The peak of the JavaScript heap while a synchronous function runs. Between collections
 * the used heap only grows, so its peaks are the sizes just before each collection (read
 * from V8's GC profiler) and the size at the end; the largest of these is the peak.
 */
import v8 from 'node:v8';

export interface HeapPeak<T> {
  readonly value: T;
  readonly peakBytes: number;
  readonly collections: number;
}

export function withHeapPeak<T>(run: () => T): HeapPeak<T> {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const value = run();
  const atEnd = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  const peakBytes = statistics.reduce((peak, gc) => Math.max(peak, gc.beforeGC.heapStatistics.usedHeapSize), atEnd);
  return { value, peakBytes, collections: statistics.length };
}
