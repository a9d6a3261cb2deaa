import { type DesignationEvent, DesignationEventSchema } from "../domain/eventSchema.js";
import type { LogIssue } from "./logError.js";

export type ParsedLine = { ok: true; event: DesignationEvent } | { ok: false; issues: LogIssue[] };

/**
 * Parses and validates one line of a log file against the event schema.
 *
 * @example
 * parseEventLine("{", "events/dod-1237/xiaomi.jsonl", 1);
 * // { ok: false, issues: [{ file, line: 1, message: "malformed JSON: ..." }] }
 */
export function parseEventLine(text: string, file: string, line: number): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ file, line, message: `malformed JSON: ${messageOf(error)}` }] };
  }
  const result = DesignationEventSchema.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      file,
      line,
      field: fieldOf(issue.path, "keys" in issue ? issue.keys : undefined),
      message: readable(issue.message),
    })),
  };
}

function fieldOf(path: readonly PropertyKey[], unknownKeys: readonly string[] | undefined): string {
  const parts = path.map(String);
  // An unknown key is reported on its parent object: name the key itself.
  if (unknownKeys?.length === 1 && unknownKeys[0] !== undefined) parts.push(unknownKeys[0]);
  return parts.length === 0 ? "(event)" : parts.join(".");
}

function readable(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return missing ? `is missing (expected ${missing[1]})` : message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
