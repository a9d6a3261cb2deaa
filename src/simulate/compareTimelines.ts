import { daysBetween, type IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import { intervalAt } from "../query/statusAt.js";
import type { Timeline } from "../domain/timeline.js";

/** Where the two worlds stand over one stretch of days `[from, to)`. */
export interface Segment {
  from: IsoDate | null;
  to: IsoDate | null;
  actual: { status: HeadlineStatus; enforceable: boolean };
  alternate: { status: HeadlineStatus; enforceable: boolean };
}

export interface Comparison {
  /** Both worlds side by side, cut wherever either changes; the first starts at the beginning of time. */
  segments: Segment[];
  /** The segments where the status or enforceability differs. */
  differences: Segment[];
  /** Stretches where the designation was enforceable in one world only, adjacent ones merged. */
  enforceableDifferences: {
    from: IsoDate | null;
    to: IsoDate | null;
    enforceableIn: "actual" | "alternate";
  }[];
  /** Days each world held the designation enforceable, up to `until`. */
  enforceableDays: { actual: number; alternate: number; until: IsoDate };
}

/**
 * Compares the actual and an alternate timeline of one stream day by day.
 *
 * @example
 * compareTimelines(actual, withoutInjunction, "2026-11-23").differences;
 * // [{ from: "2021-03-12", to: "2021-05-11", actual: { status: "enjoined", ... }, alternate: { status: "challenged", ... } }, ...]
 */
export function compareTimelines(
  actual: Timeline,
  alternate: Timeline,
  until: IsoDate,
): Comparison {
  const bounds = [
    ...new Set([...actual.intervals, ...alternate.intervals].map((i) => i.from)),
  ].sort();
  const starts: (IsoDate | null)[] = [null, ...bounds];
  const segments = starts.map((from, index) => ({
    from,
    to: starts[index + 1] ?? null,
    actual: standing(actual, from),
    alternate: standing(alternate, from),
  }));
  const differences = segments.filter(
    (s) =>
      s.actual.status !== s.alternate.status || s.actual.enforceable !== s.alternate.enforceable,
  );
  return {
    segments,
    differences,
    enforceableDifferences: enforceableDifferences(segments),
    enforceableDays: {
      actual: enforceableDays(segments, "actual", until),
      alternate: enforceableDays(segments, "alternate", until),
      until,
    },
  };
}

function standing(timeline: Timeline, from: IsoDate | null) {
  const interval = from === null ? undefined : intervalAt(timeline.intervals, from);
  return interval === undefined
    ? { status: "unlisted" as const, enforceable: false }
    : { status: interval.status, enforceable: interval.enforceable };
}

function enforceableDays(
  segments: readonly Segment[],
  world: "actual" | "alternate",
  until: IsoDate,
): number {
  return segments.reduce((sum, segment) => {
    if (!segment[world].enforceable || segment.from === null || segment.from >= until) return sum;
    const end = segment.to === null || segment.to > until ? until : segment.to;
    return sum + daysBetween(segment.from, end);
  }, 0);
}

function enforceableDifferences(
  segments: readonly Segment[],
): Comparison["enforceableDifferences"] {
  const merged: Comparison["enforceableDifferences"] = [];
  for (const segment of segments) {
    if (segment.actual.enforceable === segment.alternate.enforceable) continue;
    const enforceableIn = segment.actual.enforceable ? "actual" : "alternate";
    const last = merged.at(-1);
    if (last !== undefined && last.to === segment.from && last.enforceableIn === enforceableIn) {
      last.to = segment.to;
    } else {
      merged.push({ from: segment.from, to: segment.to, enforceableIn });
    }
  }
  return merged;
}
