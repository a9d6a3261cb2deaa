import { existsSync, lstatSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { openFileWhole, openInto, type WholeFile } from "../store/writeFileWhole.js";
import { RequestError } from "./requestError.js";

/**
 * Writes a command's output file (`--out FILE`). A new file or a regular one is written whole or
 * not at all: into a temporary file created exclusively under a random name beside it, flushed,
 * given the target's mode, then renamed over it. A pipe or a character device (a terminal,
 * `/dev/stdout`, `/dev/null`), or a symbolic link to one, is written into as it is. Anything else
 * (a folder, a socket, a block device, a symbolic link to a file) is refused with a
 * `RequestError` before anything is written, as is a missing folder.
 *
 * @example
 * writeOutputFile("report.html", html, "--out");
 */
export function writeOutputFile(file: string, text: string, flag: string): void {
  const output = openOutputFile(file, flag);
  try {
    output.write(text);
  } catch (error) {
    output.abort();
    throw error;
  }
  output.commit();
}

/**
 * Opens a command's output file for an answer written in parts, with the checks and guarantees
 * of `writeOutputFile`: a regular file appears whole at `commit` (never if `abort`), a pipe or
 * device is written into as the parts come.
 *
 * @example
 * const out = openOutputFile("screened.csv", "--out"); out.write(part); out.commit();
 */
export function openOutputFile(file: string, flag: string): WholeFile {
  if (file === "") throw new RequestError(`${flag}: give a file name`);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RequestError(`${flag}: the folder ${folder} does not exist`);
  }
  const link = lstatSync(file, { throwIfNoEntry: false });
  if (link === undefined || link.isFile()) {
    return openFileWhole(file, link === undefined ? 0o644 : link.mode & 0o7777);
  }
  const target = link.isSymbolicLink() ? statSync(file, { throwIfNoEntry: false }) : link;
  if (target !== undefined && (target.isFIFO() || target.isCharacterDevice())) {
    return openInto(file);
  }
  throw new RequestError(`${flag}: ${file} ${whatItIs(link, target)}; give a file to write`);
}

function whatItIs(
  link: ReturnType<typeof lstatSync>,
  target: ReturnType<typeof statSync> | undefined,
): string {
  if (link?.isDirectory()) return "is a folder, not a file";
  if (link?.isSymbolicLink()) {
    return target === undefined
      ? "is a symbolic link to nothing"
      : "is a symbolic link, which would be replaced";
  }
  return "is not a regular file (a socket or a block device)";
}
