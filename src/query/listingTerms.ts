import type { IsoDate } from "../domain/isoDate.js";
import type { EventRef, Interval, Timeline } from "../domain/timeline.js";

/**
 * One listing of a stream, `[from, to)`: from a Listed or Relisted event to the next relisting
 * or the company's removal (`to: null` while it lasts), with the event that ended it.
 */
export interface ListingTerm {
  listing: EventRef;
  from: IsoDate;
  to: IsoDate | null;
  endedBy?: EventRef;
}

const REMOVED = new Set(["unlisted", "delisted", "vacated"]);

/**
 * A stream's listings, in order. The listing events come from `timeline.listings` (filled by the
 * replay, and kept in the cache) or, for a timeline without them, from the intervals that Listed
 * and Relisted events opened (a relisting that changes no status opens none, and is then missed).
 *
 * @example
 * listingTerms(luokung).map((t) => [t.from, t.to]);
 * // [["2021-01-14", "2021-03-09"], ["2021-03-09", "2021-06-01"]]
 */
export function listingTerms(timeline: Timeline): ListingTerm[] {
  const listings = timeline.listings ?? listingsFromIntervals(timeline.intervals);
  return listings.map((listing, index) => {
    const next = listings[index + 1];
    const removal = timeline.intervals.find(
      (interval) => interval.from >= listing.effective && REMOVED.has(interval.status),
    );
    const ender =
      removal !== undefined && (next === undefined || removal.from < next.effective)
        ? removal.event
        : next;
    return {
      listing,
      from: listing.effective,
      to: ender === undefined ? null : ender.effective,
      ...(ender === undefined ? {} : { endedBy: ender }),
    };
  });
}

function listingsFromIntervals(intervals: readonly Interval[]): EventRef[] {
  return intervals
    .filter((interval) => interval.event.type === "Listed" || interval.event.type === "Relisted")
    .map((interval) => interval.event);
}
