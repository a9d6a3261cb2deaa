import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { z } from "zod";
import { EVENT_TYPES } from "../domain/eventTypes.js";
import { AppendRejectedError } from "../store/appendErrors.js";
import { eventContent } from "../store/eventContent.js";
import { type AppendResult, appendEvents, type EventDraft } from "./appendEvents.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { readBoundedText } from "../store/readBoundedText.js";
import { zodIssueField } from "../store/zodIssueField.js";

const SUBJECT = "the import file";

/** One line of an import file: an event as its author writes it, before the log adds to it. */
const DraftSchema = z.strictObject({
  company: z.string(),
  program: z.string(),
  type: z.enum(EVENT_TYPES),
  effective: z.string(),
  known: z.string().optional(),
  precision: z.enum(["day", "month"]).optional(),
  data: z.record(z.string(), z.unknown()),
  sources: z.array(z.strictObject({ publisher: z.string(), title: z.string(), url: z.string() })),
  confidence: z.enum(["high", "medium", "low"]),
  id: z.string().optional(),
  /** The company's full name, for its registry entry when it has none yet. */
  companyName: z.string().optional(),
});

/**
 * Appends every draft of a JSONL file (one event a line, in the order to append) through
 * `appendEvents`, the code path of `append`. Everything is checked first, stream by stream, as
 * the append would check it; only if every line passes is anything written. Throws `LogError`
 * naming the import file's line and field.
 *
 * A line without an `id` gets one derived from what it says (`contentId`), so importing the same
 * file again finds its events already in the log (outcome `existing`) and writes only the rest:
 * an import cut short (killed, a full disk) completes when run again.
 *
 * @example
 * importDrafts("events", "new-case.jsonl"); // [{ outcome: "appended", event, file, line }, ...]
 */
export function importDrafts(
  dir: string,
  importFile: string,
  options: { beforeWrite?: (lines: readonly DraftLine[]) => void } = {},
): AppendResult[] {
  const batches = readDrafts(importFile);
  // First a dry run of every stream, then the writes: one bad line and nothing is written.
  for (const dryRun of [true, false]) {
    if (!dryRun) options.beforeWrite?.([...batches.values()].flat());
    const results: AppendResult[] = [];
    for (const batch of batches.values()) {
      try {
        results.push(
          ...appendEvents(
            dir,
            batch.map((entry) => entry.draft),
            { dryRun },
          ),
        );
      } catch (error) {
        if (!(error instanceof AppendRejectedError)) throw error;
        const line = batch[error.draftIndex ?? batch.length - 1]?.line;
        const issue = { file: importFile, line, field: error.field, message: error.reason };
        throw new LogError([issue], SUBJECT);
      }
    }
    if (!dryRun) return results;
  }
  return [];
}

/** A line of the import file: the draft, and the company's full name when the line gives it. */
export interface DraftLine {
  draft: EventDraft;
  line: number;
  companyName?: string;
}

/** The drafts grouped by stream, in file order. */
function readDrafts(importFile: string): Map<string, DraftLine[]> {
  const issues: LogIssue[] = [];
  const batches = new Map<string, DraftLine[]>();
  if (!existsSync(importFile))
    throw new LogError([{ file: importFile, message: "no such file" }], SUBJECT);
  const lines = readBoundedText(importFile, SUBJECT).split("\n");
  const idLines = new Map<string, number>();
  // How many lines of each stream so far had the same content, to tell identical lines apart.
  const occurrences = new Map<string, number>();
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      issues.push({
        file: importFile,
        line,
        message: `malformed JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    const parsed = DraftSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          file: importFile,
          line,
          field: zodIssueField(issue),
          message: issue.message,
        });
      }
      return;
    }
    const { id } = parsed.data;
    if (id !== undefined) {
      const first = idLines.get(id);
      if (first !== undefined) {
        issues.push({
          file: importFile,
          line,
          field: "id",
          message: `${id} is also the id of line ${first}`,
        });
        return;
      }
      idLines.set(id, line);
    }
    const stream = `${parsed.data.company}/${parsed.data.program}`;
    const batch = batches.get(stream) ?? [];
    const { companyName, ...draft } = parsed.data;
    if (draft.id === undefined) {
      const content = eventContent(draft);
      const key = `${stream}\n${content}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      draft.id = contentId(draft.company, draft.program, content, occurrence);
    }
    batch.push({ draft, line, ...(companyName === undefined ? {} : { companyName }) });
    batches.set(stream, batch);
  });
  if (issues.length > 0) throw new LogError(issues, SUBJECT);
  return batches;
}

/**
 * The id of an import line that has none: `<company>-<program>-<12 hex digits>`, the start of the
 * SHA-256 of its content (`eventContent`), a newline and its occurrence (1 for the first line of
 * its stream in the file with that content, 2 for the next one, ...). The same file gives the
 * same ids every time it is imported.
 *
 * @example
 * contentId("acme", "dod-1260h", eventContent(draft), 1); // "acme-dod-1260h-" and 12 hex digits
 */
export function contentId(
  company: string,
  program: string,
  content: string,
  occurrence: number,
): string {
  const digest = createHash("sha256").update(`${content}\n${occurrence}`, "utf8").digest("hex");
  return `${company}-${program}-${digest.slice(0, 12)}`;
}
