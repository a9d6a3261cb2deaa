import { existsSync, lstatSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileWhole, writeInto } from "../store/writeFileWhole.js";
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
  if (file === "") throw new RequestError(`${flag}: give a file name`);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RequestError(`${flag}: the folder ${folder} does not exist`);
  }
  const link = lstatSync(file, { throwIfNoEntry: false });
  if (link === undefined || link.isFile()) {
    writeFileWhole(file, text, link === undefined ? 0o644 : link.mode & 0o7777);
    return;
  }
  const target = link.isSymbolicLink() ? statSync(file, { throwIfNoEntry: false }) : link;
  if (target !== undefined && (target.isFIFO() || target.isCharacterDevice())) {
    writeInto(file, text);
    return;
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
