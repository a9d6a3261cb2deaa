import type { FactEvent } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { Timeline } from "../domain/timeline.js";

/** One interval of one stream, flat, as `export --what timelines` writes it. */
export interface TimelineRow {
  company: string;
  program: string;
  status: HeadlineStatus;
  enforceable: boolean;
  /** First day of the interval (inclusive). */
  valid_from: IsoDate;
  /** First day after it (exclusive); `null` while it lasts. */
  valid_to: IsoDate | null;
  /** The opening event is dated only to the month (`valid_from` is then the month's 1st). */
  uncertain: boolean;
  /** The event that opened the interval. */
  event_id: string;
  /** When the opening event became public: its `known` date, else its effective date. */
  known_at: IsoDate;
  /** The opening event's first source. */
  source_url: string;
}

/** The columns of a timelines export, in order. */
export const TIMELINE_COLUMNS = [
  "company",
  "program",
  "status",
  "enforceable",
  "valid_from",
  "valid_to",
  "uncertain",
  "event_id",
  "known_at",
  "source_url",
] as const satisfies readonly (keyof TimelineRow)[];

/**
 * Every interval of every timeline as a row, timelines in the order given, intervals in date
 * order. The opening event is looked up among the timeline's steps, so `known_at` and
 * `source_url` are those of the event as its corrections leave it. The timelines must carry their
 * steps (a replay does; the status cache does not).
 *
 * @example
 * timelineRows(replayLogStrict(readLog("events")))[0];
 * // { company: "amec", program: "dod-1237", status: "listed", enforceable: true,
 * //   valid_from: "2021-01-14", valid_to: "2021-05-11", uncertain: false, event_id: "...", ... }
 */
export function timelineRows(timelines: readonly Timeline[]): TimelineRow[] {
  return timelines.flatMap((timeline) => {
    const events = new Map(timeline.steps.map((step) => [step.event.id, step.event]));
    return timeline.intervals.map((interval) => {
      const event = openingEvent(events, interval.event.id, timeline.stream);
      return {
        company: timeline.company,
        program: timeline.program,
        status: interval.status,
        enforceable: interval.enforceable,
        valid_from: interval.from,
        valid_to: interval.to,
        uncertain: interval.uncertain,
        event_id: event.id,
        known_at: event.known ?? event.effective,
        source_url: event.sources[0]?.url ?? "",
      };
    });
  });
}

function openingEvent(events: Map<string, FactEvent>, id: string, stream: string): FactEvent {
  const event = events.get(id);
  if (event === undefined) {
    throw new Error(`timeline ${stream} has no step for event ${id}: replay it with its steps`);
  }
  return event;
}
