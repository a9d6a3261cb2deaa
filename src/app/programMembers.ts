import type { IsoDate } from "../domain/isoDate.js";
import { loadTimelines } from "./loadTimelines.js";
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
  return loadTimelines(dir, { program });
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
