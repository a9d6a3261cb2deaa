import type { DesignationEvent } from "./eventSchema.js";
import type { IsoDate } from "./isoDate.js";

/**
 * Which part of the log an answer may use. `knownAt`: only facts, corrections and retractions
 * public by that date (`known`, which defaults to `effective`). `recordedAt`: only what the log
 * held at that instant (`recorded`), an audit view of the log itself.
 */
export interface LogView {
  knownAt?: IsoDate;
  /** An ISO 8601 instant, e.g. `2026-11-23T12:00:00Z`. */
  recordedAt?: string;
}

/**
 * The events of one stream that the view lets through, in log order. A correction or retraction
 * of an event the view hides is hidden too.
 *
 * @example
 * eventsInView(events, { knownAt: "2021-03-01" }); // what was public on 1 March 2021
 */
export function eventsInView(
  events: readonly DesignationEvent[],
  view: LogView = {},
): DesignationEvent[] {
  const { knownAt, recordedAt } = view;
  if (knownAt === undefined && recordedAt === undefined) return [...events];
  const recordedLimit = recordedAt === undefined ? undefined : Date.parse(recordedAt);
  if (recordedLimit !== undefined && Number.isNaN(recordedLimit)) {
    throw new RangeError(
      `recordedAt "${recordedAt}" is not an instant such as 2026-11-23T12:00:00Z`,
    );
  }
  const kept = new Set<string>();
  return events.filter((event) => {
    if (knownAt !== undefined && (event.known ?? event.effective) > knownAt) return false;
    if (recordedLimit !== undefined && Date.parse(event.recorded) > recordedLimit) return false;
    const target =
      event.type === "Corrected"
        ? event.data.corrects
        : event.type === "Retracted"
          ? event.data.retracts
          : undefined;
    if (target !== undefined && !kept.has(target)) return false;
    kept.add(event.id);
    return true;
  });
}
