import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileWhole } from "../store/writeFileWhole.js";
import { RequestError } from "./requestError.js";

/**
 * Writes a command's output file (`--out FILE`) whole or not at all: the text goes to a temporary
 * file beside it, is flushed, and then renamed over the target. A missing folder is a usage error
 * raised before anything is written (a `RequestError`: bad usage).
 *
 * @example
 * writeOutputFile("report.html", html, "--out");
 */
export function writeOutputFile(file: string, text: string, flag: string): void {
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RequestError(`${flag}: the folder ${folder} does not exist`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new RequestError(`${flag}: ${file} is a folder, not a file`);
  }
  writeFileWhole(file, text);
}
