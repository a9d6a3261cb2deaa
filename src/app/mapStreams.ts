import { LogError, type LogIssue } from "../store/logError.js";
import type { StreamFile } from "../store/streamFiles.js";
import { orderedStreamFiles } from "./loadTimelines.js";
import { cacheDirFor, TimelineCache } from "./timelineCache.js";

/**
 * `each` of every company stream file (on one program or all), its results in stream order
 * (`company/program`). The files are visited a cache shard at a time, each shard let go when
 * done, so a pass over a large log holds one shard and the results, never the whole cache. A
 * `LogError` of one stream does not stop the others: at the end, every problem is thrown in
 * stream order.
 *
 * @example
 * mapStreams("events", undefined, (file, cache) => cache.timeline(file.file, file.company, file.program).intervals.length);
 */
export function mapStreams<T>(
  dir: string,
  program: string | undefined,
  each: (file: StreamFile, cache: TimelineCache) => T,
  cacheDir = cacheDirFor(dir),
): T[] {
  const files = orderedStreamFiles(dir, program).map((file, order) => ({ ...file, order }));
  const cache = new TimelineCache(cacheDir);
  const results: { order: number; result: T }[] = [];
  const problems: { order: number; issues: readonly LogIssue[] }[] = [];
  try {
    for (const file of cache.inShardOrder(files)) {
      try {
        results.push({ order: file.order, result: each(file, cache) });
      } catch (error) {
        if (!(error instanceof LogError)) throw error;
        problems.push({ order: file.order, issues: error.issues });
      }
    }
  } finally {
    cache.flush();
  }
  if (problems.length > 0) {
    throw new LogError(problems.sort((a, b) => a.order - b.order).flatMap((p) => p.issues));
  }
  return results.sort((a, b) => a.order - b.order).map(({ result }) => result);
}
