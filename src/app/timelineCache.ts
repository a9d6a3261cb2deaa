import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DesignationEvent } from "../domain/eventSchema.js";
import type { LogView } from "../domain/logView.js";
import { HistoryError, problemOf, replayEvents, type ReplayOptions } from "../replay/replayLog.js";
import type { StreamLog } from "../store/streamLog.js";
import { readStreamTrusted } from "../store/readStreamTrusted.js";
import type { Timeline } from "../domain/timeline.js";
import { lastLineHash } from "../store/lastLineHash.js";
import { CacheShards, shardOf } from "./cacheShards.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { readStreamFile } from "../store/readStreamFile.js";

/**
 * The shape of the cached entries: an entry of another version is rebuilt. 2: timelines carry
 * their `listings`; 3: entries in shards; 4: what a file was verified as apart from its timeline.
 */
const CACHE_VERSION = 4;

/** A stream file as it was when verified: valid while it has this size, time and last line. */
interface Fingerprint {
  version: number;
  size: number;
  mtimeMs: number;
  head: string;
}

/** A verified file's timeline (without steps), with the fingerprint it belongs to. */
interface TimelineEntry extends Fingerprint {
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

/**
 * The folder the caches live in: `DESIGNATIONS_CACHE`, or node_modules/.cache/designations.
 *
 * @example
 * defaultCacheBase(); // "/work/main/node_modules/.cache/designations"
 */
export function defaultCacheBase(): string {
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
 * The verified timelines of one events folder's streams, kept in `cacheDir`: each stream file is
 * read and checked in full (schema, seq, chain, torn line) the first time and whenever it
 * changes, then trusted while it keeps the size, modification time and last line it had. Two
 * sets of shard files (`CacheShards`) keep what each file was verified as (`verified-xx.json`:
 * all that reading a trusted file needs, small) and its light timeline (`timelines-xx.json`,
 * which carries the same fingerprint), so a pass that folds the files never reads the
 * timelines. A lost or damaged shard is rebuilt, never trusted.
 *
 * @example
 * const cache = new TimelineCache(cacheDirFor("events"));
 * cache.timeline("events/dod-1237/xiaomi.jsonl", "xiaomi", "dod-1237").intervals.length; // 4
 * cache.flush();
 */
export class TimelineCache {
  /** What each file was verified as: all a fold from the file needs, small to read. */
  private readonly fingerprints: CacheShards<Fingerprint>;
  /** The verified files' light timelines: what `list` and `status` answer from. */
  private readonly timelines: CacheShards<TimelineEntry>;

  constructor(readonly cacheDir: string) {
    this.fingerprints = new CacheShards(cacheDir, "verified");
    this.timelines = new CacheShards(cacheDir, "timelines");
  }

  /**
   * The timeline of one stream file. A timeline without steps of the whole log comes from the
   * cache; one with steps or for a view is folded from the file, parsed without the schema when
   * it is verified. Throws `LogError` naming the file and line of any problem (`HistoryError`
   * for a history the machine rejects).
   */
  timeline(
    file: string,
    company: string,
    program: string,
    options: StreamTimelineOptions = {},
  ): Timeline {
    const stream = `${company}/${program}`;
    if (options.view === undefined && options.steps !== true) {
      const cached = this.timelines.get(shardOf(company), stream);
      if (cached !== undefined && isCurrent(cached, file)) return { ...cached.timeline, steps: [] };
      return this.verify(file, company, program).timeline;
    }
    return foldedTimeline(file, stream, this.events(file, company, program), options);
  }

  /** The events of a stream file, in log order, verified as `timeline` verifies them. */
  events(file: string, company: string, program: string): DesignationEvent[] {
    const verified = this.fingerprints.get(shardOf(company), `${company}/${program}`);
    if (verified !== undefined && isCurrent(verified, file)) return readStreamTrusted(file);
    return eventsOf(this.verify(file, company, program).read);
  }

  /**
   * The files in the order of their shards, each shard let go (written back first if it changed)
   * once its files are done: a pass over the whole log that needs no order holds one shard at a
   * time, not the whole cache.
   */
  *inShardOrder<T extends { company: string }>(files: readonly T[]): Generator<T> {
    const groups = new Map<number, T[]>();
    for (const file of files) {
      const shard = shardOf(file.company);
      const group = groups.get(shard);
      if (group === undefined) groups.set(shard, [file]);
      else group.push(file);
    }
    for (const [shard, group] of [...groups].sort(([a], [b]) => a - b)) {
      yield* group;
      this.fingerprints.release(shard);
      this.timelines.release(shard);
    }
  }

  /** Writes back what changed. */
  flush(): void {
    this.fingerprints.flush();
    this.timelines.flush();
  }

  /** Reads the file and checks it in full, folds it, and remembers it as verified. */
  private verify(
    file: string,
    company: string,
    program: string,
  ): { read: StreamLog; timeline: Timeline } {
    const { mtimeMs } = statSync(file);
    const issues: LogIssue[] = [];
    const read = readStreamFile(file, company, program, issues);
    if (issues.length > 0) throw new LogError(issues);
    let timeline: Timeline;
    try {
      timeline = replayEvents(read.stream, eventsOf(read), { keepSteps: false });
    } catch (error) {
      throw new HistoryError([problemOf(read, error)]);
    }
    const fingerprint = { version: CACHE_VERSION, size: read.size, mtimeMs, head: read.head };
    const shard = shardOf(company);
    const { steps: _, ...light } = timeline;
    this.fingerprints.set(shard, read.stream, fingerprint);
    this.timelines.set(shard, read.stream, { ...fingerprint, timeline: light });
    return { read, timeline };
  }
}

/**
 * The timeline of one stream file through the cache of `cacheDir` (see `TimelineCache`), the
 * cache written back before it returns.
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
  const cache = new TimelineCache(cacheDir);
  try {
    return cache.timeline(file, company, program, options);
  } finally {
    cache.flush();
  }
}

/**
 * The timeline of a verified stream file's events (`TimelineCache.events`) folded afresh, as
 * `TimelineCache.timeline` folds one with steps or for a view: for a caller that keeps the events
 * to fold several views of them without reading the file again. Throws `HistoryError` naming the
 * file and line of an event the machine rejects.
 *
 * @example
 * foldedTimeline(file, "xiaomi/dod-1237", cache.events(file, "xiaomi", "dod-1237"), { view: { knownAt: "2021-03-01" } });
 */
export function foldedTimeline(
  file: string,
  stream: string,
  events: readonly DesignationEvent[],
  options: StreamTimelineOptions = {},
): Timeline {
  try {
    return replayEvents(stream, events, replayOptions(options));
  } catch (error) {
    // In a verified file an event's line is its seq.
    const entries = events.map((event) => ({ event, line: event.seq }));
    throw new HistoryError([problemOf({ file, entries }, error)]);
  }
}

function eventsOf(stream: StreamLog): DesignationEvent[] {
  return stream.entries.map((entry) => entry.event);
}

function replayOptions(options: StreamTimelineOptions): ReplayOptions {
  return { view: options.view, keepSteps: options.steps === true };
}

/** Whether the file is still as it was when verified. */
function isCurrent(fingerprint: Fingerprint, file: string): boolean {
  if (fingerprint.version !== CACHE_VERSION) return false;
  const { size, mtimeMs } = statSync(file);
  // Size and last line catch an append; the modification time also catches an edit in the middle.
  return (
    fingerprint.size === size &&
    fingerprint.mtimeMs === mtimeMs &&
    fingerprint.head === lastLineHash(file, size)
  );
}
