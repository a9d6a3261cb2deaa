import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { applyCorrections } from "../replay/applyCorrections.js";
import { foldStream } from "../replay/foldStream.js";
import { problemOf } from "../replay/replayLog.js";
import type { Timeline } from "../replay/timeline.js";
import { lineHash } from "./integrityChain.js";
import { LogError, type LogIssue } from "./logError.js";
import { readStreamFile } from "./readStreamFile.js";

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

/**
 * The timeline of one stream file (without steps), from the cache when the file still has the
 * size, modification time and last line it had when cached; otherwise read and checked in full (schema, seq,
 * chain, torn line), folded, and cached again. Only what changed is read. Throws `LogError`.
 *
 * @example
 * cachedTimeline("events/dod-1237/xiaomi.jsonl", "xiaomi", "dod-1237", cacheDirFor("events"));
 */
export function cachedTimeline(
  file: string,
  company: string,
  program: string,
  cacheDir: string,
): Timeline {
  const cacheFile = join(cacheDir, program, `${company}.json`);
  const { size, mtimeMs } = statSync(file);
  const cached = readEntry(cacheFile);
  // Size and last line catch an append; the modification time also catches an edit in the middle.
  const fresh =
    cached !== undefined &&
    cached.version === CACHE_VERSION &&
    cached.size === size &&
    cached.mtimeMs === mtimeMs &&
    cached.head === lastLineHash(file, size);
  if (fresh) {
    return { ...cached.timeline, steps: [] };
  }
  const issues: LogIssue[] = [];
  const stream = readStreamFile(file, company, program, issues);
  if (issues.length > 0) throw new LogError(issues);
  let folded: Timeline;
  try {
    const facts = applyCorrections(stream.entries.map((entry) => entry.event));
    folded = foldStream(stream.stream, facts, { keepSteps: false });
  } catch (error) {
    throw new LogError([problemOf(stream, error)]);
  }
  const { steps: _, ...timeline } = folded;
  writeEntry(cacheFile, {
    version: CACHE_VERSION,
    size: stream.size,
    mtimeMs,
    head: stream.head,
    timeline,
  });
  return { ...timeline, steps: [] };
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

/** The hash of the file's last complete line, reading only its tail; undefined if it is torn. */
function lastLineHash(file: string, size: number): string | undefined {
  if (size === 0) return undefined;
  const fd = openSync(file, "r");
  try {
    for (let chunk = 4096; ; chunk *= 4) {
      const length = Math.min(chunk, size);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      if (buffer[length - 1] !== 0x0a) return undefined;
      const start = buffer.lastIndexOf(0x0a, length - 2);
      if (start >= 0 || length === size) {
        return lineHash(buffer.subarray(start + 1, length - 1).toString("utf8"));
      }
    }
  } finally {
    closeSync(fd);
  }
}
