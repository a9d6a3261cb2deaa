import type { IsoDate } from "../domain/isoDate.js";
import { RecentMap } from "../domain/recentMap.js";
import { SCREEN_ACTIONS, type ScreenAction } from "../domain/screenActions.js";
import { csvCellsText, csvRecords } from "../export/csvExport.js";
import { assessRow, type ScreenAssessment } from "../report/screenAnswer.js";
import {
  screenCsvColumns,
  screenCsvDiffersCell,
  screenCsvErrorRow,
  screenCsvMatchCells,
  screenCsvRow,
  screenCsvStandingCells,
  screenCsvVerdictCells,
  screenErrorJson,
  type ScreenedRow,
  screenRowJson,
  type ScreenSummary,
  screenTableErrorRow,
  screenTableHeader,
  screenTableRow,
  ScreenTally,
} from "../report/screenOutput.js";
import type { ScreenMatch } from "../query/screenMatch.js";
import type { LogIssue } from "../store/logError.js";
import type { ScreenRecord } from "./screenRecord.js";
import { Utf8Parts } from "./utf8Parts.js";
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

/** The CSV answer is written in parts of this many bytes. */
const CSV_PART = 1 << 16;
/** The most texts of each kind (see `AnswerFragments`) a screen keeps. */
const MAX_KEPT_TEXTS = 10_000;
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
  const assessing = { knownThen };
  for (const item of rows) {
    if (item.row === undefined) {
      tally.addError();
      if (issues.length < MAX_ISSUES) issues.push(item.issue);
      output.error(item);
      continue;
    }
    const { row } = item;
    const match = record.match(row.name);
    const screened = row as ScreenedRow;
    screened.assessed = assessRow(record, match, row, assessing);
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
 * them), then the rows, gathered as UTF-8 and written in parts of `CSV_PART` bytes. (The answer's
 * kept texts stay strings: kept as small Buffers, they held on to slabs of Node's buffer pool.)
 */
function csvOutput(write: (text: string) => void, knownThen: boolean, raw: boolean): ScreenOutput {
  let input: string[] | undefined;
  let columns: string[] = [];
  // A row the file wrote whole and harmless is its own text and the answer's kept pieces; any
  // other is made from its cells by csv-stringify.
  const parts = new Utf8Parts(CSV_PART, write);
  const fragments = new AnswerFragments(knownThen, raw);
  const waiting: Extract<ScreenItem, { issue: LogIssue }>[] = [];
  const cellsOf = (cells: string[]) => csvRecords([cells], { raw });
  const start = (fields: Record<string, string> | undefined) => {
    if (input !== undefined) return;
    input = Object.keys(fields ?? {});
    columns = screenCsvColumns(input, knownThen);
    parts.text(csvRecords([columns], { raw }));
    for (const item of waiting.splice(0)) parts.text(cellsOf(errorCells(item)));
  };
  const errorCells = (item: Extract<ScreenItem, { issue: LogIssue }>) =>
    screenCsvErrorRow(input ?? [], item.fields ?? {}, item.issue, knownThen);
  return {
    row: (screened) => {
      start(screened.fields);
      const text = screened.raw;
      if (text !== undefined && (raw || !FORMULA_CELL.test(text))) {
        parts.text(text);
        fragments.add(screened, parts);
      } else parts.text(cellsOf(screenCsvRow(input ?? [], screened, knownThen)));
    },
    error: (item) => {
      if (input === undefined && item.fields === undefined) waiting.push(item);
      else {
        start(item.fields);
        parts.text(cellsOf(errorCells(item)));
      }
    },
    end: () => {
      start(undefined);
      parts.flush();
    },
  };
}

/**
 * A cell that may start a spreadsheet formula (see `neutralised`): such a row is written from its
 * cells, neutralised, not as the file wrote it. (A comma inside a quoted cell may match too: that
 * row is then only written the slower way.)
 */
const FORMULA_CELL = /(?:^|,)"?[=+\-@\t\r]/;

/** The action cell of a row, with the comma before it. */
const ACTION_CELLS = new Map<ScreenAction | undefined, string>([
  [undefined, ","],
  ...SCREEN_ACTIONS.map((action): [ScreenAction, string] => [action, `,${action}`]),
]);

/** The answer's cells of an assessment as CSV, in the places a row puts them. */
interface AssessmentTexts {
  /** `,verdict,reason,`: after the file's cells, before the match's. */
  lead: string;
  /** `,lists,effects`: after the action. */
  standing: string;
  /** `,verdict,reason`: as the answer known then. */
  then: string;
}

/**
 * The answer's cells of CSV rows as CSV text, kept: the match's cells for each match, the
 * verdict's and the standing's for each assessment (see `assessRow`), so that rows of one company
 * on days of one stretch share them whatever name they give it; the row's date and action go
 * between. Each kind keeps those used lately (`RecentMap`, `MAX_KEPT_TEXTS` a generation).
 */
class AnswerFragments {
  private readonly matches = new RecentMap<ScreenMatch, string>(MAX_KEPT_TEXTS);
  private readonly assessments = new RecentMap<ScreenAssessment, AssessmentTexts>(MAX_KEPT_TEXTS);

  constructor(
    private readonly knownThen: boolean,
    private readonly raw: boolean,
  ) {}

  /** Adds the answer's part of the row's CSV line: from the comma after the file's cells to the line's end. */
  add(screened: ScreenedRow, parts: Utf8Parts): void {
    const { match, now, then } = screened.assessed;
    const texts = this.assessmentTexts(now);
    parts.text(texts.lead);
    parts.text(this.matchText(match));
    // The date is a plain YYYY-MM-DD cell and the action a plain word: nothing to quote.
    parts.text(screened.date);
    parts.text(ACTION_CELLS.get(screened.action) as string);
    parts.text(texts.standing);
    if (this.knownThen) {
      parts.text(then === undefined ? ",," : this.assessmentTexts(then).then);
      parts.text(screenCsvDiffersCell(now, then) === "true" ? ",true" : ",false");
    }
    parts.text("\r\n");
  }

  private matchText(match: ScreenMatch): string {
    let text = this.matches.get(match);
    if (text === undefined) {
      text = `${this.csv(screenCsvMatchCells(match))},`;
      this.matches.set(match, text);
    }
    return text;
  }

  private assessmentTexts(assessment: ScreenAssessment): AssessmentTexts {
    let texts = this.assessments.get(assessment);
    if (texts === undefined) {
      const verdict = this.csv(screenCsvVerdictCells(assessment));
      texts = {
        lead: `,${verdict},`,
        standing: `,${this.csv(screenCsvStandingCells(assessment))}`,
        then: `,${verdict}`,
      };
      this.assessments.set(assessment, texts);
    }
    return texts;
  }

  private csv(cells: string[]): string {
    return csvCellsText(cells, { raw: this.raw });
  }
}
