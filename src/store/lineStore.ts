import { SlugSchema } from "../domain/eventSchema.js";
import { grouped, LIMITS } from "../domain/limits.js";
import { AppendRejectedError, ConcurrencyError } from "./appendErrors.js";
import { GENESIS, lineHash } from "./integrityChain.js";
import type { LogIssue } from "./logError.js";

/**
 * A store of the log's lines, asynchronous so that a database can be one: the JSONL folder
 * (`jsonlLineStore`) and PostgreSQL (`postgresLineStore`) implement it. It holds each stream's
 * lines as written (exact text, so the integrity chain is the same in every store) and the
 * company registry's text; it checks what keeps a log whole (the expected version of each stream,
 * the chain link, unique ids) and nothing of the history's rules, which the application decides
 * before it appends.
 */
export interface LineStore {
  /** Where the store is, for messages: a folder, or a database URL without its password. */
  readonly location: string;
  /** Every stream's version and head, sorted by program then company. */
  heads(): Promise<StreamHead[]>;
  /** One stream's lines, exactly as stored, without their "\n" (none for a stream it lacks). */
  readLines(company: string, program: string): Promise<string[]>;
  /**
   * Appends each batch's lines to its stream, checking that the stream's seq is `expectedSeq`
   * (`ConcurrencyError` if not), that the lines carry the next seqs, chain on from the stream's
   * head and use ids the log does not hold (`AppendRejectedError` if not). PostgreSQL writes all
   * batches in one transaction or none; the folder is atomic per stream.
   */
  appendLines(batches: readonly LineBatch[]): Promise<void>;
  /** The company registry's text (`companies.json`), or undefined when there is none. */
  readRegistry(): Promise<string | undefined>;
  /**
   * Replaces the registry's text if it is still `expected` (compare and set; undefined: there is
   * none yet); else `ConcurrencyError` and nothing is written.
   */
  writeRegistry(text: string, expected: string | undefined): Promise<void>;
  /**
   * What the store holds that its lines do not vouch for (a database row whose hash, seq or id
   * disagrees with its line), for `verify`; a folder is its lines, so it has nothing to add.
   */
  integrityIssues?(): Promise<LogIssue[]>;
  /**
   * Calls `onChange` whenever another writer may have appended (PostgreSQL: a notification on
   * `designations_appended`, and when the listening connection is lost, since appends may then
   * go unseen); resolves once it listens, to a function that stops it. A store without it is
   * asked for its heads instead.
   */
  watch?(onChange: () => void): Promise<() => Promise<void>>;
  /** Releases connections; the store is not used after. */
  close(): Promise<void>;
}

/** A stream's version: how many lines it has, and the SHA-256 of its last one. */
export interface StreamHead {
  company: string;
  program: string;
  /** The seq of its last line (the number of lines). */
  seq: number;
  /** `lineHash` of its last line (`GENESIS` for none). */
  head: string;
}

/** Lines to append to one stream that has `expectedSeq` lines now. */
export interface LineBatch {
  company: string;
  program: string;
  expectedSeq: number;
  lines: readonly string[];
}

/** The store cannot be reached or used: a bad URL, a refused connection, a failed login. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

/**
 * The stream `company/program` of a head or batch, as messages and events name it.
 *
 * @example
 * streamKey({ company: "xiaomi", program: "dod-1237" }); // "xiaomi/dod-1237"
 */
export function streamKey(stream: { company: string; program: string }): string {
  return `${stream.company}/${stream.program}`;
}

/** What a line says of itself, for the store's checks: its id, stream, seq and prev. */
export interface LineEnvelope {
  id: string;
  stream: string;
  seq: number;
  prev: string;
  recorded: string | undefined;
}

/**
 * The envelope of one line, or the reason it is no event line.
 *
 * @example
 * lineEnvelope('{"id":"a","stream":"x/p","seq":1,"prev":"00..."}'); // { id: "a", seq: 1, ... }
 */
export function lineEnvelope(line: string): LineEnvelope | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "the line is not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "the line is not a JSON object";
  }
  const { id, stream, seq, prev, recorded } = value as Record<string, unknown>;
  if (typeof id !== "string" || id === "") return "the line has no id";
  if (typeof stream !== "string") return "the line has no stream";
  if (typeof seq !== "number" || !Number.isInteger(seq)) return "the line has no seq";
  if (typeof prev !== "string") return "the line has no prev";
  return { id, stream, seq, prev, recorded: typeof recorded === "string" ? recorded : undefined };
}

/**
 * Checks one batch against its stream as it is now (`seq` lines, the last hashing to `head`):
 * the expected version (`ConcurrencyError`), then each line: one line of an event of this stream
 * (no newline, within the size limit), the next seq, chained to the line before, an id used once.
 * Returns the lines' envelopes. `idTaken` says where an id is already used, if it is.
 *
 * @example
 * checkBatch({ company: "acme", program: "p", expectedSeq: 0, lines }, 0, GENESIS, () => undefined);
 */
export function checkBatch(
  batch: LineBatch,
  seq: number,
  head: string,
  idTaken: (id: string) => string | undefined,
): LineEnvelope[] {
  const stream = streamKey(batch);
  for (const [field, value] of [
    ["company", batch.company],
    ["program", batch.program],
  ] as const) {
    if (!SlugSchema.safeParse(value).success) {
      throw new AppendRejectedError(stream, "not a slug such as xiaomi or dod-1237", field);
    }
  }
  if (batch.expectedSeq !== seq) throw new ConcurrencyError(stream, batch.expectedSeq, seq);
  const ids = new Set<string>();
  let prev = head;
  return batch.lines.map((line, index) => {
    const reject = (reason: string, field?: string): never => {
      throw new AppendRejectedError(stream, reason, field, index);
    };
    if (line.includes("\n") || line.includes("\r")) reject("a line may not hold a line break");
    const bytes = Buffer.byteLength(line);
    if (bytes > LIMITS.lineBytes) {
      reject(
        `the line is ${grouped(bytes)} bytes; a line may hold at most ${grouped(LIMITS.lineBytes)}`,
      );
    }
    const envelope = lineEnvelope(line);
    if (typeof envelope === "string") return reject(envelope);
    if (envelope.stream !== stream) reject(`"${envelope.stream}" is not this stream`, "stream");
    const expected = seq + index + 1;
    if (envelope.seq !== expected) reject(`is ${envelope.seq}, expected ${expected}`, "seq");
    if (envelope.prev !== prev) {
      reject(
        `does not chain on to the stream's head ${prev === GENESIS ? "(its first line's prev is 64 zeros)" : prev}`,
        "prev",
      );
    }
    const taken = ids.has(envelope.id) ? "an earlier line of the batch" : idTaken(envelope.id);
    if (taken !== undefined) reject(`id ${envelope.id} is already used, at ${taken}`, "id");
    ids.add(envelope.id);
    prev = lineHash(line);
    return envelope;
  });
}

/**
 * Refuses two batches for one stream in one append: each stream's lines come in one batch.
 *
 * @example
 * refuseRepeatedStreams([{ company: "a", program: "p", expectedSeq: 0, lines: [] }]);
 */
export function refuseRepeatedStreams(batches: readonly LineBatch[]): void {
  const seen = new Set<string>();
  for (const batch of batches) {
    const key = streamKey(batch);
    if (seen.has(key)) {
      throw new AppendRejectedError(key, "two batches for one stream: give its lines in one");
    }
    seen.add(key);
  }
}
