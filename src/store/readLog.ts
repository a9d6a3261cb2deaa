import { isEditionStream } from "../domain/editionStream.js";
import { LogError, type LogIssue } from "./logError.js";
import { readStreamFile } from "./readStreamFile.js";
import { allStreamFiles, requireEventsFolder } from "./streamFiles.js";
import type { Log, StreamLog } from "./streamLog.js";

/**
 * Reads and validates every stream file `<dir>/<program>/<company>.jsonl`. Throws a `LogError`
 * listing every problem: malformed JSON, schema violations, impossible dates, missing sources,
 * a `stream` that does not match the file, a broken `seq` order, a broken integrity chain, a torn
 * last line, duplicate ids, and corrections that name no earlier event of their stream. Other
 * files in the folder are not read.
 *
 * @example
 * const log = readLog("events");
 * log.streams.map((s) => s.stream); // ["xiaomi/dod-1237"]
 */
export function readLog(dir: string, onFile?: OnFile): Log {
  const { log, issues } = inspectLog(dir, onFile);
  if (issues.length > 0) throw new LogError(issues);
  return log;
}

/** Told after each stream file is read: its size in bytes and its number of events. */
export type OnFile = (bytes: number, events: number) => void;

/** What `readLog` finds, without throwing: the log, and every problem in it (for `verify`). */
export interface Inspection {
  log: Log;
  issues: LogIssue[];
}

/**
 * Like `readLog`, but returns the problems beside the log instead of throwing. Only a missing
 * events folder throws.
 *
 * @example
 * const { log, issues } = inspectLog("events");
 */
export function inspectLog(dir: string, onFile?: OnFile): Inspection {
  requireEventsFolder(dir);
  const issues: LogIssue[] = [];
  const streams: StreamLog[] = [];
  const firstSeen = new Map<string, string>();
  for (const { file, company, program } of allStreamFiles(dir)) {
    const stream = readStreamFile(file, company, program, issues);
    const ownIds = new Set<string>();
    for (const { event, line } of stream.entries) {
      // A repeat inside one file is readStreamFile's to report; here, across files.
      if (ownIds.has(event.id)) continue;
      ownIds.add(event.id);
      const seen = firstSeen.get(event.id);
      if (seen === undefined) firstSeen.set(event.id, `${file}:${line}`);
      else
        issues.push({
          file,
          line,
          field: "id",
          message: `duplicate id ${event.id}, first used at ${seen}`,
        });
    }
    streams.push(stream);
    onFile?.(stream.size, stream.entries.length);
  }
  streams.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  const editions = streams.filter((stream) => isEditionStream(stream.stream));
  const companies = streams.filter((stream) => !isEditionStream(stream.stream));
  return { log: { dir, streams: companies, editions }, issues };
}
