import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { makeTempDir, XIAOMI_LOG } from "../../store/support/logFixtures.js";

/** A fresh temporary events folder holding a copy of the repository's Xiaomi log. */
export function xiaomiEventsDir(): { dir: string; file: string } {
  const dir = makeTempDir("designations-cli-");
  mkdirSync(join(dir, "dod-1237"));
  const file = join(dir, "dod-1237", "xiaomi.jsonl");
  copyFileSync(XIAOMI_LOG, file);
  return { dir, file };
}

/** Today's date on the local calendar, computed from the date's local parts. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Everything under `dir`: each folder (as `path/`) and each file with its exact bytes (base64),
 * by path relative to `dir`. Two equal trees: nothing was written.
 */
export function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(dir, path);
      if (entry.isDirectory()) {
        tree[`${name}/`] = "";
        walk(path);
      } else {
        tree[name] = readFileSync(path).toString("base64");
      }
    }
  };
  walk(dir);
  return tree;
}

/** The lines of a stream file, without the empty string after its last newline. */
export function linesOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
}
