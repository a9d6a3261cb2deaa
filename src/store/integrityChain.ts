import { createHash } from "node:crypto";

/** The `prev` of a stream's first line: there is no line before it. */
export const GENESIS = "0".repeat(64);

/**
 * SHA-256 (hex) of one line of a log file as stored, without its newline. Each line's `prev` is
 * the hash of the line before it, so changing, removing or reordering a line breaks the chain at
 * the next line.
 *
 * @example
 * lineHash(""); // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function lineHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
