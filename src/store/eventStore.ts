import type { AppendResult, AppendToStreamOptions, EventDraft } from "./appendToStream.js";
import type { StreamLog } from "./streamLog.js";
import type { StreamFile } from "./streamFiles.js";

/** A stream the store holds: a company (or `editions`) on one program. */
export type StreamRef = Pick<StreamFile, "company" | "program">;

/**
 * What the application needs of a store of events: list and read streams, checked in full, and
 * append to one stream with optimistic concurrency (`expectedSeq`) and idempotent ids. The JSONL
 * folder (`jsonlEventStore`) is the first implementation; a database can be another.
 */
export interface EventStore {
  /** Where the events are, for messages: a folder, or a database. */
  readonly location: string;
  /** The programs, sorted. Throws `LogError` when the store does not exist. */
  programs(): string[];
  /** The streams of one program or all, companies' and editions', sorted by program then company. */
  streams(program?: string): StreamRef[];
  /** One stream's events, every one checked (schema, seq, chain); throws `LogError` on a problem. */
  readStream(stream: StreamRef): StreamLog;
  /**
   * Appends drafts to ONE stream, all or none, assigning seq, recorded time, chain and (unless
   * given) ids; `check` is the application's decision on the stream as it would be.
   */
  append(drafts: readonly EventDraft[], options?: AppendToStreamOptions): AppendResult[];
}
