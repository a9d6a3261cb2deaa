import { readFileSync } from "node:fs";
import { LogError } from "./logError.js";
import type { LogEntry, StreamLog } from "./streamLog.js";

/**
 * The lines of the stream's file that hold the entries, byte for byte (key order and `prev`
 * included, so that a whole stream exported still verifies), each ended by "\n". Throws
 * `LogError` if the file changed since it was read.
 *
 * @example
 * storedLines(stream, stream.entries); // ['{"id":"xiaomi-dod-1237-0001",...}\n', ...]
 */
export function storedLines(stream: StreamLog, entries: readonly LogEntry[]): string[] {
  const lines = readFileSync(stream.file, "utf8").split("\n");
  return entries.map(({ event, line }) => {
    const text = lines[line - 1] ?? "";
    if (parsedId(text) !== event.id) {
      const message = "changed while it was being exported; export again";
      throw new LogError([{ file: stream.file, line, message }]);
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
