import { appendToStream } from "./appendToStream.js";
import type { EventStore } from "./eventStore.js";
import { LogError, type LogIssue } from "./logError.js";
import { readStreamFile } from "./readStreamFile.js";
import { allStreamFiles, programsOf, streamFileOf } from "./streamFiles.js";

/**
 * The event store of a JSONL folder: one folder per program, one file `<company>.jsonl` per
 * stream, each line an event chained to the one before it by its SHA-256, appends under a lock
 * across processes (see `appendToStream`).
 *
 * @example
 * const store = jsonlEventStore("events");
 * store.readStream({ company: "xiaomi", program: "dod-1237" }).entries.length; // 9
 */
export function jsonlEventStore(dir: string): EventStore {
  return {
    location: dir,
    programs: () => programsOf(dir),
    streams: (program) =>
      allStreamFiles(dir, program).map(({ company, program: p }) => ({ company, program: p })),
    readStream({ company, program }) {
      const issues: LogIssue[] = [];
      const stream = readStreamFile(streamFileOf(dir, company, program), company, program, issues);
      if (issues.length > 0) throw new LogError(issues);
      return stream;
    },
    append: (drafts, options) => appendToStream(dir, drafts, options),
  };
}
