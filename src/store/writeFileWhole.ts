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
      writeSync(fd, text);
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
