import type { ScreenRow } from "../domain/screenRow.js";
import type { ScreenMatch } from "../query/screenMatch.js";
import {
  type AssessedRow,
  answerOf,
  type ScreenAssessment,
  type ScreenVerdict,
} from "./screenAnswer.js";

/** Why a row could not be screened: its line and field (a `LogIssue` of the file). */
export interface RowIssue {
  line?: number;
  field?: string;
  message: string;
}

/** A screened row as the answer gives it: the row read, and its answer. */
export interface ScreenedRow extends ScreenRow {
  /** The row's answer, as kept (see `assessRow`; `answerOf` makes the whole answer of it). */
  assessed: AssessedRow;
}

/**
 * A screened row as `screen --format jsonl` prints it (and `POST /screen` answers it).
 *
 * @example
 * screenRowJson(screened); // { row: 1, line: 2, name: "XIAOMI CORP-CLASS B", verdict: "review", ... }
 */
export function screenRowJson(screened: ScreenedRow) {
  const answer = answerOf(screened.assessed);
  return {
    row: screened.row,
    line: screened.line,
    name: screened.name,
    date: screened.date,
    dateFrom: screened.dateFrom,
    action: screened.action ?? null,
    verdict: answer.verdict,
    reason: answer.reason,
    match: {
      how: answer.match.how,
      certain: answer.match.certain,
      company: answer.match.company ?? null,
      ...(answer.match.read === undefined ? {} : { read: answer.match.read }),
      candidates: answer.match.candidates,
    },
    ...assessmentJson(answer),
    ...(answer.knownThen === undefined
      ? {}
      : {
          knownThen: {
            verdict: answer.knownThen.verdict,
            reason: answer.knownThen.reason,
            ...assessmentJson(answer.knownThen),
            differs: answer.knownThen.differs,
          },
        }),
    input: screened.fields,
  };
}

function assessmentJson(assessment: ScreenAssessment) {
  return {
    lists: assessment.lists,
    effects: assessment.effects,
    ...(assessment.related === undefined ? {} : { related: assessment.related }),
  };
}

/**
 * A row that could not be screened, as the JSON forms give it, in its place among the others.
 *
 * @example
 * screenErrorJson(4, { file: "blotter.csv", line: 5, field: "trade_date", message: "..." });
 */
export function screenErrorJson(row: number, issue: RowIssue) {
  return {
    row,
    line: issue.line ?? null,
    verdict: "error" as const,
    error: { ...(issue.field === undefined ? {} : { field: issue.field }), message: issue.message },
  };
}

/** The columns `screen` adds to the file's own in its CSV answer. */
const ANSWER_COLUMNS = [
  "verdict",
  "reason",
  "company_id",
  "company_name",
  "match",
  "match_score",
  "candidates",
  "date_screened",
  "action_screened",
  "lists",
  "effects",
] as const;
const KNOWN_THEN_COLUMNS = ["verdict_known_then", "reason_known_then", "differs"] as const;

/**
 * The CSV answer's header: the file's columns as they are, then the answer's (each prefixed with
 * `screen_` should the file already have a column of that name).
 *
 * @example
 * screenCsvColumns(["security", "trade_date"], false); // ["security", "trade_date", "verdict", "reason", ...]
 */
export function screenCsvColumns(input: readonly string[], knownThen: boolean): string[] {
  const added: string[] = [...ANSWER_COLUMNS, ...(knownThen ? KNOWN_THEN_COLUMNS : [])];
  const clash = added.some((column) => input.includes(column));
  return [...input, ...added.map((column) => (clash ? `screen_${column}` : column))];
}

/**
 * One row of the CSV answer, cells in the order of `screenCsvColumns`.
 *
 * @example
 * screenCsvRow(["security"], screened, false); // ["XIAOMI CORP-CLASS B", "review", "...", "xiaomi", ...]
 */
export function screenCsvRow(
  input: readonly string[],
  screened: ScreenedRow,
  knownThen: boolean,
): string[] {
  return [
    ...input.map((column) => screened.fields[column] ?? ""),
    ...screenCsvAnswerCells(screened, knownThen),
  ];
}

/**
 * The answer's cells of a CSV row (those `screenCsvRow` puts after the file's own).
 *
 * @example
 * screenCsvAnswerCells(screened, false); // ["review", "...", "xiaomi", ...]
 */
