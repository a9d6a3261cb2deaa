import type { IsoDate } from "../domain/isoDate.js";
import type { ScreenAction } from "../domain/screenActions.js";
import { toCsv } from "../export/csvExport.js";
import { screenAnswer } from "../report/screenAnswer.js";
import {
  screenCsvColumns,
  screenCsvErrorRow,
  screenCsvRow,
  screenErrorJson,
  type ScreenedRow,
  screenRowJson,
  type ScreenSummary,
  screenTableErrorRow,
  screenTableHeader,
  screenTableRow,
  ScreenTally,
} from "../report/screenOutput.js";
import type { LogIssue } from "../store/logError.js";
import type { ScreenRecord } from "./screenRecord.js";
import {
  type ScreenColumns,
  type ScreenInputFormat,
  type ScreenItem,
  screenRows,
  type ScreenSource,
} from "./screenInput.js";

/** The forms a screen's answer takes. */
export type ScreenOutputFormat = "csv" | "jsonl" | "json" | "table";

/** What to screen, and how to answer. */
export interface ScreenRequest {
  source: ScreenSource;
  inputFormat: ScreenInputFormat;
  columns?: ScreenColumns;
  /** The date of rows that give none. */
  at: IsoDate;
  /** The action of rows that give none. */
  action?: ScreenAction;
  /** Also answer as known on each row's date (`--known-at-trade`). */
  knownThen?: boolean;
  format: ScreenOutputFormat;
  /** CSV cells exactly as they are (no formula neutralising). */
  raw?: boolean;
}

/** What a screen found: the summary, and the problems of the rows it could not screen. */
export interface ScreenResult {
  summary: ScreenSummary;
  issues: LogIssue[];
}

/** CSV rows are turned into text this many at a time. */
const CSV_BATCH = 500;
/** The most row problems a result keeps (the summary counts them all). */
const MAX_ISSUES = 1_000;

/**
 * Screens a file of rows against the record, streaming: each row read (`screenRows`) is matched,
 * answered (`screenAnswer`) and handed to `write` as text in the answer's format (CSV: the file's
 * columns and the answer's; JSON Lines: one object per row; JSON: `{"rows": [...], "summary"}`;
 * a table of fixed widths for a terminal, each row's reason below it),
 * so memory does not grow with the rows. A row that cannot be screened is answered in its place
 * as an error and its problem returned; the other rows are still screened.
 *
 * @example
 * const { summary } = screenFile(record, { source: { file: "examples/blotter.csv" }, inputFormat: "csv", at: "2026-11-30", format: "csv" }, (text) => process.stdout.write(text));
 */
export function screenFile(
  record: ScreenRecord,
  request: ScreenRequest,
  write: (text: string) => void,
  onRead?: (bytes: number) => void,
): ScreenResult {
  const knownThen = request.knownThen === true;
  const tally = new ScreenTally(knownThen);
  const issues: LogIssue[] = [];
  const output = outputFor(request, write);
  const defaults = { at: request.at, ...(request.action ? { action: request.action } : {}) };
  const rows = screenRows(
    request.source,
    request.inputFormat,
    request.columns ?? {},
    defaults,
    onRead,
  );
  for (const item of rows) {
    if (item.row === undefined) {
      tally.addError();
      if (issues.length < MAX_ISSUES) issues.push(item.issue);
      output.error(item);
      continue;
    }
    const { row } = item;
    const match = record.match(row.name);
    const answer = screenAnswer(record, match, row, { knownThen });
    const screened: ScreenedRow = { ...row, answer };
    tally.add(screened);
    output.row(screened);
  }
  const summary = tally.summary();
  output.end(summary);
  return { summary, issues };
}

interface ScreenOutput {
  row(screened: ScreenedRow): void;
  error(item: Extract<ScreenItem, { issue: LogIssue }>): void;
  end(summary: ScreenSummary): void;
}

function outputFor(request: ScreenRequest, write: (text: string) => void): ScreenOutput {
  const knownThen = request.knownThen === true;
  if (request.format === "csv") return csvOutput(write, knownThen, request.raw === true);
  if (request.format === "table") {
    let started = false;
    const start = () => {
      if (!started) write(`${screenTableHeader(knownThen)}\n`);
      started = true;
    };
    return {
      row: (screened) => {
        start();
        write(`${screenTableRow(screened, knownThen)}\n`);
      },
      error: (item) => {
        start();
        write(`${screenTableErrorRow(item.number, item.issue)}\n`);
      },
      end: start,
    };
  }
  const json = request.format === "json";
  let first = true;
  // Every part ends a line: `{"rows":[` and the first row, `,` and each next one, then the end.
  const line = (value: unknown) => {
    const text = JSON.stringify(value);
    write(json ? `${first ? '{"rows":[\n' : ","}${text}\n` : `${text}\n`);
    first = false;
  };
  return {
    row: (screened) => line(screenRowJson(screened)),
    error: (item) => line(screenErrorJson(item.number, item.issue)),
    end: (summary) => {
      if (json) write(`${first ? '{"rows":[' : ""}],"summary":${JSON.stringify(summary)}}\n`);
    },
  };
}

/**
 * The CSV answer: its header once the file's columns are known (from the first row that has
 * them), then rows in batches.
 */
function csvOutput(write: (text: string) => void, knownThen: boolean, raw: boolean): ScreenOutput {
  let input: string[] | undefined;
  let columns: string[] = [];
  let batch: string[][] = [];
  const waiting: Extract<ScreenItem, { issue: LogIssue }>[] = [];
  const flush = (header: boolean) => {
    if (batch.length === 0 && !header) return;
    const rows = batch.map((cells) =>
      Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])),
    );
    write(toCsv(rows, columns, { header, raw }));
    batch = [];
  };
  const start = (fields: Record<string, string> | undefined) => {
    if (input !== undefined) return;
    input = Object.keys(fields ?? {});
    columns = screenCsvColumns(input, knownThen);
    for (const item of waiting.splice(0)) batch.push(errorCells(item));
    flush(true);
  };
  const errorCells = (item: Extract<ScreenItem, { issue: LogIssue }>) =>
    screenCsvErrorRow(input ?? [], item.fields ?? {}, item.issue, knownThen);
  return {
    row: (screened) => {
      start(screened.fields);
      batch.push(screenCsvRow(input ?? [], screened, knownThen));
      if (batch.length >= CSV_BATCH) flush(false);
    },
    error: (item) => {
      if (input === undefined && item.fields === undefined) waiting.push(item);
      else {
        start(item.fields);
        batch.push(errorCells(item));
      }
    },
    end: () => {
      start(undefined);
      flush(false);
    },
  };
}
