import { statSync } from "node:fs";
import type { Timeline } from "../domain/timeline.js";
import { HistoryError } from "../replay/replayLog.js";
import type { LogIssue } from "../store/logError.js";
import { type LoadOptions, orderedStreamFiles } from "./loadTimelines.js";
import { cacheDirFor, TimelineCache } from "./timelineCache.js";

/** The timelines with their steps, and a problem for each stream the machine could not fold. */
export interface ReplayResult {
  timelines: Timeline[];
  problems: LogIssue[];
}

/**
 * Replays every company stream (or one company's), with steps, as the view sees the log. A stream
 * whose history the machine rejects yields no timeline but a problem at its file and line; the
 * other streams are replayed all the same. A file that fails its own checks (schema, chain) is an
 * error (`LogError`).
 *
 * @example
 * replayTimelines("events", { company: "xiaomi" }).timelines.flatMap((t) => t.steps).length;
 */
export function replayTimelines(
  dir: string,
  options: LoadOptions & { company?: string } = {},
): ReplayResult {
  const timelines: Timeline[] = [];
  const problems: LogIssue[] = [];
  const cache = new TimelineCache(options.cacheDir ?? cacheDirFor(dir));
  const load = { ...options, steps: true };
  try {
    for (const { file, company, program } of orderedStreamFiles(dir, options.program)) {
      if (options.company !== undefined && company !== options.company) continue;
      try {
        const timeline = cache.timeline(file, company, program, load);
        timelines.push(timeline);
        options.onFile?.(statSync(file).size, timeline.steps.length);
      } catch (error) {
        if (!(error instanceof HistoryError)) throw error;
        problems.push(...error.issues);
      }
    }
  } finally {
    cache.flush();
  }
  return { timelines, problems };
}
