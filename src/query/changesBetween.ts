import type { FactEvent } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { Timeline } from "../domain/timeline.js";
import { isOnTheList } from "./onTheList.js";

/** What a change of status means to someone watching the lists. */
export type ChangeKind =
  | "added"
  | "removed"
  | "vacated"
  | "challenged"
  | "enjoined"
  | "injunction lifted"
  | "settled"
  | "case closed";

/** One stream's change of status on one day, and the event that caused it. */
export interface StatusChange {
  date: IsoDate;
  company: string;
  program: string;
  kind: ChangeKind;
  from: HeadlineStatus;
  to: HeadlineStatus;
  enforceable: boolean;
  event: FactEvent | { id: string; type: string; effective: IsoDate };
  /** True when the date is known only to the month. */
  uncertain: boolean;
}

/**
 * Every change of status after `from` and up to `to` (both dates included in the sense of
 * "status on `from`" versus "status on `to`": changes dated `from` are not listed, changes dated
 * `to` are), by date, then program and company: the daily monitoring question "who was added,
 * removed, enjoined or vacated since my last look?".
 *
 * @example
 * changesBetween(timelines, "2021-03-01", "2021-03-31").map((c) => `${c.company} ${c.kind}`); // ["xiaomi enjoined", ...]
 */
export function changesBetween(
  timelines: readonly Timeline[],
  from: IsoDate,
  to: IsoDate,
  program?: string,
): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const timeline of timelines) {
    if (program !== undefined && timeline.program !== program) continue;
    const events = new Map(timeline.steps.map(({ event }) => [event.id, event]));
    timeline.intervals.forEach((interval, index) => {
      if (interval.from <= from || interval.from > to) return;
      const before = timeline.intervals[index - 1]?.status ?? "unlisted";
      if (before === interval.status) return;
      changes.push({
        date: interval.from,
        company: timeline.company,
        program: timeline.program,
        kind: kindOf(before, interval.status),
        from: before,
        to: interval.status,
        enforceable: interval.enforceable,
        event: events.get(interval.event.id) ?? interval.event,
        uncertain: interval.uncertain,
      });
    });
  }
  return changes.sort(
    (a, b) =>
      compare(a.date, b.date) || compare(a.program, b.program) || compare(a.company, b.company),
  );
}

function kindOf(before: HeadlineStatus, after: HeadlineStatus): ChangeKind {
  if (after === "vacated") return "vacated";
  if (!isOnTheList(before) && isOnTheList(after)) return "added";
  if (isOnTheList(before) && !isOnTheList(after)) return "removed";
  if (after === "enjoined") return "enjoined";
  if (after === "settled") return "settled";
  if (after === "challenged") return before === "enjoined" ? "injunction lifted" : "challenged";
  return "case closed";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
