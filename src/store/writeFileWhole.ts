import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside it, created
 * exclusively under a random name (so nothing planted there is followed), flushed to disk, then
 * renamed over the target. On any error the temporary file is removed and the error rethrown.
 *
 * @example
 * writeFileWhole("events/companies.json", "[]\n");
 */
export function writeFileWhole(file: string, text: string, mode = 0o644): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temporary, "wx", mode);
    try {
      writeText(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Characters encoded and written at a time: a large page is never a second copy in memory. */
const CHUNK = 1 << 20;

function writeText(fd: number, text: string): void {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK, text.length);
    // Never split a surrogate pair: each half alone would be written as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    const bytes = Buffer.from(text.slice(start, end), "utf8");
    for (let written = 0; written < bytes.length;) {
      written += writeSync(fd, bytes, written);
    }
    start = end;
  }
}
