import { existsSync, statSync } from "node:fs";
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
 * append.
 */
function idsOfFile(file: string): Map<string, string> {
  const stat = statSync(file, { throwIfNoEntry: false });
  const version = stat && `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const known = fileIds.get(file);
  if (known !== undefined && known.version === version) return known.ids;
  const ids = new Map<string, string>();
  readBoundedText(file)
    .split("\n")
    .forEach((text, index) => {
      const id = ENVELOPE_ID.exec(text)?.[1];
      if (id !== undefined && !ids.has(id)) ids.set(id, `${file}:${index + 1}`);
    });
  if (version !== undefined) fileIds.set(file, { version, ids });
  return ids;
}

const fileIds = new Map<string, { version: string; ids: Map<string, string> }>();

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
