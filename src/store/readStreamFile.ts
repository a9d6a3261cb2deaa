import { existsSync } from "node:fs";
import { SlugSchema } from "../domain/eventSchema.js";
import { GENESIS, lineHash } from "./integrityChain.js";
import type { LogIssue } from "./logError.js";
import { parseEventLine } from "./parseEventLine.js";
import { LineTooLongError, readBoundedText } from "./readBoundedText.js";
import { streamTypeProblem } from "../domain/editionStream.js";
import { correctionTargetProblem } from "../domain/corrections/correctionTarget.js";
import type { DesignationEvent } from "../domain/eventSchema.js";
import type { LogEntry, StreamLog } from "./streamLog.js";

/**
 * Reads one stream file `<program>/<company>.jsonl` and checks every line: JSON, schema,
 * `stream`, `seq` order, the integrity chain (`prev`), and that corrections name an earlier event.
 * A last line without its newline (a torn write) is reported, never used or completed. A missing
 * file is an empty stream. Problems are pushed onto `issues`; the lines that read well are returned.
 *
 * @example
 * const issues: LogIssue[] = [];
 * const stream = readStreamFile("events/dod-1237/xiaomi.jsonl", "xiaomi", "dod-1237", issues);
 */
export function readStreamFile(
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
  let content: string;
  try {
    content = existsSync(file) ? readBoundedText(file) : "";
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error;
    issues.push(...error.issues);
    return { stream, company, program, file, entries: [], head: GENESIS, size: 0 };
  }
  const lines = content.split("\n");
  const tornLine = lines.pop() ?? "";
  const crlf = lines.findIndex((text) => text.endsWith("\r"));
  if (crlf >= 0) {
    issues.push({
      file,
      line: crlf + 1,
      message:
        "the line ends with CR LF (Windows line endings); the log's lines end with LF alone, and each line's hash is of its bytes. Check the file out again with LF endings (the repository's .gitattributes asks for them) or convert it (dos2unix)",
    });
    // Read on as the lines were written, so that only the line endings are reported.
    lines.forEach((text, index) => {
      if (text.endsWith("\r")) lines[index] = text.slice(0, -1);
    });
  }
  if (tornLine !== "") {
    const keep = Buffer.byteLength(content, "utf8") - Buffer.byteLength(tornLine, "utf8");
    issues.push({
      file,
      line: lines.length + 1,
      message: `torn last line: it has no newline at its end, the trace of an interrupted write. Remove it (truncate -s ${keep} '${file}') and append that event again`,
    });
  }
  const entries: LogEntry[] = [];
  const byId = new Map<string, DesignationEvent>();
  const lineOf = new Map<string, number>();
  let expectedSeq = 1;
  let previousLine: string | undefined;
  let previousLineNumber = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") {
      issues.push({ file, line, message: "empty line: every line must hold one event" });
      return;
    }
    const expectedPrev = previousLine === undefined ? GENESIS : lineHash(previousLine);
    const chainedTo = previousLineNumber;
    previousLine = text;
    previousLineNumber = line;
    const seqHere = expectedSeq++;
    const parsed = parseEventLine(text, file, line);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return;
    }
    const { event } = parsed;
    const problem = (field: string, message: string) => issues.push({ file, line, field, message });
    if (event.prev !== expectedPrev) {
      problem(
        "prev",
        chainedTo === 0
          ? "the first line's prev must be 64 zeros: lines were removed or moved before it"
          : `does not match the hash of line ${chainedTo}: a line before it was changed, removed or moved`,
      );
    }
    if (event.stream !== stream) {
      problem("stream", `"${event.stream}" does not match the file, which holds ${stream}`);
    }
    const misplaced = streamTypeProblem(stream, event.type);
    if (misplaced !== undefined) problem("type", misplaced);
    if (event.seq !== seqHere) {
      problem(
        "seq",
        `is ${event.seq}, expected ${seqHere}: seq counts the stream's events from 1 without gaps`,
      );
    }
    const earlier = lineOf.get(event.id);
    if (earlier !== undefined) {
      problem("id", `duplicate id ${event.id}, first used at ${file}:${earlier}`);
    }
    const target = correctionTargetProblem(event, byId);
    if (target !== undefined) problem(target.field, target.message);
    const entry = { event, line };
    entries.push(entry);
    if (earlier === undefined) {
      byId.set(event.id, event);
      lineOf.set(event.id, line);
    }
  });
  const head = previousLine === undefined ? GENESIS : lineHash(previousLine);
  return { stream, company, program, file, entries, head, size: Buffer.byteLength(content) };
}
