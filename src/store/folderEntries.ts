import { readdirSync } from "node:fs";

/**
 * Names of the folders (or files) right inside `dir`, sorted; links and other entries are skipped.
 *
 * @example
 * folderEntries("events", "directory"); // ["dod-1237", "dod-1260h", ...]
 */
export function folderEntries(dir: string, kind: "directory" | "file"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => (kind === "directory" ? entry.isDirectory() : entry.isFile()))
    .map((entry) => entry.name)
    .sort();
}
