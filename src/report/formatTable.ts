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
  const all = [header, ...rows];
  // A loop, not Math.max(...): a log of a million events is a million rows, too many arguments.
  const widths = header.map((_, column) =>
    all.reduce((widest, row) => Math.max(widest, (row[column] ?? "").length), 0),
  );
  return all
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
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
