import { closeSync, openSync, readSync } from "node:fs";
import { lineHash } from "./integrityChain.js";

/**
 * The hash of a stream file's last complete line, reading only its tail; `undefined` if the file
 * is empty or its last line is torn. With the size and modification time it tells whether a file
 * changed since it was last read.
 *
 * @example
 * lastLineHash("events/dod-1237/xiaomi.jsonl", statSync("events/dod-1237/xiaomi.jsonl").size);
 */
export function lastLineHash(file: string, size: number): string | undefined {
  const line = lastLine(file, size);
  return line === undefined ? undefined : lineHash(line);
}

/**
 * A stream file's last complete line (without its newline), reading only its tail; `undefined`
 * if the file is empty or its last line is torn.
 *
 * @example
 * lastLine("events/dod-1237/xiaomi.jsonl", statSync("events/dod-1237/xiaomi.jsonl").size);
 */
export function lastLine(file: string, size: number): string | undefined {
  if (size === 0) return undefined;
  const fd = openSync(file, "r");
  try {
    for (let chunk = 4096; ; chunk *= 4) {
      const length = Math.min(chunk, size);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      if (buffer[length - 1] !== 0x0a) return undefined;
      const start = buffer.lastIndexOf(0x0a, length - 2);
      if (start >= 0 || length === size) {
        return buffer.subarray(start + 1, length - 1).toString("utf8");
      }
    }
  } finally {
    closeSync(fd);
  }
}
