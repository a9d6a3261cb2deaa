import { statSync } from "node:fs";
import { extname } from "node:path";
import { formatLogIssue } from "../../app/errors.js";
import { type ScreenOutputFormat, screenFile } from "../../app/screenFile.js";
import type { ScreenInputFormat } from "../../app/screenInput.js";
import { ScreenRecord } from "../../app/screenRecord.js";
import { openOutputFile } from "../../app/writeOutputFile.js";
import { SCREEN_ACTIONS, type ScreenAction, screenActionOf } from "../../domain/screenActions.js";
import { plural } from "../../report/formatTable.js";
import { screenSummaryText } from "../../report/screenOutput.js";
import type { Command, OptionValues } from "../command.js";
import { holdHeapGrowth } from "../holdHeapGrowth.js";
import { eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { progressBar } from "../progressBar.js";
import { EXIT } from "../reportError.js";
import { UsageError } from "../usageError.js";

/** The most row problems printed; the summary counts them all. */
const MAX_SHOWN_ISSUES = 20;
/** A screen draws its progress bar only once it has taken this long. */
const PROGRESS_AFTER_MS = 1_000;

export const screenCommand: Command = {
  name: "screen",
  summary: "screen a file of holdings, trades or contracts: each row's verdict on its own date",
  help: `Usage: designations screen <file.csv|file.jsonl> [--at D] [--action A] [--known-at-trade]
                        [--out FILE] [--format csv|jsonl|json] [--input-format csv|jsonl]
                        [--name-column C] [--id-column C] [--date-column C] [--action-column C]
                        [--raw] [--events DIR]

Each row names a company (by name, a security's name such as "XIAOMI CORP-CLASS B", or a
registry id), and may give a date and an action: buy, sell, hold, contract or procure. Columns
are found by the header (name, company, issuer, security...; id; date, trade date, contract
date...; action, side...) unless the flags name them. Every row is answered with:
  the match     which company, and how: id, name or alias exactly, partial words or a near
                spelling (fuzzy) with a score and the other candidates
  the lists     each list's status on the row's date, and the effects then due, in force or
                suspended, with their rule and the events behind them
  the verdict   prohibited  an effect in force forbids the action on that date
                review      listed, but nothing in force forbids it (a ban suspended by an
                            injunction, the divestment window, a ban not yet due); a date in a
                            month an event is dated to only; an uncertain or fuzzy match of a
                            listed company; a subsidiary or the parent of a listed company
                clear       no company of the record on any list on that date
                and one sentence of reason
Rows are read and answered one at a time, so a file of any length takes bounded memory. A row
that cannot be screened (no name, a bad date or action) is an error in its place, named on
stderr with its line and field; the other rows are still answered, and the exit code is then 2.
A summary (rows by verdict, names nothing matched) ends on stderr; in a terminal a progress bar
shows once the screen has taken a second.

  --at D              the date of rows that give none (default: today)
  --action A          the action of rows that give none: ${SCREEN_ACTIONS.join(", ")}
  --known-at-trade    also answer as the record knew it on each row's date (the audit
                      question), and flag the rows where the two verdicts differ
  --out FILE          write the answer to FILE (whole or not at all) instead of stdout
  --format F          csv (default: the file's columns, then the answer's), jsonl (one
                      object per row), json ({"rows": [...], "summary": {...}}) or table
                      (for reading: fixed columns, each row's reason below it)
  --input-format F    csv or jsonl (default: by the file's extension, .jsonl or .ndjson
                      for JSON Lines, else CSV)
  --name-column C     the column naming the company (likewise --id-column, --date-column,
                      --action-column)
  --raw               CSV cells exactly as they are (no neutralising of spreadsheet formulas)
  --events DIR        the events folder (default: the repository's events/)

Example: designations screen examples/blotter.csv --known-at-trade`,
  options: {
    at: { type: "string" },
    action: { type: "string" },
    "known-at-trade": { type: "boolean" },
    out: { type: "string" },
    format: { type: "string" },
    "input-format": { type: "string" },
    "name-column": { type: "string" },
    "id-column": { type: "string" },
    "date-column": { type: "string" },
    "action-column": { type: "string" },
    raw: { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const file = positionals[0] as string;
    const format = choice(
      values,
      "format",
      ["csv", "jsonl", "json", "table"],
      "csv",
    ) as ScreenOutputFormat;
    if (values.raw === true && format !== "csv") {
      throw new UsageError(`--raw is for CSV only: a ${format} answer is always as it is`);
    }
    const inputFormat = choice(
      values,
      "input-format",
      ["csv", "jsonl"],
      [".jsonl", ".ndjson"].includes(extname(file).toLowerCase()) ? "jsonl" : "csv",
    ) as ScreenInputFormat;
    const request = {
      source: { file },
      inputFormat,
      columns: {
        name: stringOption(values, "name-column"),
        id: stringOption(values, "id-column"),
        date: stringOption(values, "date-column"),
        action: stringOption(values, "action-column"),
      },
      at: dateOption(values, "at", io.today),
      ...actionOption(values),
      knownThen: values["known-at-trade"] === true,
      format,
      raw: values.raw === true,
    };
    const size = statSync(file).size;
    holdHeapGrowth();
    const record = new ScreenRecord(eventsDirOf(values, io));
    const outFile = stringOption(values, "out");
    const output = outFile === undefined ? undefined : openOutputFile(outFile, "--out");
    const progress = progressBar(size, {
      ...io.progress,
      items: "bytes",
      after: PROGRESS_AFTER_MS,
    });
    let result: ReturnType<typeof screenFile>;
    try {
      result = screenFile(
        record,
        request,
        // io.out ends the line itself: each part the screen writes ends with one.
        output === undefined
          ? (text) => io.out(text.replace(/\r?\n$/, (end) => end.slice(0, -1)))
          : output.write,
        (bytes) => progress.advance(bytes, bytes),
      );
      output?.commit();
    } catch (error) {
      output?.abort();
      throw error;
    } finally {
      progress.finish();
      record.close();
    }
    const { summary, issues } = result;
    for (const issue of issues.slice(0, MAX_SHOWN_ISSUES)) io.err(formatLogIssue(issue));
    if (summary.errors > MAX_SHOWN_ISSUES) {
      io.err(
        `... and ${plural(summary.errors - MAX_SHOWN_ISSUES, "more row")} that could not be screened`,
      );
    }
    if (outFile !== undefined) io.out(`wrote ${plural(summary.rows, "row")} to ${outFile}`);
    io.err(screenSummaryText(summary));
    return summary.errors > 0 ? EXIT.usage : EXIT.ok;
  },
};

function choice(
  values: OptionValues,
  name: string,
  allowed: readonly string[],
  fallback: string,
): string {
  const value = stringOption(values, name);
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new UsageError(`--${name}: "${value}" is not one of ${allowed.join(", ")}`);
  }
  return value;
}

function actionOption(values: OptionValues): { action?: ScreenAction } {
  const text = stringOption(values, "action");
  if (text === undefined) return {};
  const action = screenActionOf(text);
  if (action === undefined) {
    throw new UsageError(
      `--action: "${text}" is not an action; use one of ${SCREEN_ACTIONS.join(", ")}`,
    );
  }
  return { action };
}
