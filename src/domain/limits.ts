/**
 * The largest inputs the tool takes. Each is far above what the record needs (its longest
 * description is under 500 characters, its longest line under 3 KB) and far below what would let
 * one input stall a command or swell a report: past a limit, the input is refused with a message
 * that names it and gives the limit.
 */
export const LIMITS = {
  /** A company or program id (a slug): it names a file and a folder. */
  slugChars: 100,
  /** An event id. */
  idChars: 200,
  /** An event's `data.description`. */
  descriptionChars: 10_000,
  /** Any other text of an event: a court, a docket, a source's title, a name. */
  textChars: 1_000,
  /** A source's URL. */
  urlChars: 2_048,
  /** The sources of one event. */
  sources: 50,
  /** One line of a log file, an import file or a members file, in bytes. */
  lineBytes: 128 * 1024,
  /** A JSON file: the company registry, a scenario, assumptions. */
  jsonFileBytes: 16 * 1024 * 1024,
  /** One command-line argument. */
  argumentChars: 16_384,
} as const;

/**
 * A count with thousands separators, for the limits' messages.
 *
 * @example
 * grouped(131072); // "131,072"
 */
export function grouped(count: number): string {
  return count.toLocaleString("en-US");
}
