import { stringify } from "csv-stringify/sync";

/** What a CSV cell may hold: `null` is an empty cell, booleans are `true` / `false`. */
export type CsvValue = string | number | boolean | null;

/**
 * Rows as RFC 4180 CSV: a header row of `columns`, then one record per row with its cells in
 * that order, every record (the last too) ended by CRLF, and a cell quoted when it holds a comma,
 * a quote (doubled) or a line break. `header: false` leaves the header out, for the rows that
 * follow a first part.
 *
 * @example
 * toCsv([{ company: "xiaomi", enforceable: false, valid_to: null }], ["company", "enforceable", "valid_to"]);
 * // "company,enforceable,valid_to\r\nxiaomi,false,\r\n"
 */
export function toCsv<Row extends { [Column in keyof Row]: CsvValue }>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
  options: { header?: boolean } = {},
): string {
  return stringify([...rows], {
    header: options.header ?? true,
    columns: [...columns],
    record_delimiter: "windows",
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
}
