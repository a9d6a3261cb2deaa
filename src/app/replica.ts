import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { acquireFileLock } from "../store/fileLock.js";
import { GENESIS, lineHash } from "../store/integrityChain.js";
import { folderHeads } from "../store/jsonlLineStore.js";
import {
  type LineBatch,
  lineEnvelope,
  type LineStore,
  type StreamHead,
  streamKey,
} from "../store/lineStore.js";
import { readBoundedText } from "../store/readBoundedText.js";
import { COMPANIES_FILE } from "../store/readCompanies.js";
import { allStreamFiles, streamFileOf } from "../store/streamFiles.js";
import { writeFileWhole } from "../store/writeFileWhole.js";
import { defaultCacheBase } from "./timelineCache.js";

export { isDatabaseUrl, openLineStore } from "../store/openLineStore.js";
export { redactedUrl } from "../store/postgres/postgresLineStore.js";
export type { LineStore } from "../store/lineStore.js";

/** What a replica folder held when it was last made equal to its store. */
export interface ReplicaBaseline {
  heads: StreamHead[];
  registry: string | undefined;
  /** Each stream file's size then, by stream key: a push reads only what follows. */
  sizes: Map<string, number>;
}

/** What `pushReplica` sent to the store. */
export interface PushResult {
  streams: number;
  lines: number;
  registry: boolean;
}

/**
 * Where the replica of the store at `location` lives: a folder of the cache (outside any log,
 * safe to delete), one per store, named by a hash of the location without its password.
 *
 * @example
 * replicaDirFor("postgres://db/designations"); // "node_modules/.cache/designations/replicas/9c1e..."
 */
export function replicaDirFor(location: string, base = defaultCacheBase()): string {
  const key = createHash("sha256").update(location).digest("hex").slice(0, 16);
  return join(base, "replicas", key);
}

/**
 * Makes the folder `dir` equal to the store: each stream whose version (seq and head) differs
 * from its file's is rewritten whole from the store's lines (a temporary file renamed over it),
 * a stream file the store lacks is removed, and `companies.json` becomes the store's registry.
 * Only heads are compared, so a sync with nothing changed reads no lines; `full` compares every
 * stream's lines too (for `verify`, which must see a line changed behind an unchanged head).
 * Returns what the folder now holds, the baseline a later `pushReplica` pushes from.
 *
 * @example
 * const baseline = await syncReplica(store, replicaDirFor(store.location));
 */
export async function syncReplica(
  store: LineStore,
  dir: string,
  options: { full?: boolean } = {},
): Promise<ReplicaBaseline> {
  mkdirSync(dir, { recursive: true });
  const local = new Map(folderHeads(dir).map((head) => [streamKey(head), head]));
  const heads: StreamHead[] = [];
  for (const head of await store.heads()) {
    const key = streamKey(head);
    const mine = local.get(key);
    local.delete(key);
    const file = streamFileOf(dir, head.company, head.program);
    if (!options.full && mine?.seq === head.seq && mine.head === head.head) {
      heads.push(head);
      continue;
    }
    const lines = await store.readLines(head.company, head.program);
    const text = lines.map((line) => `${line}\n`).join("");
    if (mine === undefined || !existsSync(file) || readFileSync(file, "utf8") !== text) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileWhole(file, text);
    }
    // What was written, which may be ahead of the heads read before it.
    const last = lines.at(-1);
    heads.push({ ...head, seq: lines.length, head: last === undefined ? GENESIS : lineHash(last) });
  }
  for (const gone of local.values()) {
    const file = streamFileOf(dir, gone.company, gone.program);
    rmSync(file, { force: true });
    if (readdirSync(dirname(file)).length === 0) rmdirSync(dirname(file));
  }
  const registry = await store.readRegistry();
  const registryFile = join(dir, COMPANIES_FILE);
  if (registry === undefined) rmSync(registryFile, { force: true });
  else if (registryText(dir) !== registry) writeFileWhole(registryFile, registry);
  return { heads, registry, sizes: fileSizes(dir) };
}

