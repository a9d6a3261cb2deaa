import { existsSync } from "node:fs";
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
  if (!existsSync(dir)) return lines;
  for (const { file } of allStreamFiles(dir)) {
    readBoundedText(file)
      .split("\n")
      .forEach((text, index) => {
        const id = ENVELOPE_ID.exec(text)?.[1];
        if (id !== undefined && !lines.has(id)) lines.set(id, `${file}:${index + 1}`);
      });
  }
  return lines;
}

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
