import { closeSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse";
import { grouped, LIMITS } from "../domain/limits.js";
import { type IsoDate, isoDateProblem } from "../domain/isoDate.js";
import { type ScreenAction, screenActionOf, SCREEN_ACTIONS } from "../domain/screenActions.js";
import type { ScreenRow } from "../domain/screenRow.js";
import type { LogIssue } from "../store/logError.js";
import { RequestFileError } from "./requestFile.js";

/** The formats a screened file may have. */
export type ScreenInputFormat = "csv" | "jsonl";

/** Which column holds what; a name given here wins over the header's guess. */
export interface ScreenColumns {
  name?: string;
  id?: string;
  date?: string;
  action?: string;
}

/** A row read, or why it could not be: the file, line and field. */
export type ScreenItem =
  | { row: ScreenRow }
  | { row?: undefined; number: number; issue: LogIssue; fields?: Record<string, string> };

/** Header names (lowercase, spaces for `_` and `-`) each column is guessed from, in preference. */
const GUESSES: Readonly<Record<keyof ScreenColumns, readonly string[]>> = {
  id: ["company id", "registry id", "designations id", "id"],
  name: [
    "name",
    "company",
    "company name",
    "issuer",
    "issuer name",
    "security",
    "security name",
    "security description",
    "description",
    "entity",
    "counterparty",
    "vendor",
    "supplier",
    "holding",
    "instrument",
  ],
  date: [
    "date",
    "trade date",
    "contract date",
    "award date",
    "transaction date",
    "as of",
    "as of date",
    "value date",
  ],
  action: ["action", "side", "buy sell", "transaction type", "activity"],
};

/** Read and parsed 64 KiB at a time: the records of a chunk die young, so the garbage collector keeps little. */
const CHUNK = 1 << 16;
const EDGE_LINE_ENDS = /^[\r\n]+|[\r\n]+$/g;

/** Where a screened file comes from: a path read in chunks, or the text of a request. */
export type ScreenSource = { file: string; text?: undefined } | { file: string; text: string };

/**
 * The rows of a screened file, one at a time: CSV (RFC 4180, by `csv-parse`, header first) or
 * JSON Lines (one object per line), read in chunks so that a file of any length takes bounded
 * memory. Columns are found by the header's names (`GUESSES`) unless `columns` names them. A
 * row's problem (no name, a bad date or action, a malformed JSON line) is yielded as an issue
 * naming the file, line and field, and the rows after it are still read; a file that cannot be
 * read as the format at all (an unclosed quote, no column naming the company) is a
 * `RequestFileError`.
 *
 * @example
 * for (const item of screenRows({ file: "examples/blotter.csv" }, "csv", {}, { at: "2026-11-30" })) ...
 */
export function* screenRows(
  source: ScreenSource,
  format: ScreenInputFormat,
  columns: ScreenColumns,
  defaults: { at: IsoDate; action?: ScreenAction },
  onRead: (bytes: number) => void = () => undefined,
): Generator<ScreenItem> {
  const records = format === "csv" ? csvRecords(source, onRead) : jsonRecords(source, onRead);
  let header: string[] | undefined;
  let chosen: ScreenColumns | undefined;
  let jsonColumns: { signature: string; columns: ScreenColumns } | undefined;
  let number = 0;
  const actionWords = new Map<string, ScreenAction | undefined>();
  for (const record of records) {
    if ("issue" in record) {
      number += 1;
      yield { number, issue: record.issue };
      continue;
    }
    const cells = record.cells;
    if (cells !== undefined && header === undefined) {
      header = cells.map((cell) => cell.trim());
      chosen = chooseColumns(header, columns, source.file);
      continue;
    }
    number += 1;
    const fields = cells === undefined ? (record.fields as Record<string, string>) : {};
    if (cells !== undefined) {
      const names = header ?? [];
      for (let index = 0; index < names.length; index++) {
        fields[names[index] as string] = cells[index] ?? "";
      }
    }
    const where = { file: source.file, line: record.line, number };
    if (cells !== undefined) {
      const item = rowOf(fields, chosen as ScreenColumns, where, defaults, actionWords);
      if (item.row !== undefined && cells.length === header?.length) item.row.raw = record.raw;
      yield item;
      continue;
    }
    // A JSON line's fields are its own: its columns are found anew when its keys differ.
    const keys = Object.keys(fields);
    const signature = keys.join("\0");
    if (jsonColumns?.signature !== signature) {
      try {
        jsonColumns = { signature, columns: chooseColumns(keys, columns, source.file) };
      } catch (error) {
        if (!(error instanceof RequestFileError)) throw error;
        jsonColumns = undefined;
        const issue = error.issues[0] as LogIssue;
        yield { number, issue: { ...issue, line: record.line }, fields };
        continue;
      }
    }
    yield rowOf(fields, jsonColumns.columns, where, defaults, actionWords);
  }
}

/** The most distinct action words a screen keeps what it read them as (they recur from row to row). */
const MAX_ACTION_WORDS = 1_000;

function remembered<T>(kept: Map<string, T>, text: string, read: (text: string) => T): T {
  const value = kept.get(text);
  if (value !== undefined || kept.has(text)) return value as T;
  if (kept.size >= MAX_ACTION_WORDS) kept.clear();
  const meant = read(text);
  kept.set(text, meant);
  return meant;
}

/** A row's cell in `column` (none: ""), without the spaces around it. */
function cellOf(fields: Record<string, string>, column: string | undefined): string {
  return column === undefined ? "" : (fields[column] ?? "").trim();
}

function problemOf(
  fields: Record<string, string>,
  where: { file: string; line: number; number: number },
  field: string,
  message: string,
): ScreenItem {
  return {
    number: where.number,
    issue: { file: where.file, line: where.line, field, message },
    fields,
  };
}

function rowOf(
  fields: Record<string, string>,
  columns: ScreenColumns,
  where: { file: string; line: number; number: number },
  defaults: { at: IsoDate; action?: ScreenAction },
  actionWords: Map<string, ScreenAction | undefined>,
): ScreenItem {
  const id = cellOf(fields, columns.id);
  const name = id !== "" ? id : cellOf(fields, columns.name);
  if (name === "") {
    return problemOf(
      fields,
      where,
      columns.name ?? columns.id ?? "name",
      "is empty: the row names no company",
    );
  }
  const dateText = cellOf(fields, columns.date);
  if (dateText !== "") {
    const wrong = isoDateProblem(dateText);
    if (wrong !== undefined) return problemOf(fields, where, columns.date as string, wrong);
  }
  const actionText = cellOf(fields, columns.action);
  const action =
    actionText === "" ? defaults.action : remembered(actionWords, actionText, screenActionOf);
  if (action === undefined && actionText !== "") {
    return problemOf(
      fields,
      where,
      columns.action as string,
      `"${actionText}" is not an action: give one of ${SCREEN_ACTIONS.join(", ")}`,
    );
  }
  return {
    row: {
      row: where.number,
      line: where.line,
      name,
      date: dateText === "" ? defaults.at : dateText,
      dateFrom: dateText === "" ? "default" : "row",
      // Always present (undefined: none), so that every row has one shape.
      action,
      fields,
    },
  };
}

/** The columns named by flags, else guessed from the header; the company's column is required. */
function chooseColumns(
  header: readonly string[],
  given: ScreenColumns,
  file: string,
): ScreenColumns {
  const key = (name: string) =>
    name
      .toLowerCase()
      .replace(/[\s_-]+/g, " ")
      .trim();
  const byKey = new Map(header.map((name) => [key(name), name]));
  const chosen: ScreenColumns = {};
  for (const column of ["name", "id", "date", "action"] as const) {
    const flag = given[column];
    if (flag !== undefined) {
      if (!header.includes(flag)) {
        throw new RequestFileError(
          [
            {
              file,
              line: 1,
              field: flag,
              message: `no such column; the header has ${header.join(", ")}`,
            },
          ],
          "the screened file",
        );
      }
      chosen[column] = flag;
      continue;
    }
    const found = GUESSES[column].map((guess) => byKey.get(guess)).find((name) => name);
    if (found !== undefined) chosen[column] = found;
  }
  if (chosen.name === undefined && chosen.id === undefined) {
    throw new RequestFileError(
      [
        {
          file,
          line: 1,
          message: `no column names the company (such as "name", "issuer" or "company"); the header has ${header.join(", ") || "nothing"}: give --name-column`,
        },
      ],
      "the screened file",
    );
  }
  return chosen;
}

type RawRecord =
  | { cells: string[]; line: number; raw: string; fields?: undefined }
  | { fields: Record<string, unknown>; line: number; cells?: undefined }
  | { issue: LogIssue };

/** The file's text in chunks of at most `CHUNK` bytes. */
function* chunksOf(source: ScreenSource, onRead: (bytes: number) => void): Generator<Buffer> {
  if (source.text !== undefined) {
    yield Buffer.from(source.text, "utf8");
    return;
  }
  const fd = openSync(source.file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0;) {
      onRead(read);
      yield Buffer.from(buffer.subarray(0, read));
      read = readSync(fd, buffer, 0, CHUNK, null);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The CSV's records as arrays of cells, with the line each ends on. csv-parse's parser is a
 * stream; written to and read from in turn, it parses each chunk as it is written.
 */
function* csvRecords(source: ScreenSource, onRead: (bytes: number) => void): Generator<RawRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    max_record_size: LIMITS.lineBytes,
  });
  let failure: unknown;
  parser.on("error", (error) => {
    failure = error;
  });
  const drain = function* (): Generator<RawRecord> {
    for (let next = parser.read(); next !== null; next = parser.read()) {
      const { record, info, raw } = next as {
        record: string[];
        info: { lines: number };
        raw: string;
      };
      // The record's text, without the line endings csv-parse leaves on either side of it.
      yield { cells: record, line: info.lines, raw: withoutEdgeLineEnds(raw) };
    }
    // csv-parse reports an error by destroying the stream: `errored` has it at once, the event later.
    const error = parser.errored ?? failure;
    if (error !== null && error !== undefined) throw csvError(source.file, error);
  };
  for (const chunk of chunksOf(source, onRead)) {
    parser.write(chunk);
    yield* drain();
  }
  parser.end();
  yield* drain();
}

