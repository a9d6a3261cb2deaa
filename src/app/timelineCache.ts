import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import type { DesignationEvent } from "../domain/eventSchema.js";
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
 * their `listings`; 3: entries are kept in shards, not a file per stream.
 */
const CACHE_VERSION = 3;

/**
 * The number of shard files a cache spreads its entries over: few enough that a whole-log read
 * creates few files (creating a file costs far more than writing one), enough that a status
 * query reads a small part of a large log's cache.
 */
const SHARDS = 256;

/** The cache of one stream: its timeline, valid while the file has this size, time and last line. */
interface CacheEntry {
  version: number;
  size: number;
  mtimeMs: number;
  head: string;
  timeline: Omit<Timeline, "steps">;
}

type Shard = Record<string, CacheEntry>;

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
 * The verified timelines of one events folder's streams, kept in `cacheDir`: each stream file is
 * read and checked in full (schema, seq, chain, torn line) the first time and whenever it
 * changes, then trusted while it keeps the size, modification time and last line it had. A
 * company's streams share one of a few hundred shard files, read when first needed and written
 * back by `flush`; a lost or damaged shard is rebuilt, never trusted.
 *
 * @example
 * const cache = new TimelineCache(cacheDirFor("events"));
 * cache.timeline("events/dod-1237/xiaomi.jsonl", "xiaomi", "dod-1237").intervals.length; // 4
 * cache.flush();
 */
export class TimelineCache {
  private readonly shards = new Map<number, Shard>();
  private readonly dirty = new Set<number>();

  constructor(readonly cacheDir: string) {}

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
    const wholeAndLight = options.view === undefined && options.steps !== true;
    const cached = this.verifiedEntry(file, company, program);
    if (cached !== undefined && wholeAndLight) return { ...cached.timeline, steps: [] };
    let events: DesignationEvent[];
    if (cached !== undefined) {
      events = readStreamTrusted(file);
    } else {
      const { read, timeline } = this.verify(file, company, program);
      if (wholeAndLight) return timeline;
      events = eventsOf(read);
    }
    try {
      return replayEvents(`${company}/${program}`, events, replayOptions(options));
    } catch (error) {
      // In a verified file an event's line is its seq.
      const entries = events.map((event) => ({ event, line: event.seq }));
      throw new HistoryError([problemOf({ file, entries }, error)]);
    }
  }

  /** The events of a stream file, in log order, verified as `timeline` verifies them. */
  events(file: string, company: string, program: string): DesignationEvent[] {
    if (this.verifiedEntry(file, company, program) !== undefined) return readStreamTrusted(file);
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
      this.release(shard);
    }
  }

  /**
   * Remembers a stream file just read and verified in full as trusted until it changes. `mtimeMs`
   * is the file's modification time taken before it was read.
   */
  private remember(read: StreamLog, mtimeMs: number, timeline: Timeline): void {
    const shard = shardOf(read.company);
    const known = this.shard(shard)[read.stream];
    const unchanged =
      known?.version === CACHE_VERSION &&
      known.size === read.size &&
      known.mtimeMs === mtimeMs &&
      known.head === read.head;
    if (unchanged) return; // nothing to write back
    const { steps: _, ...light } = timeline;
    this.shard(shard)[read.stream] = {
      version: CACHE_VERSION,
      size: read.size,
      mtimeMs,
      head: read.head,
      timeline: light,
    };
    this.dirty.add(shard);
  }

  /** Writes the shards that changed, each whole: written aside, then renamed over the old. */
  flush(): void {
    for (const shard of this.dirty) this.write(shard);
    this.dirty.clear();
  }

  /** Writes one shard; a cache that cannot be written (a read-only place) only costs speed. */
  private write(shard: number): void {
    const file = shardFile(this.cacheDir, shard);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      writeFileSync(temporary, JSON.stringify(this.shard(shard)));
      renameSync(temporary, file);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written there either
      }
    }
  }

  /** Writes the shard back if it changed, and forgets it: it is read again if needed. */
  private release(shard: number): void {
    if (this.dirty.delete(shard)) this.write(shard);
    this.shards.delete(shard);
  }

  /** The cache entry of the file, if the file is still as it was when verified. */
  private verifiedEntry(file: string, company: string, program: string): CacheEntry | undefined {
    const cached = this.shard(shardOf(company))[`${company}/${program}`];
    if (cached === undefined || cached.version !== CACHE_VERSION) return undefined;
    const { size, mtimeMs } = statSync(file);
    // Size and last line catch an append; the modification time also catches an edit in the middle.
    const verified =
      cached.size === size &&
      cached.mtimeMs === mtimeMs &&
      cached.head === lastLineHash(file, size);
    return verified ? cached : undefined;
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
    this.remember(read, mtimeMs, timeline);
    return { read, timeline };
  }

  private shard(shard: number): Shard {
    let entries = this.shards.get(shard);
    if (entries === undefined) {
      entries = readShard(shardFile(this.cacheDir, shard));
      this.shards.set(shard, entries);
    }
    return entries;
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

function eventsOf(stream: StreamLog): DesignationEvent[] {
  return stream.entries.map((entry) => entry.event);
}

function replayOptions(options: StreamTimelineOptions): ReplayOptions {
  return { view: options.view, keepSteps: options.steps === true };
}

/** The shard of a company's streams: FNV-1a of its id. */
function shardOf(company: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < company.length; i += 1) {
    hash ^= company.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

function shardFile(cacheDir: string, shard: number): string {
  return join(cacheDir, `timelines-${shard.toString(16).padStart(2, "0")}.json`);
}

function readShard(file: string): Shard {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as Shard) : {};
  } catch {
    return {}; // a damaged shard is rebuilt
  }
}
