import { existsSync } from "node:fs";
import { readBoundedText } from "./readBoundedText.js";
import { allStreamFiles } from "./streamFiles.js";

/**
 * Where the event with this id stands (`file:line`), found by scanning the stream files' text
 * without parsing them; `undefined` when no line of the log has it.
 *
 * @example
 * findEventLine("events", "xiaomi-dod-1237-0006"); // "events/dod-1237/xiaomi.jsonl:6"
 */
export function findEventLine(dir: string, id: string): string | undefined {
  const located = locateEvent(dir, id);
  return located && `${located.file}:${located.line}`;
}

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
