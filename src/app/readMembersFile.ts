import { existsSync, statSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { type EditionMemberLine, EditionMemberSchema } from "../domain/editionMember.js";
import { sourceFromText } from "../domain/sourceText.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { readBoundedText } from "../store/readBoundedText.js";
import { zodIssueField } from "../store/zodIssueField.js";

const SUBJECT = "the members file";

/**
 * The members of a list edition, from a CSV file (a header row naming `name` and any of `id`,
 * `aliases`, `parent`, `source`) or, for any other extension, JSON lines. Every problem is
 * collected; throws `LogError` naming the file, line and field, and a name given twice.
 *
 * @example
 * readMembersFile("dod-1260h-2025.csv"); // [{ member: { name: "Huawei Technologies Co., Ltd.", aliases: [] }, line: 2 }, ...]
 */
export function readMembersFile(file: string): EditionMemberLine[] {
  if (!existsSync(file)) throw new LogError([{ file, message: "no such file" }], SUBJECT);
  if (statSync(file).isDirectory()) {
    throw new LogError([{ file, message: "is a folder, not a members file" }], SUBJECT);
  }
  const text = readBoundedText(file, SUBJECT);
  const issues: LogIssue[] = [];
  const rows = file.toLowerCase().endsWith(".csv")
    ? csvRows(file, text, issues)
    : jsonRows(file, text, issues);
  const members: EditionMemberLine[] = [];
  const seen = new Map<string, number>();
  for (const { value, line } of rows) {
    const parsed = EditionMemberSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ file, line, field: zodIssueField(issue, "(row)"), message: issue.message });
      }
      continue;
    }
    const key = parsed.data.id ?? parsed.data.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        file,
        line,
        field: "name",
        message: `names the member of line ${first} again`,
      });
      continue;
    }
    seen.set(key, line);
    members.push({ member: parsed.data, line });
  }
  if (issues.length > 0) throw new LogError(issues, SUBJECT);
  return members;
}

interface RawRow {
  value: unknown;
  line: number;
}

const CSV_COLUMNS = ["name", "id", "aliases", "parent", "source", "confidence"];

function csvRows(file: string, text: string, issues: LogIssue[]): RawRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    issues.push({ file, line, message: `malformed CSV: ${(error as Error).message}` });
    return [];
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((column) => !CSV_COLUMNS.includes(column));
  if (unknown.length > 0) {
    issues.push({
      file,
      line: 1,
      field: unknown[0],
      message: `unknown column (the columns are ${CSV_COLUMNS.join(", ")})`,
    });
    return [];
  }
  return records.map(({ record, info }) => {
    const value: Record<string, unknown> = { name: record.name ?? "" };
    if (record.id) value.id = record.id;
    if (record.parent) value.parent = record.parent;
    if (record.confidence) value.confidence = record.confidence;
    if (record.aliases) {
      value.aliases = record.aliases
        .split(";")
        .map((alias) => alias.trim())
        .filter((alias) => alias !== "");
    }
    if (record.source) {
      const source = sourceFromText(record.source, "list edition");
      if (typeof source === "string") {
        issues.push({ file, line: info.lines, field: "source", message: source });
      } else value.source = source;
    }
    return { value, line: info.lines };
  });
}

function jsonRows(file: string, text: string, issues: LogIssue[]): RawRow[] {
  const rows: RawRow[] = [];
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    try {
      rows.push({ value: JSON.parse(raw), line: index + 1 });
    } catch (error) {
      issues.push({
        file,
        line: index + 1,
        message: `malformed JSON: ${(error as Error).message}`,
      });
    }
  });
  return rows;
}
