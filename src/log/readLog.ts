import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SlugSchema } from "../domain/eventSchema.js";
import { LogError, type LogIssue } from "./logError.js";
import { parseEventLine } from "./parseEventLine.js";
import type { Log, LogEntry, StreamLog } from "./streamLog.js";

const STREAM_FILE = /^(.+)\.jsonl$/;

/**
 * Reads and validates every stream file `<dir>/<program>/<company>.jsonl`. Throws a `LogError`
 * listing every problem: malformed JSON, schema violations, impossible dates, missing sources,
 * a `stream` that does not match the file, a broken `seq` order, duplicate ids, and corrections
 * that name no earlier event of their stream. Other files in the folder are not read.
 *
 * @example
 * const log = readLog("events");
 * log.streams.map((s) => s.stream); // ["xiaomi/dod-1237"]
 */
export function readLog(dir: string): Log {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LogError([{ file: dir, message: "no such events folder" }]);
  }
  const issues: LogIssue[] = [];
  const streams: StreamLog[] = [];
  const firstSeen = new Map<string, string>();
  for (const program of entriesOf(dir, "directory")) {
    const programDir = join(dir, program);
    for (const name of entriesOf(programDir, "file")) {
      const company = STREAM_FILE.exec(name)?.[1];
      if (company === undefined) continue;
      const file = join(programDir, name);
      const stream = readStreamFile(file, company, program, issues);
      for (const { event, line } of stream.entries) {
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
    }
  }
  if (issues.length > 0) throw new LogError(issues);
  streams.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  return { dir, streams };
}

/** Names of the folders (or files) right inside `dir`, sorted; links and other entries are skipped. */
function entriesOf(dir: string, kind: "directory" | "file"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => (kind === "directory" ? entry.isDirectory() : entry.isFile()))
    .map((entry) => entry.name)
    .sort();
}

function readStreamFile(
  file: string,
  company: string,
  program: string,
  issues: LogIssue[],
): StreamLog {
  const stream = `${company}/${program}`;
  for (const [part, value] of [
    ["program folder", program],
    ["company file name", company],
  ] as const) {
    if (!SlugSchema.safeParse(value).success) {
      issues.push({
        file,
        message: `${part} "${value}" must be a lowercase slug such as xiaomi or dod-1237`,
      });
    }
  }
  const entries: LogEntry[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  let expectedSeq = 1;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") {
      issues.push({ file, line, message: "empty line: every line must hold one event" });
      return;
    }
    const parsed = parseEventLine(text, file, line);
    const seqHere = expectedSeq++;
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return;
    }
    const { event } = parsed;
    if (event.stream !== stream) {
      issues.push({
        file,
        line,
        field: "stream",
        message: `"${event.stream}" does not match the file, which holds ${stream}`,
      });
    }
    if (event.seq !== seqHere) {
      issues.push({
        file,
        line,
        field: "seq",
        message: `is ${event.seq}, expected ${seqHere}: seq counts the stream's events from 1 without gaps`,
      });
    }
    const target =
      event.type === "Corrected"
        ? event.data.corrects
        : event.type === "Retracted"
          ? event.data.retracts
          : undefined;
    if (target !== undefined) {
      const field = event.type === "Corrected" ? "data.corrects" : "data.retracts";
      const fixed = entries.find((entry) => entry.event.id === target);
      if (fixed === undefined) {
        issues.push({
          file,
          line,
          field,
          message: `names ${target}, which is not an earlier event of ${stream}`,
        });
      } else if (fixed.event.type === "Corrected" || fixed.event.type === "Retracted") {
        issues.push({
          file,
          line,
          field,
          message: `names ${target}, a ${fixed.event.type}: correct the original event instead`,
        });
      }
    }
    entries.push({ event, line });
  });
  return { stream, company, program, file, entries };
}
