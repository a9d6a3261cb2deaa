import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LogView } from "../domain/logView.js";
import { HistoryError, problemOf, replayEvents, type ReplayOptions } from "../replay/replayLog.js";
import type { StreamLog } from "../store/streamLog.js";
import { readStreamTrusted } from "../store/readStreamTrusted.js";
import type { Timeline } from "../domain/timeline.js";
import { lastLineHash } from "../store/lastLineHash.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { readStreamFile } from "../store/readStreamFile.js";

/**
 * The shape of the cached timelines: an entry of another version is rebuilt. 2: timelines carry
 * their `listings`.
 */
const CACHE_VERSION = 2;

/** The cache of one stream: its timeline, valid while the file has this size, time and last line. */
interface CacheEntry {
  version: number;
  size: number;
  mtimeMs: number;
  head: string;
  timeline: Omit<Timeline, "steps">;
}

/**
 * Where the timelines of an events folder are cached: outside the folder, in the package's
 * node_modules/.cache, safe to delete. `DESIGNATIONS_CACHE` names another place.
 *
 * @example
 * cacheDirFor("events"); // "node_modules/.cache/designations/3f2a..."
 */
export function cacheDirFor(eventsDir: string, base = defaultCacheBase()): string {
  const key = createHash("sha256").update(resolve(eventsDir)).digest("hex").slice(0, 16);
  return join(base, key);
}

function defaultCacheBase(): string {
  return (
    process.env.DESIGNATIONS_CACHE ?? join(process.cwd(), "node_modules", ".cache", "designations")
  );
}

/** How to read one stream's timeline. */
export interface StreamTimelineOptions {
  /** Which part of the log to see (`--known-at`, `--recorded-at`); default: all of it. */
  view?: LogView;
  /** Keep the fold's steps (the events themselves); default false. */
  steps?: boolean;
}

/**
 * The timeline of one stream file, verified once and then trusted. While the file has the size,
 * modification time and last line it had when last verified, a timeline without steps comes from
 * the cache, and one with steps or for a view is folded from the file parsed without the schema.
 * Otherwise the file is read and checked in full (schema, seq, chain, torn line), folded and
 * cached again. Throws `LogError` naming the file and line of any problem.
 *
 * @example
 * cachedTimeline("events/dod-1237/xiaomi.jsonl", "xiaomi", "dod-1237", cacheDirFor("events"));
 * cachedTimeline(file, "xiaomi", "dod-1237", cacheDir, { view: { knownAt: "2021-03-01" }, steps: true });
 */
export function cachedTimeline(
  file: string,
  company: string,
  program: string,
  cacheDir: string,
  options: StreamTimelineOptions = {},
): Timeline {
  const cacheFile = join(cacheDir, program, `${company}.json`);
  const { size, mtimeMs } = statSync(file);
  const cached = readEntry(cacheFile);
  // Size and last line catch an append; the modification time also catches an edit in the middle.
  const verified =
    cached !== undefined &&
    cached.version === CACHE_VERSION &&
    cached.size === size &&
    cached.mtimeMs === mtimeMs &&
    cached.head === lastLineHash(file, size);
  const wholeAndLight = options.view === undefined && options.steps !== true;
  if (verified && wholeAndLight) return { ...cached.timeline, steps: [] };
  const stream = `${company}/${program}`;
  if (verified) {
    const events = readStreamTrusted(file);
    try {
      return replayEvents(stream, events, replayOptions(options));
    } catch (error) {
      // In a verified file an event's line is its seq.
      const entries = events.map((event) => ({ event, line: event.seq }));
      throw new HistoryError([problemOf({ file, entries }, error)]);
    }
  }
  const issues: LogIssue[] = [];
  const read = readStreamFile(file, company, program, issues);
  if (issues.length > 0) throw new LogError(issues);
  const events = read.entries.map((entry) => entry.event);
  try {
    const timeline = replayEvents(stream, events, { keepSteps: false });
    rememberVerified(cacheDir, read, mtimeMs, timeline);
    if (wholeAndLight) return timeline;
    return replayEvents(stream, events, replayOptions(options));
  } catch (error) {
    throw new HistoryError([problemOf(read, error)]);
  }
}

/**
 * Caches the timeline of a stream file just read and verified in full (by `verify`, or by a
 * first read): until the file changes, it is trusted. `mtimeMs` is the file's modification time
 * taken before it was read.
 *
 * @example
 * rememberVerified(cacheDirFor("events"), stream, mtimeMs, replayStream(stream));
 */
export function rememberVerified(
  cacheDir: string,
  read: StreamLog,
  mtimeMs: number,
  timeline: Timeline,
): void {
  const { steps: _, ...light } = timeline;
  writeEntry(join(cacheDir, read.program, `${read.company}.json`), {
    version: CACHE_VERSION,
    size: read.size,
    mtimeMs,
    head: read.head,
    timeline: light,
  });
}

function replayOptions(options: StreamTimelineOptions): ReplayOptions {
  return { view: options.view, keepSteps: options.steps === true };
}

function readEntry(cacheFile: string): CacheEntry | undefined {
  if (!existsSync(cacheFile)) return undefined;
  try {
    return JSON.parse(readFileSync(cacheFile, "utf8")) as CacheEntry;
  } catch {
    return undefined; // a damaged cache entry is rebuilt
  }
}

function writeEntry(cacheFile: string, entry: CacheEntry): void {
  mkdirSync(dirname(cacheFile), { recursive: true });
  // Written aside and renamed: a reader never sees half an entry.
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(entry));
  renameSync(temporary, cacheFile);
}
