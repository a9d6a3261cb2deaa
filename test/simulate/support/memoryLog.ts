/** Logs held in memory, in the shape `readLog` returns, for the simulate tests. */
import fc from "fast-check";
import type { DesignationEvent, FactEvent } from "../../../src/domain/eventSchema.js";
import { LIFECYCLE_EVENT_TYPES } from "../../../src/domain/eventTypes.js";
import type { IsoDate } from "../../../src/domain/isoDate.js";
import {
  accepts,
  initialLifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../../src/domain/lifecycleStep.js";
import { GENESIS } from "../../../src/store/integrityChain.js";
import type { Log } from "../../../src/store/streamLog.js";
import { makeEvent, resetEventSeq } from "../../support/events.js";

/** A log of the given streams, each stream's events in the order given (their lines). */
export function logOf(streams: Readonly<Record<string, readonly DesignationEvent[]>>): Log {
  return {
    dir: "in-memory",
    editions: [],
    streams: Object.entries(streams)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([stream, events]) => {
        const [company = "", program = ""] = stream.split("/");
        return {
          stream,
          company,
          program,
          file: `in-memory/${program}/${company}.jsonl`,
          entries: events.map((event, index) => ({ event, line: index + 1 })),
          head: GENESIS,
          size: 0,
        };
      }),
  };
}

/** The date `offset` days after 2020-01-01 (UTC arithmetic). */
export function dateOf(offset: number): IsoDate {
  return new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);
}

export interface Walk {
  start: number;
  steps: { choice: number; noted: boolean; gap: number }[];
}

/**
 * Random walks through the machine: `choice` picks among the event types accepted at that point
 * (`Noted` only when `noted`, so that walks go deep), `gap` is the days since the previous event
 * (0, the same day, only when `sameDay`).
 */
export function walkArbitrary(options: { sameDay: boolean }): fc.Arbitrary<Walk> {
  const min = options.sameDay ? 0 : 1;
  return fc.record({
    start: fc.integer({ min: 0, max: 400 }),
    steps: fc.array(
      fc.record({
        choice: fc.nat(),
        noted: fc.nat({ max: 4 }).map((n) => n === 0),
        gap: fc.oneof(
          fc.integer({ min, max: 3 }),
          fc.integer({ min, max: 60 }),
          fc.integer({ min, max: 200 }),
        ),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  });
}

/**
 * A valid history of `stream` from a walk: each event is one the machine accepts after the ones
 * before it, built with `makeEvent` (seq 1, 2, 3, ... in date order).
 */
export function historyOf(walk: Walk, stream = "acme/dod-1237"): FactEvent[] {
  resetEventSeq();
  const events: FactEvent[] = [];
  let snapshot = initialLifecycleSnapshot();
  let day = walk.start;
  for (const { choice, noted, gap } of walk.steps) {
    const allowed = LIFECYCLE_EVENT_TYPES.filter(
      (type) => (noted || type !== "Noted") && accepts(snapshot, type),
    );
    const type = allowed[choice % allowed.length];
    if (type === undefined) continue;
    day += gap;
    snapshot = nextLifecycleSnapshot(snapshot, type) ?? snapshot;
    events.push(makeEvent(type, dateOf(day), { stream }) as FactEvent);
  }
  return events;
}
