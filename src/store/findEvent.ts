import { existsSync, statSync } from "node:fs";
import { lastLine } from "./lastLineHash.js";
import { readBoundedText } from "./readBoundedText.js";
import { allStreamFiles } from "./streamFiles.js";

/**
 * Where each event of the log stands (`file:line` by id), found by scanning the stream files'
 * text without parsing it: one pass over the log, however many ids a caller then looks up.
 *
 * @example
 * eventLines("events").get("xiaomi-dod-1237-0006"); // "events/dod-1237/xiaomi.jsonl:6"
 */
export function eventLines(dir: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const ids of idsOfFiles(dir)) {
    for (const [id, line] of ids) if (!lines.has(id)) lines.set(id, line);
  }
  return lines;
}

/**
 * Where an id stands in the log (`file:line`), looked up in each file's ids as they are now,
 * without gathering them all into one map: what an append asks of each new id.
 *
 * @example
 * const lineOf = idLocator("events"); lineOf("xiaomi-dod-1237-0006"); // "events/dod-1237/xiaomi.jsonl:6"
 */
export function idLocator(dir: string): (id: string) => string | undefined {
  const files = idsOfFiles(dir);
  return (id) => {
    for (const ids of files) {
      const line = ids.get(id);
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

function idsOfFiles(dir: string): Map<string, string>[] {
  if (!existsSync(dir)) return [];
  return allStreamFiles(dir).map(({ file }) => idsOfFile(file));
}

/**
 * The ids of one stream file with their `file:line`, read again only when the file changed (its
 * inode, size or times): a long-lived writer (the server) reads each file once, not at every
 * append. A file that only grew (same inode, and the line that ended it still ends where it
 * did, the trust `status` gives an unchanged file) has only its new lines read.
 */
function idsOfFile(file: string): Map<string, string> {
  const stat = statSync(file, { throwIfNoEntry: false });
  const version = stat && `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const known = fileIds.get(file);
  if (known !== undefined && known.version === version) return known.ids;
  if (stat === undefined) {
    fileIds.delete(file);
    return new Map();
  }
  const grown =
    known !== undefined &&
    known.ino === stat.ino &&
    known.size > 0 &&
    stat.size > known.size &&
    known.lastLine !== undefined &&
    lastLine(file, known.size) === known.lastLine;
  const ids = grown ? known.ids : new Map<string, string>();
  const from = grown ? { offset: known.size, line: known.lines + 1 } : { offset: 0, line: 1 };
  const text = readBoundedText(file, undefined, from);
  const lines = text.split("\n");
  lines.forEach((text, index) => {
    const id = ENVELOPE_ID.exec(text)?.[1];
    if (id !== undefined && !ids.has(id)) ids.set(id, `${file}:${from.line + index}`);
  });
  fileIds.set(file, {
    version: version as string,
    ino: stat.ino,
    // What was read, which a writer may have made longer than the size stat gave.
    size: from.offset + Buffer.byteLength(text),
    lines: from.line - 1 + lines.length - 1,
    // Undefined when the text ends in a torn line: the next read is then a whole one.
    lastLine: text.endsWith("\n") ? lines.at(-2) : undefined,
    ids,
  });
  return ids;
}

/** What was read of a file: its version, and where its last complete line ended. */
const fileIds = new Map<
  string,
  {
    version: string;
    ino: number;
    size: number;
    lines: number;
    lastLine: string | undefined;
    ids: Map<string, string>;
  }
>();

/** The first "id" of a line: the envelope's (data and sources are strict objects without one). */
const ENVELOPE_ID = /"id"\s*:\s*"([A-Za-z0-9._-]*)"/;

/**
 * The stream file and line of the event with this id, with its program and company.
 *
 * @example
 * locateEvent("events", "xiaomi-dod-1237-0006"); // { file: "events/dod-1237/xiaomi.jsonl", line: 6, ... }
 */
export function locateEvent(
  dir: string,
  id: string,
): { file: string; line: number; program: string; company: string } | undefined {
  if (!existsSync(dir)) return undefined;
  // Only the envelope has an "id" key (data and sources are strict objects without one).
  const needle = new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`);
  for (const { file, program, company } of allStreamFiles(dir)) {
    const lines = readBoundedText(file).split("\n");
    const index = lines.findIndex((line) => needle.test(line));
    if (index >= 0) return { file, line: index + 1, program, company };
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
