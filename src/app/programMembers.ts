import { existsSync } from "node:fs";
import { join } from "node:path";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import type { IsoDate } from "../domain/isoDate.js";
import { folderEntries } from "../store/folderEntries.js";
import { cacheDirFor, cachedTimeline } from "./timelineCache.js";
import { isOnTheList } from "../query/onTheList.js";
import { statusAt } from "../query/statusAt.js";
import type { Timeline } from "../domain/timeline.js";

/**
 * Every company stream of one program, as timelines read through the timeline cache.
 *
 * @example
 * programTimelines("events", "dod-1260h").length; // the companies ever on the 1260H list
 */
export function programTimelines(dir: string, program: string): Timeline[] {
  const folder = join(dir, program);
  if (!existsSync(folder)) return [];
  const cacheDir = cacheDirFor(dir);
  return folderEntries(folder, "file")
    .filter((name) => name.endsWith(".jsonl") && name !== `${EDITIONS_COMPANY}.jsonl`)
    .map((name) => cachedTimeline(join(folder, name), name.slice(0, -6), program, cacheDir));
}

/**
 * The ids of the companies on a program's list on `date` (the whole day counts), as the log
 * stands now.
 *
 * @example
 * programMembersOn("events", "dod-1237", "2021-01-14").size; // 44
 */
export function programMembersOn(dir: string, program: string, date: IsoDate): Set<string> {
  return new Set(
    programTimelines(dir, program)
      .filter((timeline) => isOnTheList(statusAt(timeline, date).status))
      .map((timeline) => timeline.company),
  );
}
