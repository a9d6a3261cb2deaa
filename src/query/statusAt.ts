import type { IsoDate } from "../domain/isoDate.js";
import type { Interval, Timeline } from "../replay/timeline.js";
import type { StreamStatus } from "./streamStatus.js";

/**
 * The interval in force on `date` (the whole day counts), found by binary search, or `undefined`
 * before the first one.
 *
 * @example
 * intervalAt(timeline.intervals, "2021-04-01")?.status; // "enjoined"
 */
export function intervalAt(intervals: readonly Interval[], date: IsoDate): Interval | undefined {
  let low = 0;
  let high = intervals.length - 1;
  let found: Interval | undefined;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const interval = intervals[middle] as Interval;
    if (interval.from <= date) {
      found = interval;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * A stream's status on `date`. Before its first interval a stream is unlisted.
 *
 * @example
 * statusAt(xiaomi, "2021-03-12"); // { status: "enjoined", enforceable: false, since: "2021-03-12", ... }
 */
export function statusAt(timeline: Timeline, date: IsoDate): StreamStatus {
  const { stream, company, program } = timeline;
  const interval = intervalAt(timeline.intervals, date);
  const uncertain = timeline.uncertainMonths.includes(date.slice(0, 7));
  if (interval === undefined) {
    return {
      stream,
      company,
      program,
      at: date,
      status: "unlisted",
      enforceable: false,
      since: null,
      event: null,
      uncertain,
    };
  }
  return {
    stream,
    company,
    program,
    at: date,
    status: interval.status,
    enforceable: interval.enforceable,
    since: interval.from,
    event: interval.event,
    uncertain,
  };
}
