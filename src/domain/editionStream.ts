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
