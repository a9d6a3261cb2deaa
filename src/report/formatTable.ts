/**
 * Rows as aligned columns separated by two spaces, the header first.
 *
 * @example
 * formatTable(["program", "status"], [["dod-1237", "enjoined"]]);
 * // "program   status\ndod-1237  enjoined"
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columnWidths(header, rows, (row) => row);
  return [header, ...rows].map((row) => tableLine(row, widths)).join("\n");
}

/**
 * The width of each column of a table: of the header and of every item's cells, the cells made
 * as they are needed (so that a table of a million rows need not be held whole).
 *
 * @example
 * columnWidths(["date", "event"], steps, (s) => [s.date, s.event.type]); // [10, 17]
 */
export function columnWidths<T>(
  header: readonly string[],
  items: Iterable<T>,
  cells: (item: T) => readonly string[],
): number[] {
  const widths = header.map((title) => title.length);
  // A loop, not Math.max(...): a log of a million events is a million rows, too many arguments.
  for (const item of items) {
    cells(item).forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return widths;
}

/**
 * One row of a table: its cells padded to the widths, two spaces apart, no trailing space.
 *
 * @example
 * tableLine(["dod-1237", "enjoined"], [9, 8]); // "dod-1237   enjoined"
 */
export function tableLine(row: readonly string[], widths: readonly number[]): string {
  return row
    .map((cell, column) => cell.padEnd(widths[column] ?? 0))
    .join("  ")
    .trimEnd();
}

/**
 * A boolean as a table shows it.
 *
 * @example
 * yesNo(true); // "yes"
 */
export function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

/**
 * A count with its noun, plural when it is not one.
 *
 * @example
 * plural(1, "problem"); // "1 problem"
 * plural(2, "problem"); // "2 problems"
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