export function screenCsvAnswerCells(screened: ScreenedRow, knownThen: boolean): string[] {
  const { match, now, then } = screened.assessed;
  const cells = [
    ...screenCsvVerdictCells(now),
    ...screenCsvMatchCells(match),
    screened.date,
    screened.action ?? "",
    ...screenCsvStandingCells(now),
  ];
  if (!knownThen) return cells;
  return [
    ...cells,
    ...(then === undefined ? ["", ""] : screenCsvVerdictCells(then)),
    screenCsvDiffersCell(now, then),
  ];
}

/**
 * The CSV answer's cells that an assessment decides before the match: verdict and reason.
 *
 * @example
 * screenCsvVerdictCells(assessment); // ["review", "..."]
 */
export function screenCsvVerdictCells(assessment: ScreenAssessment): [string, string] {
  return [assessment.verdict, assessment.reason];
}

/**
 * The CSV answer's cells of a match: company id and name, how it matched, its score, the
 * other candidates.
 *
 * @example
 * screenCsvMatchCells(match); // ["xiaomi", "Xiaomi Corporation", "alias", "0", ""]
 */
export function screenCsvMatchCells(match: ScreenMatch): string[] {
  const company = match.company;
  return [
    company?.id ?? "",
    company?.name ?? "",
    match.how === "none" ? "none" : `${match.how}${match.certain ? "" : " (uncertain)"}`,
    company === undefined ? "" : String(company.score),
    match.candidates.map((c) => `${c.id} (${c.score})`).join("; "),
  ];
}

/**
 * The CSV answer's cells of an assessment after the row's action: the lists and the effects.
 *
 * @example
 * screenCsvStandingCells(assessment); // ["ns-cmic: listed since 2021-06-03", "ns-cmic: purchase-ban in force from ..."]
 */
export function screenCsvStandingCells(assessment: ScreenAssessment): [string, string] {
  return [listsText(assessment), effectsText(assessment)];
}

/**
 * The CSV answer's `differs` cell: whether the verdict as known then differs from today's.
 *
 * @example
 * screenCsvDiffersCell(now, then); // "false"
 */
export function screenCsvDiffersCell(
  now: ScreenAssessment,
  then: ScreenAssessment | undefined,
): string {
  return then !== undefined && then.verdict !== now.verdict ? "true" : "false";
}

/**
 * A row that could not be screened, in the CSV answer: its cells, then `error` and the message.
 *
 * @example
 * screenCsvErrorRow(["security"], { security: "X" }, issue, false);
 */
export function screenCsvErrorRow(
  input: readonly string[],
  fields: Record<string, string>,
  issue: RowIssue,
  knownThen: boolean,
): string[] {
  const message = issue.field === undefined ? issue.message : `${issue.field}: ${issue.message}`;
  const width = ANSWER_COLUMNS.length + (knownThen ? KNOWN_THEN_COLUMNS.length : 0);
  const cells = [...input.map((column) => fields[column] ?? ""), "error", message];
  return [...cells, ...Array.from({ length: width - 2 }, () => "")];
}

function listsText(assessment: ScreenAssessment): string {
  return assessment.lists
    .map(
      (list) =>
        `${list.program}: ${list.status}${list.since === null ? "" : ` since ${list.since}`}`,
    )
    .join("; ");
}

function effectsText(assessment: ScreenAssessment): string {
  return assessment.effects
    .map((effect) => {
      const state = effect.inForce ? "in force" : `suspended by ${effect.suspendedBy?.id ?? "-"}`;
      return `${effect.program}: ${effect.kind} ${state} from ${effect.from} (${effect.rule})`;
    })
    .join("; ");
}

/** What a screen found, row by row: counted by verdict, with the names no company matched. */
export interface ScreenSummary {
  rows: number;
  prohibited: number;
  review: number;
  clear: number;
  errors: number;
  /** Rows whose verdict as known then differs from today's (with `--known-at-trade`). */
  differs?: number;
  /** The names nothing matched, most rows first (at most 20). */
  unmatched: { name: string; rows: number }[];
}

/** The most distinct unmatched names a tally keeps. */
const MAX_UNMATCHED = 10_000;

/**
 * Counts screened rows as they come, for the summary at the end.
 *
 * @example
 * const tally = new ScreenTally(false); tally.add(screened); tally.summary();
 */
export class ScreenTally {
  private readonly counts: Record<ScreenVerdict | "errors", number> = {
    prohibited: 0,
    review: 0,
    clear: 0,
    errors: 0,
  };
  private rows = 0;
  private differs = 0;
  private readonly unmatched = new Map<string, number>();

  constructor(private readonly knownThen: boolean) {}