function withoutEdgeLineEnds(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const edge = first === 10 || first === 13 || last === 10 || last === 13;
  return edge ? raw.replace(EDGE_LINE_ENDS, "") : raw;
}

function csvError(file: string, error: unknown): RequestFileError {
  const { message, lines } = error as { message?: string; lines?: number };
  const text = (message ?? String(error)).replace(/^Invalid Record Length: |^Invalid /, "");
  return new RequestFileError(
    [{ file, ...(lines === undefined ? {} : { line: lines }), message: `not CSV: ${text}` }],
    "the screened file",
  );
}

/** The JSON Lines file's objects, each with its line; a line that is not one is an issue. */
function* jsonRecords(source: ScreenSource, onRead: (bytes: number) => void): Generator<RawRecord> {
  let rest = "";
  let line = 0;
  const decoder = new TextDecoder("utf-8");
  const record = (text: string): RawRecord | undefined => {
    line += 1;
    if (text.trim() === "") return undefined;
    const issue = (message: string): RawRecord => ({ issue: { file: source.file, line, message } });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return issue(`malformed JSON: ${(error as Error).message}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return issue("is not a JSON object with the row's fields");
    }
    const fields = Object.fromEntries(
      Object.entries(value).map(([key, cell]) => [key, cell === null ? "" : String(cell)]),
    );
    return { fields, line };
  };
  for (const chunk of chunksOf(source, onRead)) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop() ?? "";
    if (Buffer.byteLength(rest) > LIMITS.lineBytes) {
      throw new RequestFileError(
        [
          {
            file: source.file,
            line: line + lines.length + 1,
            message: `a line is longer than ${grouped(LIMITS.lineBytes)} bytes`,
          },
        ],
        "the screened file",
      );
    }
    for (const text of lines) {
      const item = record(text);
      if (item !== undefined) yield item;
    }
  }
  const last = record(rest + decoder.decode());
  if (last !== undefined) yield last;
}
