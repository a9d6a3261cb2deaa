import type { IsoDate } from "../domain/isoDate.js";
import type { Interval, Timeline } from "../replay/timeline.js";
import type { StreamStatus } from "./streamStatus.js";

/**
 * The interval in force on `date` (the whole day counts), found by binary search, or `undefined`
 * before the first one. The search runs over a packed copy of the intervals' start dates
 * (YYYYMMDD as integers, built once per timeline), so a lookup touches one interval object.
 *
 * @example
 * intervalAt(timeline.intervals, "2021-04-01")?.status; // "enjoined"
 */
export function intervalAt(intervals: readonly Interval[], date: IsoDate): Interval | undefined {
  const starts = startsOf(intervals);
  const day = packedDate(date);
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= day) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? undefined : intervals[found];
}

const startsByIntervals = new WeakMap<readonly Interval[], Int32Array>();

function startsOf(intervals: readonly Interval[]): Int32Array {
  let starts = startsByIntervals.get(intervals);
  // Rebuilt if intervals were added since (a timeline being folded is still growing).
  if (starts === undefined || starts.length !== intervals.length) {
    starts = Int32Array.from(intervals, (interval) => packedDate(interval.from));
    startsByIntervals.set(intervals, starts);
  }
  return starts;
}

/** `2021-04-01` as 20210401: integers in the same order as the dates. */
function packedDate(date: IsoDate): number {
  let packed = 0;
  for (let index = 0; index < 10; index += 1) {
    const code = date.charCodeAt(index);
    if (code !== 45) packed = packed * 10 + (code - 48);
  }
  return packed;
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
