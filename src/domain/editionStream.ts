/**
 * The reserved company id of each program's edition stream: `editions/<program>` holds the
 * `EditionPublished` events of that list (its editions, notices and its end), and nothing else.
 */
export const EDITIONS_COMPANY = "editions";

/**
 * The stream id of a program's editions.
 *
 * @example
 * editionStreamOf("dod-1260h"); // "editions/dod-1260h"
 */
export function editionStreamOf(program: string): string {
  return `${EDITIONS_COMPANY}/${program}`;
}

/**
 * True for a program's edition stream (as opposed to a company's stream).
 *
 * @example
 * isEditionStream("editions/dod-1260h"); // true
 * isEditionStream("xiaomi/dod-1237"); // false
 */
export function isEditionStream(stream: string): boolean {
  return stream.startsWith(`${EDITIONS_COMPANY}/`);
}

/**
 * Why an event of `type` does not belong on `stream`, or `undefined` when it does: an edition
 * stream holds only `EditionPublished` events (and corrections of them), and only there.
 *
 * @example
 * streamTypeProblem("xiaomi/dod-1237", "EditionPublished"); // "EditionPublished events belong ..."
 */
export function streamTypeProblem(stream: string, type: string): string | undefined {
  const onEditions = isEditionStream(stream);
  if (type === "Corrected" || type === "Retracted") return undefined;
  if (onEditions && type !== "EditionPublished") {
    return `${stream} holds only EditionPublished events, not ${type}`;
  }
  if (!onEditions && type === "EditionPublished") {
    const program = stream.split("/")[1] ?? "";
    return `EditionPublished events belong on the program's edition stream ${editionStreamOf(program)}`;
  }
  return undefined;
}
