import { statSync } from "node:fs";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { EventRef } from "../domain/timeline.js";
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
  /** How many steps there are. */
  count: number;
  /** The steps in date order, each made as it is read: a large log's steps are kept compact. */
  steps(): Generator<ReplayStep>;
  problems: LogIssue[];
}

/** A step as kept: date, stream, event id, event type, standing before, standing after. */
type Row = [string, string, string, EventRef["type"], Standing, Standing];

/**
 * Replays every company stream (or one company's) as the view sees the log and gives each step
 * in date order (in log order within a day). A stream whose history the machine rejects yields no
 * steps but a problem at its file and line; the other streams are replayed all the same. A file
 * that fails its own checks (schema, chain) is an error (`LogError`). Only a compact row of each
 * step is kept, not the events, so a large log replays in little memory.
 *
 * @example
 * [...replaySteps("events", { company: "xiaomi" }).steps()][0];
 * // { date: "2021-01-14", stream: "xiaomi/dod-1237", event: { id, type: "Listed", ... }, before: ..., after: ... }
 */
export function replaySteps(
  dir: string,
  options: LoadOptions & { company?: string } = {},
): ReplayResult {
  const rows: Row[] = [];
  const problems: LogIssue[] = [];
  const cache = new TimelineCache(options.cacheDir ?? cacheDirFor(dir));
  const load = { ...options, steps: true };
  const shared = new Map<string, string>();
  const intern = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  try {
    for (const { file, company, program } of orderedStreamFiles(dir, options.program)) {
      if (options.company !== undefined && company !== options.company) continue;
      try {
        const timeline = cache.timeline(file, company, program, load);
        const stream = intern(timeline.stream);
        for (const { event, before, after } of timeline.steps) {
          rows.push([
            intern(event.effective),
            stream,
            event.id,
            event.type,
            standing(before.status, before.enforceable),
            standing(after.status, after.enforceable),
          ]);
        }
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
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { count: rows.length, steps: () => stepsOf(rows), problems };
}

function* stepsOf(rows: readonly Row[]): Generator<ReplayStep> {
  for (const [date, stream, id, type, before, after] of rows) {
    yield { date, stream, event: { id, type, effective: date }, before, after };
  }
}

type Standing = ReplayStep["before"];

/** One frozen object per status and enforceability, shared by every step. */
const STANDINGS = new Map<string, Standing>();

function standing(status: Standing["status"], enforceable: boolean): Standing {
  const key = `${status} ${enforceable}`;
  let known = STANDINGS.get(key);
  if (known === undefined) {
    known = Object.freeze({ status, enforceable });
    STANDINGS.set(key, known);
  }
  return known;
}
