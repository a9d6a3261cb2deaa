import type { IsoDate } from "../domain/isoDate.js";
import type { Interval, Timeline } from "../domain/timeline.js";
import { lastStartOnOrBefore, packedDate, packedStarts } from "./intervalSearch.js";
import type { StreamStatus } from "./streamStatus.js";

/**
 * The interval in force on `date` (the whole day counts), found by binary search, or `undefined`
 * before the first one. The search (`lastStartOnOrBefore`, shared with the report page's script)
 * runs over a packed copy of the intervals' start dates (YYYYMMDD as integers, built once per
 * timeline), so a lookup touches one interval object.
 *
 * @example
 * intervalAt(timeline.intervals, "2021-04-01")?.status; // "enjoined"
 */
export function intervalAt(intervals: readonly Interval[], date: IsoDate): Interval | undefined {
  const found = lastStartOnOrBefore(startsOf(intervals), packedDate(date));
  return found < 0 ? undefined : intervals[found];
}

const startsByIntervals = new WeakMap<readonly Interval[], Int32Array>();

function startsOf(intervals: readonly Interval[]): Int32Array {
  let starts = startsByIntervals.get(intervals);
  // Rebuilt if intervals were added since (a timeline being folded is still growing).
  if (starts === undefined || starts.length !== intervals.length) {
    starts = packedStarts(intervals);
    startsByIntervals.set(intervals, starts);
  }
  return starts;
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
