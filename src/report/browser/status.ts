/**
 * A lane's status and effects on a date, the same answers as `status --at`: the status is that
 * of the last interval starting on or before the date, found by the binary search `statusAt`
 * uses (`lastStartOnOrBefore`); before the first one, unlisted.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import type { HeadlineStatus } from "../../domain/lifecycleState.js";
import { lastStartOnOrBefore, packedDate } from "../../query/intervalSearch.js";
import type { Lane } from "./laneData.js";

/** A lane's status on a date, since when, and the event that opened it (`<type> <id>`). */
export interface LaneStatus {
  status: HeadlineStatus;
  enforceable: boolean;
  since: IsoDate | null;
  event: string | null;
  /** An event that moves the stream is dated only to the date's month. */
  uncertain: boolean;
}

/**
 * The lane's status on `date`.
 *
 * @example
 * statusOn(xiaomi, "2021-04-01"); // { status: "enjoined", enforceable: false, since: "2021-03-12", ... }
 */
export function statusOn(lane: Lane, date: IsoDate): LaneStatus {
  const found = lastStartOnOrBefore(lane.starts, packedDate(date));
  const interval = found < 0 ? undefined : lane.intervals[found];
  const uncertain = lane.uncertainMonths.includes(date.slice(0, 7));
  if (interval === undefined) {
    return { status: "unlisted", enforceable: false, since: null, event: null, uncertain };
  }
  const { status, enforceable, from, cause } = interval;
  return { status, enforceable, since: from, event: cause, uncertain };
}

/**
 * The effects of the lane on `date`, each marked when suspended.
 *
 * @example
 * effectsOn(lane, "2021-02-01"); // ["purchase-ban", "divestment-window (suspended)"]
 */
export function effectsOn(lane: Lane, date: IsoDate): string[] {
  return lane.effects
    .filter((effect) => effect.from <= date && (effect.to === null || date < effect.to))
    .map((effect) => effect.kind + (effect.inForce ? "" : " (suspended)"));
}
