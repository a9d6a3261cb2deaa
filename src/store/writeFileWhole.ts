import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside it, created
 * exclusively under a random name (so nothing planted there is followed) and readable by its
 * owner alone while it is written, flushed to disk, given `mode`, then renamed over the target.
 * On any error the temporary file is removed and the error rethrown.
 *
 * @example
 * writeFileWhole("events/companies.json", "[]\n");
 */
export function writeFileWhole(file: string, text: string, mode = 0o644): void {
  const whole = openFileWhole(file, mode);
  try {
    whole.write(text);
  } catch (error) {
    whole.abort();
    throw error;
  }
  whole.commit();
}

/** A file being written whole: text added as it comes, then put in place, or thrown away. */
export interface WholeFile {
  write(text: string): void;
  /** Flushes, gives the file its mode and renames it over the target. */
  commit(): void;
  /** Removes what was written; the target is untouched. */
  abort(): void;
}

/**
 * Starts writing `file` whole, as `writeFileWhole` does, for text that comes in parts (a long
 * answer streamed as it is made): nothing is at the target until `commit`.
 *
 * @example
 * const out = openFileWhole("answer.csv"); out.write("a,b\r\n"); out.commit();
 */
export function openFileWhole(file: string, mode = 0o644): WholeFile {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", 0o600);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => writeText(fd, text),
    commit() {
      try {
        fsyncSync(fd);
        fchmodSync(fd, mode);
        close();
        renameSync(temporary, file);
      } catch (error) {
        close();
        rmSync(temporary, { force: true });
        throw error;
      }
    },
    abort() {
      close();
      rmSync(temporary, { force: true });
    },
  };
}

/**
 * Writes `text` into an existing pipe or device (a terminal, `/dev/stdout`), as it is: such a
 * target cannot be replaced, only written to.
 *
 * @example
 * writeInto("/dev/stdout", "hello\n");
 */
export function writeInto(file: string, text: string): void {
  const into = openInto(file);
  try {
    into.write(text);
  } finally {
    into.commit();
  }
}

/**
 * Opens an existing pipe or device to write an answer into in parts, as `writeInto` does.
 *
 * @example
 * const out = openInto("/dev/stdout"); out.write("a\n"); out.commit();
 */
export function openInto(file: string): WholeFile {
  const fd = openSync(file, "w");
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(text) {
      try {
        writeText(fd, text);
      } catch (error) {
        // A write names no path of its own: name the file written to.
        if (error instanceof Error && !("path" in error)) Object.assign(error, { path: file });
        throw error;
      }
    },
    commit: close,
    abort: close,
  };
}

/** Characters encoded and written at a time: a large page is never a second copy in memory. */
const CHUNK = 1 << 20;

/** Where text is encoded before it is written: UTF-8 takes at most 3 bytes a UTF-16 unit. */
let encoded: Buffer | undefined;

function writeText(fd: number, text: string): void {
  encoded ??= Buffer.allocUnsafe(3 * CHUNK);
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK, text.length);
    // Never split a surrogate pair: each half alone would be written as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    const length = encoded.write(end - start === text.length ? text : text.slice(start, end));
    for (let written = 0; written < length;) {
      written += writeSync(fd, encoded, written, length - written);
    }
    start = end;
  }
}
