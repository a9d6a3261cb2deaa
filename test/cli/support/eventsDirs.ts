import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { makeTempDir, XIAOMI_LOG } from "../../log/support/logFixtures.js";

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
