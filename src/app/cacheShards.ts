import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The number of shard files a cache spreads its entries over: few enough that a whole-log pass
 * creates few files (creating a file costs far more than writing one), enough that a status
 * query reads a small part of a large log's cache.
 */
export const SHARDS = 256;

/**
 * The shard of a company's entries: FNV-1a of its id.
 *
 * @example
 * shardOf("xiaomi"); // a number from 0 to 255, always the same for "xiaomi"
 */
export function shardOf(company: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < company.length; i += 1) {
    hash ^= company.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

/**
 * Entries by key, kept in SHARDS files `<name>-xx.json` of a folder: each shard read when first
 * needed, written back whole (aside, then renamed) when it changed. A lost or damaged shard reads
 * as empty; a shard that cannot be written is left as it was (a cache only costs speed).
 *
 * @example
 * const shards = new CacheShards<number>("cache", "counts");
 * shards.set(shardOf("xiaomi"), "xiaomi/dod-1237", 9);
 * shards.flush();
 */
export class CacheShards<T> {
  private readonly shards = new Map<number, Record<string, T>>();
  private readonly dirty = new Set<number>();

  constructor(
    readonly dir: string,
    readonly name: string,
  ) {}

  get(shard: number, key: string): T | undefined {
    return Object.hasOwn(this.entries(shard), key) ? this.entries(shard)[key] : undefined;
  }

  set(shard: number, key: string, value: T): void {
    this.entries(shard)[key] = value;
    this.dirty.add(shard);
  }

  /** Writes every shard that changed. */
  flush(): void {
    for (const shard of this.dirty) this.write(shard);
    this.dirty.clear();
  }

  /** Writes the shard back if it changed, and forgets it: it is read again if needed. */
  release(shard: number): void {
    if (this.dirty.delete(shard)) this.write(shard);
    this.shards.delete(shard);
  }

  private entries(shard: number): Record<string, T> {
    let entries = this.shards.get(shard);
    if (entries === undefined) {
      entries = readShard<T>(this.file(shard));
      this.shards.set(shard, entries);
    }
    return entries;
  }

  private file(shard: number): string {
    return join(this.dir, `${this.name}-${shard.toString(16).padStart(2, "0")}.json`);
  }

  private write(shard: number): void {
    const file = this.file(shard);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, JSON.stringify(this.entries(shard)));
      renameSync(temporary, file);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written there either
      }
    }
  }
}

function readShard<T>(file: string): Record<string, T> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, T>)
      : {};
  } catch {
    return {}; // a damaged shard is rebuilt
  }
}
