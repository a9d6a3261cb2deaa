import { stringify } from "csv-stringify/sync";

/** What a CSV cell may hold: `null` is an empty cell, booleans are `true` / `false`. */
export type CsvValue = string | number | boolean | null;

/** What `toCsv` may be told. */
export interface CsvOptions {
  /** Write the header row (default true); false for the rows that follow a first part. */
  header?: boolean;
  /**
   * Write every cell exactly as it is (default false): otherwise a text cell that a spreadsheet
   * would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
   * prefixed with `'`, OWASP's rule against CSV injection.
   */
  raw?: boolean;
}

/**
 * Rows as RFC 4180 CSV: a header row of `columns`, then one record per row with its cells in
 * that order, every record (the last too) ended by CRLF, and a cell quoted when it holds a comma,
 * a quote (doubled) or a line break. Text that would start a formula is neutralised unless `raw`.
 *
 * @example
 * toCsv([{ company: "xiaomi", enforceable: false, valid_to: null }], ["company", "enforceable", "valid_to"]);
 * // "company,enforceable,valid_to\r\nxiaomi,false,\r\n"
 */
export function toCsv<Row extends { [Column in keyof Row]: CsvValue }>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
  options: CsvOptions = {},
): string {
  return stringify([...rows], {
    header: options.header ?? true,
    columns: [...columns],
    record_delimiter: "windows",
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      string: options.raw === true ? (value) => value : neutralised,
    },
  });
}

/**
 * Records given as arrays of cells (a header is just the first of them), as `toCsv` writes them:
 * CRLF after each, quoting where needed, formulas neutralised unless `raw`. For a long answer
 * written in batches, without making each record an object first.
 *
 * @example
 * csvRecords([["company", "verdict"], ["xiaomi", "review"]]); // "company,verdict\r\nxiaomi,review\r\n"
 */
export function csvRecords(
  records: readonly (readonly CsvValue[])[],
  options: Pick<CsvOptions, "raw"> = {},
): string {
  return stringify(records as CsvValue[][], {
    record_delimiter: "windows",
    // A line break of either kind inside a cell is quoted (csv-stringify quotes only "\r\n").
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      string: options.raw === true ? (value) => value : neutralised,
    },
  });
}

/**
 * Text cells as one CSV record without its line ending, exactly as `csvRecords` writes them (a
 * property test holds the two together): for an answer's few cells, made again and again, without
 * csv-stringify's per-call set-up.
 *
 * @example
 * csvCellsText(["review", "listed, with effects"]); // 'review,"listed, with effects"'
 */
export function csvCellsText(
  cells: readonly string[],
  options: Pick<CsvOptions, "raw"> = {},
): string {
  let text = "";
  for (let index = 0; index < cells.length; index++) {
    const cell =
      options.raw === true ? (cells[index] as string) : neutralised(cells[index] as string);
    const quoted = NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    text = index === 0 ? quoted : `${text},${quoted}`;
  }
  return text;
}

/** What makes csv-stringify quote a cell: the delimiter, the quote, a line break of either kind. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell a spreadsheet will not run: `'` before a leading `=`, `+`, `-`, `@`, tab or CR.
 *
 * @example
 * neutralised("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * neutralised("2021-01-14"); // "2021-01-14"
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
