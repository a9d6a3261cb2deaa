import { editionStreamOf } from "../domain/editionStream.js";
import type { EditionPublishedEvent } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { Timeline } from "../domain/timeline.js";
import { isOnTheList } from "./onTheList.js";
import { statusAt } from "./statusAt.js";

/** One list on one date: its members by status, who has left it, and its latest action. */
export interface ProgramSummary {
  program: string;
  /** Companies on the list that day. */
  members: number;
  /** Members by status: listed, challenged, enjoined, settled. */
  byStatus: Partial<Record<HeadlineStatus, number>>;
  /** Companies once on the list and off it that day (delisted or vacated). */
  former: number;
  /** The latest list action on or before the date, when the log holds one. */
  latest: EditionPublishedEvent | null;
}

/**
 * Each program's membership on `date`, by status, with its latest list action: the overview of
 * a log of hundreds of streams in a few lines.
 *
 * @example
 * programSummaries(timelines, editions, "2021-07-01").find((s) => s.program === "dod-1237")?.members; // 0
 */
export function programSummaries(
  timelines: readonly Timeline[],
  editions: readonly EditionPublishedEvent[],
  date: IsoDate,
): ProgramSummary[] {
  const programs = [...new Set(timelines.map((timeline) => timeline.program))].sort();
  return programs.map((program) => {
    const summary: ProgramSummary = { program, members: 0, byStatus: {}, former: 0, latest: null };
    for (const timeline of timelines) {
      if (timeline.program !== program) continue;
      const { status } = statusAt(timeline, date);
      if (isOnTheList(status)) {
        summary.members += 1;
        summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
      } else if (status !== "unlisted") summary.former += 1;
    }
    for (const edition of editions) {
      if (edition.stream !== editionStreamOf(program) || edition.effective > date) continue;
      if (summary.latest === null || edition.effective >= summary.latest.effective) {
        summary.latest = edition;
      }
    }
    return summary;
  });
}
