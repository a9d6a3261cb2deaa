import { LogError } from "./logError.js";
import { readBoundedText } from "./readBoundedText.js";
import type { DesignationEvent } from "../domain/eventSchema.js";

/**
 * The lines of a stream file that hold the events (an event's line is its `seq`), byte for byte
 * (key order and `prev` included, so that a whole stream exported still verifies), each ended by
 * "\n". Throws `LogError` if the file changed since the events were read.
 *
 * @example
 * storedLines("events/dod-1237/xiaomi.jsonl", events); // ['{"id":"xiaomi-dod-1237-0001",...}\n', ...]
 */
export function storedLines(file: string, events: readonly DesignationEvent[]): string[] {
  const lines = readBoundedText(file).split("\n");
  return events.map((event) => {
    const line = event.seq;
    const text = lines[line - 1] ?? "";
    if (parsedId(text) !== event.id) {
      const message = "changed while it was being exported; export again";
      throw new LogError([{ file, line, message }]);
    }
    return `${text}\n`;
  });
}

function parsedId(text: string): unknown {
  try {
    return (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return undefined;
  }
}
