import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { lastLineHash } from "../store/lastLineHash.js";
import { COMPANIES_FILE } from "../store/readCompanies.js";
import { allStreamFiles, programsOf, streamFileOf } from "../store/streamFiles.js";

/**
 * A fingerprint of what an answer reads from the log: each stream file's size, modification
 * time and head (the hash of its last line), and the company registry's size and time. Any
 * append, correction or edit changes it; reading nothing but file tails, it costs far less than
 * the answer. With `company`, only that company's stream files (and the registry) count: an
 * answer about one company changes only when its own streams do.
 *
 * @example
 * logHeads("events", "xiaomi"); // "3f0c...": the same until xiaomi's streams or the registry change
 */
export function logHeads(dir: string, company?: string): string {
  const files =
    company === undefined
      ? allStreamFiles(dir).map((stream) => stream.file)
      : programsOf(dir).map((program) => streamFileOf(dir, company, program));
  const hash = createHash("sha256");
  for (const file of [...files, join(dir, COMPANIES_FILE)]) {
    const stat = statSync(file, { throwIfNoEntry: false });
    const head = stat?.isFile() ? lastLineHash(file, stat.size) : undefined;
    hash.update(`${file}\0${stat?.size ?? "-"}\0${stat?.mtimeMs ?? "-"}\0${head ?? "-"}\n`);
  }
  return hash.digest("base64url");
}
