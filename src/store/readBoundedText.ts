import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { constants } from "node:buffer";
import { grouped, LIMITS } from "../domain/limits.js";
import { LogError } from "./logError.js";

/** A line longer than `LIMITS.lineBytes`: the file is not read further. */
export class LineTooLongError extends LogError {
  constructor(
    readonly file: string,
    readonly line: number,
    subject?: string,
  ) {
    const message = `the line is longer than ${grouped(LIMITS.lineBytes)} bytes, the most one line may hold`;
    super([{ file, line, message }], subject);
  }
}

const CHUNK = 8 * 1024 * 1024;

/**
 * Reads a text file of lines as UTF-8, stopping with `LineTooLongError` at the first line over
 * `LIMITS.lineBytes` (a `LogError` about `subject`, "the log" by default): a file that is one huge line costs one chunk of reading, not the whole file
 * in memory. A file too large to be one string is an `ERR_STRING_TOO_LONG` error with its path.
 *
 * `from` reads only what follows a byte offset that starts a line (`line`, its number, for
 * messages): the lines an append-only file gained since it was read up to there.
 *
 * @example
 * readBoundedText("events/dod-1237/xiaomi.jsonl").split("\n");
 */
export function readBoundedText(
  file: string,
  subject?: string,
  from: { offset: number; line: number } = { offset: 0, line: 1 },
): string {
  const fd = openSync(file, "r");
  try {
    const size = Math.max(0, fstatSync(fd).size - from.offset);
    if (size === 0) return "";
    // Pages of the buffer that a long line keeps us from reading are never touched.
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    let lineStart = 0;
    let line = from.line;
    while (filled < size) {
      const length = Math.min(CHUNK, size - filled);
      const read = readSync(fd, buffer, filled, length, from.offset + filled);
      if (read === 0) break;
      const seen = buffer.subarray(0, filled + read);
      for (let newline = seen.indexOf(10, filled); newline !== -1;) {
        if (newline - lineStart > LIMITS.lineBytes) throw new LineTooLongError(file, line, subject);
        line += 1;
        lineStart = newline + 1;
        newline = seen.indexOf(10, lineStart);
      }
      filled += read;
      if (filled - lineStart > LIMITS.lineBytes) throw new LineTooLongError(file, line, subject);
    }
    if (filled > constants.MAX_STRING_LENGTH) {
      throw Object.assign(new Error(`${file} is too large to read as one text`), {
        code: "ERR_STRING_TOO_LONG",
        syscall: "read",
        path: file,
      });
    }
    return buffer.toString("utf8", 0, filled);
  } finally {
    closeSync(fd);
  }
}
