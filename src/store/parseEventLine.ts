import { type DesignationEvent, DesignationEventSchema } from "../domain/eventSchema.js";
import type { LogIssue } from "./logError.js";
import { zodIssueField } from "./zodIssueField.js";

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
      field: zodIssueField(issue, "(event)"),
      message: readable(issue.message),
    })),
  };
}

function readable(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return missing ? `is missing (expected ${missing[1]})` : message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
