import { GENESIS, lineHash } from "../../../src/store/integrityChain.js";

/**
 * The text of a stream file whose lines are `events` as JSON, each given the `prev` of a correct
 * integrity chain (an event that has its own `prev` key keeps it; a string is written verbatim),
 * every line ending in a newline.
 *
 * @example
 * writeFileSync(file, chainedText([listed, challenged]));
 */
export function chainedText(events: readonly (Record<string, unknown> | string)[]): string {
  let previous: string | undefined;
  return events
    .map((event) => {
      const line =
        typeof event === "string"
          ? event
          : JSON.stringify(
              Object.hasOwn(event, "prev")
                ? event
                : { ...event, prev: previous === undefined ? GENESIS : lineHash(previous) },
            );
      previous = line;
      return `${line}\n`;
    })
    .join("");
}
