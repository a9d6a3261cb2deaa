import { statSync } from "node:fs";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { EventRef, Timeline } from "../domain/timeline.js";
import { HistoryError } from "../replay/replayLog.js";
import type { LogIssue } from "../store/logError.js";
import { type LoadOptions, orderedStreamFiles } from "./loadTimelines.js";
import { cacheDirFor, TimelineCache } from "./timelineCache.js";

/** What one event did to its stream: the status and enforceability before and after it. */
export interface ReplayStep {
  date: string;
  stream: string;
  event: EventRef;
  before: { status: HeadlineStatus; enforceable: boolean };
  after: { status: HeadlineStatus; enforceable: boolean };
}

/** Every step in date order, and a problem for each stream the machine could not fold. */
export interface ReplayResult {
  steps: ReplayStep[];
  problems: LogIssue[];
}

/**
 * Replays every company stream (or one company's) as the view sees the log and gives each step
 * in date order (in log order within a day). A stream whose history the machine rejects yields no
 * steps but a problem at its file and line; the other streams are replayed all the same. A file
 * that fails its own checks (schema, chain) is an error (`LogError`). Only each step's summary is
 * kept, not the events, so a large log replays in little memory.
 *
 * @example
 * replaySteps("events", { company: "xiaomi" }).steps[0];
 * // { date: "2021-01-14", stream: "xiaomi/dod-1237", event: { id, type: "Listed", ... }, before: ..., after: ... }
 */
export function replaySteps(
  dir: string,
  options: LoadOptions & { company?: string } = {},
): ReplayResult {
  const steps: ReplayStep[] = [];
  const problems: LogIssue[] = [];
  const cache = new TimelineCache(options.cacheDir ?? cacheDirFor(dir));
  const load = { ...options, steps: true };
  try {
    for (const { file, company, program } of orderedStreamFiles(dir, options.program)) {
      if (options.company !== undefined && company !== options.company) continue;
      try {
        const timeline = cache.timeline(file, company, program, load);
        steps.push(...summaries(timeline));
        options.onFile?.(statSync(file).size, timeline.steps.length);
      } catch (error) {
        if (!(error instanceof HistoryError)) throw error;
        problems.push(...error.issues);
      }
    }
  } finally {
    cache.flush();
  }
  // Each stream's steps are already in (effective, seq) order; the sort is stable.
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { steps, problems };
}

type Standing = ReplayStep["before"];

/** One frozen object per status and enforceability, shared by every step: a million steps stay small. */
const STANDINGS = new Map<string, Standing>();

function standing(status: Standing["status"], enforceable: boolean): Standing {
  const key = `${status} ${enforceable}`;
  let shared = STANDINGS.get(key);
  if (shared === undefined) {
    shared = Object.freeze({ status, enforceable });
    STANDINGS.set(key, shared);
  }
  return shared;
}

function summaries(timeline: Timeline): ReplayStep[] {
  return timeline.steps.map(({ event, before, after }) => ({
    date: event.effective,
    stream: timeline.stream,
    event: { id: event.id, type: event.type, effective: event.effective },
    before: standing(before.status, before.enforceable),
    after: standing(after.status, after.enforceable),
  }));
}