/**
 * What the replica folder holds now, as a baseline for `pushReplica`: right when the folder is
 * known to equal its store (nothing appended since it was synced or pushed).
 *
 * @example
 * await pushReplica(store, dir, replicaBaseline(dir));
 */
export function replicaBaseline(dir: string): ReplicaBaseline {
  return { heads: folderHeads(dir), registry: registryText(dir), sizes: fileSizes(dir) };
}

/**
 * Sends the store what a command added to the replica since `baseline`: every stream's lines
 * beyond its baseline seq, all in one `appendLines` with the baseline seq as the expected one, and
 * the registry if it changed (compare and set against the baseline's, before the lines, so that a
 * stored line never names a company the stored registry lacks). If the store refuses (a
 * `ConcurrencyError` when another writer was first) the replica is synced again, so it never keeps
 * lines the store refused, and the error is rethrown.
 *
 * @example
 * await pushReplica(store, dir, baseline); // { streams: 1, lines: 2, registry: false }
 */
export async function pushReplica(
  store: LineStore,
  dir: string,
  baseline: ReplicaBaseline,
): Promise<PushResult> {
  const before = new Map(baseline.heads.map((head) => [streamKey(head), head]));
  const batches: LineBatch[] = [];
  for (const { file, company, program } of allStreamFiles(dir)) {
    const key = streamKey({ company, program });
    const base = before.get(key) ?? { seq: 0, head: GENESIS };
    const baseSize = baseline.sizes.get(key) ?? 0;
    const size = statSync(file).size;
    if (size === baseSize) continue;
    const notExtending = () =>
      new Error(
        `the replica ${dir} no longer extends what it was synced to on ${key}: delete the folder and run the command again`,
      );
    if (size < baseSize) throw notExtending();
    // Only what the command appended, which must chain on to the baseline's head.
    const lines = readBoundedText(file, undefined, { offset: baseSize, line: base.seq + 1 }).split(
      "\n",
    );
    const first = lineEnvelope(lines[0] ?? "");
    if (
      lines.pop() !== "" ||
      typeof first === "string" ||
      first.seq !== base.seq + 1 ||
      first.prev !== base.head
    ) {
      throw notExtending();
    }
    batches.push({ company, program, expectedSeq: base.seq, lines });
  }
  const registry = registryText(dir);
  const registryChanged = registry !== undefined && registry !== baseline.registry;
  try {
    if (registryChanged) await store.writeRegistry(registry, baseline.registry);
    if (batches.length > 0) await store.appendLines(batches);
  } catch (error) {
    // Whatever refused the push (another writer first, an id taken meanwhile), the replica must
    // not keep what the store does not hold. Should this sync fail too, the next one mends it:
    // a stream the push left ahead differs from the store's head, and is rewritten.
    await syncReplica(store, dir).catch(() => undefined);
    throw error;
  }
  const lines = batches.reduce((sum, batch) => sum + batch.lines.length, 0);
  return { streams: batches.length, lines, registry: registryChanged };
}

/**
 * Runs `work` on a replica of the store, under the replica's lock (commands on one machine that
 * use one store take turns): syncs the folder (`syncReplica`), runs `work` on it, and pushes what
 * it appended (`pushReplica`), whatever `work` returned.
 *
 * @example
 * const { result } = await onReplica(store, dir, (events) => runCli(["append", ..., "--events", events], io));
 */
export async function onReplica<T>(
  store: LineStore,
  dir: string,
  work: (dir: string) => T,
  options: { full?: boolean } = {},
): Promise<{ result: T; pushed: PushResult }> {
  mkdirSync(dirname(dir), { recursive: true });
  const release = acquireFileLock(`${dir}.lock`);
  try {
    const baseline = await syncReplica(store, dir, options);
    const result = work(dir);
    const pushed = await pushReplica(store, dir, baseline);
    return { result, pushed };
  } finally {
    release();
  }
}

function fileSizes(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    allStreamFiles(dir).map((stream) => [streamKey(stream), statSync(stream.file).size]),
  );
}

function registryText(dir: string): string | undefined {
  const file = join(dir, COMPANIES_FILE);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}
