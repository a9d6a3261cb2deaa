import type { LifecycleEventType } from "../domain/eventTypes.js";
import { oneStreamPerLawsuit } from "../query/oneStreamPerLawsuit.js";
import { daysBetween, type IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { Timeline } from "../domain/timeline.js";

/**
 * One stay in a status: how many days it lasted and the event that ended it, or no event when
 * the stay was still going on when last observed (a censored stay, which lasted at least `days`).
 */
export interface Sojourn {
  days: number;
  event?: LifecycleEventType;
  /** How much the stay counts when drawn (1 for a historical one). */
  weight: number;
  /** Where it comes from: a stream id, or "assumption". */
  source: string;
  /**
   * For an assumption: in the stay already under way when the forecast starts, the days count
   * from the start of the forecast, not from when the stay began.
   */
  fromForecastStart?: boolean;
  /** For an assumption: the branch it comes from, e.g. `statuses.challenged.0`. */
  field?: string;
}

/** Stays observed or assumed, by the status they were in. */
export type SojournModel = Partial<Record<HeadlineStatus, Sojourn[]>>;

/**
 * Every stay in a status of every stream, from the timelines: each interval but the first
 * unlisted stretch is a stay, ended by the event that opened the next interval; the last one is
 * still going on at `asOf`. A lawsuit recorded on several streams of one company is one history:
 * only its first stream's stays count.
 *
 * @example
 * sojournsFromHistory(timelines, "2026-11-23").challenged;
 * // [{ days: 42, event: "InjunctionGranted", weight: 1, source: "xiaomi/dod-1237" }, ...]
 */
export function sojournsFromHistory(timelines: readonly Timeline[], asOf: IsoDate): SojournModel {
  const model: SojournModel = {};
  for (const timeline of oneStreamPerLawsuit(timelines)) {
    timeline.intervals.forEach((interval, index) => {
      if (interval.from > asOf) return;
      const next = timeline.intervals[index + 1];
      const ended = next !== undefined && next.from <= asOf;
      const sojourn: Sojourn = {
        days: daysBetween(interval.from, ended ? next.from : asOf),
        weight: 1,
        source: timeline.stream,
        ...(ended ? { event: next.event.type as LifecycleEventType } : {}),
      };
      (model[interval.status] ??= []).push(sojourn);
    });
  }
  return model;
}
