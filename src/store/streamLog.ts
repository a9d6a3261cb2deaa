import type { DesignationEvent } from "../domain/eventSchema.js";

/** An event as read from the log, with where it stands. */
export interface LogEntry {
  event: DesignationEvent;
  /** 1-based line number in the stream's file. */
  line: number;
}

/** One stream's file: a company on one program, its events in `seq` order. */
export interface StreamLog {
  /** `<company>/<program>` */
  stream: string;
  company: string;
  program: string;
  file: string;
  entries: LogEntry[];
  /** Hash of the last line: the `prev` the next line must carry (GENESIS for an empty file). */
  head: string;
  /** Size of the file in bytes when it was read. */
  size: number;
}

/** The whole log as read from an events folder, streams sorted by id. */
export interface Log {
  dir: string;
  /** The companies' streams. */
  streams: StreamLog[];
  /** Each program's edition stream `editions/<program>` (its list actions), when it has one. */
  editions: StreamLog[];
}