  /** Counts a screened row. */
  add(screened: ScreenedRow): void {
    const { match, now, then } = screened.assessed;
    this.rows += 1;
    this.counts[now.verdict] += 1;
    if (then !== undefined && then.verdict !== now.verdict) this.differs += 1;
    if (match.how === "none") {
      const count = this.unmatched.get(screened.name);
      if (count !== undefined) this.unmatched.set(screened.name, count + 1);
      else if (this.unmatched.size < MAX_UNMATCHED) this.unmatched.set(screened.name, 1);
    }
  }

  /** Counts a row that could not be screened. */
  addError(): void {
    this.rows += 1;
    this.counts.errors += 1;
  }

  /** The counts so far. */
  summary(): ScreenSummary {
    const unmatched = [...this.unmatched]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 20)
      .map(([name, rows]) => ({ name, rows }));
    return {
      rows: this.rows,
      ...this.counts,
      ...(this.knownThen ? { differs: this.differs } : {}),
      unmatched,
    };
  }
}

/**
 * The summary as `screen` prints it on stderr.
 *
 * @example
 * screenSummaryText(summary); // "screened 12 rows: 3 prohibited, 5 review, 3 clear, 1 error"
 */
export function screenSummaryText(summary: ScreenSummary): string {
  const parts = [
    `${summary.prohibited} prohibited`,
    `${summary.review} review`,
    `${summary.clear} clear`,
    `${summary.errors} ${summary.errors === 1 ? "error" : "errors"}`,
  ];
  const lines = [
    `screened ${summary.rows} ${summary.rows === 1 ? "row" : "rows"}: ${parts.join(", ")}`,
  ];
  if (summary.differs !== undefined) {
    lines.push(
      `${summary.differs} ${summary.differs === 1 ? "verdict differs" : "verdicts differ"} as known on the row's date`,
    );
  }
  if (summary.unmatched.length > 0) {
    const names = summary.unmatched.map(({ name, rows }) => `"${name}" (${rows})`);
    lines.push(`no company matched: ${names.join(", ")}`);
  }
  return lines.join("\n");
}

/** The table's columns and their widths (a longer cell is cut with "…"). */
const TABLE_COLUMNS = [
  ["row", 5],
  ["name", 30],
  ["date", 10],
  ["action", 8],
  ["verdict", 10],
  ["company", 28],
  ["match", 18],
] as const;

function cell(text: string, width: number): string {
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
}

/**
 * The header of the table a terminal reads (`screen --format table`): fixed widths, so that
 * rows are printed as they come.
 *
 * @example
 * screenTableHeader(false); // "row   name                           date ..."
 */
export function screenTableHeader(knownThen: boolean): string {
  const names = TABLE_COLUMNS.map(([name, width]) => cell(name, width));
  return [...names, ...(knownThen ? ["known then"] : [])].join(" ").trimEnd();
}

/**
 * A screened row in the table: its cells, then its reason on a line of its own.
 *
 * @example
 * screenTableRow(screened, false); // "4     XIAOMI CORP-CLASS B  2021-03-16 buy  review  xiaomi  alias\n      the purchase ban ..."
 */
export function screenTableRow(screened: ScreenedRow, knownThen: boolean): string {
  const answer = answerOf(screened.assessed);
  const company = answer.match.company;
  const match =
    company === undefined
      ? "none"
      : `${answer.match.how}${answer.match.certain ? "" : ` ${company.score}`}`;
  const cells = [
    String(screened.row),
    screened.name,
    screened.date,
    screened.action ?? "-",
    answer.verdict,
    company?.id ?? "-",
    match,
  ].map((text, index) => cell(text, TABLE_COLUMNS[index]?.[1] ?? 10));
  const then = answer.knownThen;
  const thenText = then === undefined ? "" : `${then.verdict}${then.differs ? " (differs)" : ""}`;
  const line = [...cells, ...(knownThen ? [thenText] : [])].join(" ").trimEnd();
  const reasons = [`      ${answer.reason}`];
  if (then?.differs) reasons.push(`      as known then: ${then.reason}`);
  return [line, ...reasons].join("\n");
}

/**
 * A row that could not be screened, in the table.
 *
 * @example
 * screenTableErrorRow(10, issue); // "10    error: trade_date: \"2021-02-30\" is not a real calendar date"
 */
export function screenTableErrorRow(row: number, issue: RowIssue): string {
  const field = issue.field === undefined ? "" : `${issue.field}: `;
  return `${cell(String(row), 5)} error (line ${issue.line ?? "?"}): ${field}${issue.message}`;
}
