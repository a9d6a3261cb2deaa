import type { IsoDate } from "../domain/isoDate.js";
import {
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../domain/lifecycleStep.js";
import type { Timeline } from "../domain/timeline.js";

/**
 * The machine's snapshot of a stream at the end of `date`: its events up to that day, replayed.
 *
 * @example
 * snapshotAt(xiaomi, "2021-04-01").value; // { listing: "listed", litigation: "enjoined" }
 */
export function snapshotAt(timeline: Timeline, date: IsoDate): LifecycleSnapshot {
  let snapshot = initialLifecycleSnapshot();
  for (const { event } of timeline.steps) {
    if (event.effective > date) break;
    const next = nextLifecycleSnapshot(snapshot, event.type);
    if (next === undefined) throw new Error(`the timeline of ${timeline.stream} does not replay`);
    snapshot = next;
  }
  return snapshot;
}
