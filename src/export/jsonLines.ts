/**
 * Values as JSON lines: one compact JSON text per line, each line ended by `\n`; no lines at all
 * for no values.
 *
 * @example
 * toJsonLines([{ a: 1 }, { a: null }]); // '{"a":1}\n{"a":null}\n'
 */
export function toJsonLines(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join("");
}
