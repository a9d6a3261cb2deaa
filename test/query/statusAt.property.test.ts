import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { LIFECYCLE_EVENT_TYPES } from "../../src/domain/eventTypes.js";
import type { IsoDate } from "../../src/domain/isoDate.js";
import {
  type HeadlineStatus,
  headlineStatus,
  isEnforceable,
  lifecycleStateOf,
} from "../../src/domain/lifecycleState.js";
import {
  accepts,
  initialLifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../src/domain/lifecycleStep.js";
import { statusAt } from "../../src/query/statusAt.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { makeEvent, STREAM } from "../support/events.js";

/** Days from 2020-01-01 to 2026-12-31 inclusive: 366 + 3 × 365 + 366 + 2 × 365. */
const DAYS = 2557;

/** The date `offset` days after 2020-01-01, by UTC arithmetic (no time zone can shift it). */
function dateOf(offset: number): IsoDate {
  return new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);
}

/**
 * A step of a random walk through the machine: `choice` picks among the event types the machine
 * accepts at that point (`Noted`, always accepted, only when `noted`, so that walks go deep),
 * `gap` is the number of days since the previous event (0: the same day).
 */
const stepArbitrary = fc.record({
  choice: fc.nat(),
  noted: fc.nat({ max: 4 }).map((n) => n === 0),
  gap: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 180 }),
  ),
});

const walkArbitrary = fc.record({
  start: fc.integer({ min: 0, max: DAYS - 1 }),
  steps: fc.array(stepArbitrary, { maxLength: 30, size: "max" }),
});

/** A valid history: each event is one the machine accepts after the ones before it. */
function historyOf(walk: {
  start: number;
  steps: { choice: number; noted: boolean; gap: number }[];
}) {
  const events: FactEvent[] = [];
  let snapshot = initialLifecycleSnapshot();
  let day = walk.start;
  walk.steps.forEach(({ choice, noted, gap }, index) => {
    day = Math.min(day + gap, DAYS - 1);
    const allowed = LIFECYCLE_EVENT_TYPES.filter(
      (type) => accepts(snapshot, type) && (type === "Noted") === noted,
    );
    const type = allowed[choice % allowed.length] ?? "Noted";
    const next = nextLifecycleSnapshot(snapshot, type);
    if (next === undefined) throw new Error(`${type} was accepted, then rejected`);
    snapshot = next;
    events.push(makeEvent(type, dateOf(day), { seq: index + 1 }) as FactEvent);
  });
  return events;
}

interface Expected {
  status: HeadlineStatus;
  enforceable: boolean;
}

/** The status on `date`, replaying from scratch only the events effective on or before it. */
function replayedAt(events: readonly FactEvent[], date: IsoDate): Expected {
  const upTo = events
    .filter((event) => event.effective <= date)
    .sort((a, b) =>
      a.effective === b.effective ? a.seq - b.seq : a.effective < b.effective ? -1 : 1,
    );
  let snapshot = initialLifecycleSnapshot();
  for (const event of upTo) {
    const next = nextLifecycleSnapshot(snapshot, event.type);
    if (next === undefined) throw new Error(`the generated history is invalid at ${event.id}`);
    snapshot = next;
  }
  const state = lifecycleStateOf(snapshot.value);
  return { status: headlineStatus(state), enforceable: isEnforceable(state) };
}

/**
 * The first day of the run of event days, ending on `date`, whose days all end in the status of
 * `date`; `null` while unlisted.
 */
function replayedSince(
  replayed: (date: IsoDate) => Expected,
  events: readonly FactEvent[],
  date: IsoDate,
): IsoDate | null {
  const at = replayed(date);
  if (at.status === "unlisted") return null;
  const days = [...new Set(events.map((e) => e.effective))].filter((d) => d <= date).sort();
  let since: IsoDate | null = null;
  for (const day of days.reverse()) {
    const then = replayed(day);
    if (then.status !== at.status || then.enforceable !== at.enforceable) break;
    since = day;
  }
  return since;
}

const queryArbitrary = fc.array(fc.integer({ min: -60, max: DAYS + 60 }), { maxLength: 8 });

describe("statusAt on random valid histories", () => {
  it("equals replaying from scratch the events effective on or before the date", () => {
    fc.assert(
      fc.property(walkArbitrary, queryArbitrary, (walk, queries) => {
        const events = historyOf(walk);
        const timeline = foldStream(STREAM, events);
        const eventDays = events.map((e) => e.effective);
        const dates = new Set([
          ...queries.map(dateOf),
          ...eventDays,
          ...eventDays.map((d) => dateOf(offsetOf(d) - 1)),
          dateOf(walk.start - 1),
        ]);
        // Each date is replayed from scratch once; the answers are kept for replayedSince.
        const cache = new Map<IsoDate, Expected>();
        const replayed = (date: IsoDate): Expected => {
          const known = cache.get(date);
          if (known !== undefined) return known;
          const fresh = replayedAt(events, date);
          cache.set(date, fresh);
          return fresh;
        };
        for (const date of dates) {
          const expected = replayed(date);
          const answer = statusAt(timeline, date);
          expect({ date, status: answer.status, enforceable: answer.enforceable }).toEqual({
            date,
            ...expected,
          });
          expect({ date, since: answer.since }).toEqual({
            date,
            since: replayedSince(replayed, events, date),
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("folds into well-formed intervals, whatever order the events are given in", () => {
    fc.assert(
      fc.property(walkArbitrary, fc.nat(), (walk, seed) => {
        const events = historyOf(walk);
        const timeline = foldStream(STREAM, events);
        const { intervals } = timeline;
        intervals.forEach((interval, index) => {
          const next = intervals[index + 1];
          // Contiguous, each at least one day long, each a change from the one before.
          expect(interval.to).toBe(next === undefined ? null : next.from);
          if (next !== undefined) {
            expect(interval.from < next.from).toBe(true);
            expect([interval.status, interval.enforceable]).not.toEqual([
              next.status,
              next.enforceable,
            ]);
          }
        });
        expect(intervals[0]?.status).not.toBe("unlisted");
        expect(timeline.steps).toHaveLength(events.length);
        // A rotation of the input folds the same way: foldStream sorts by (effective, seq).
        const cut = events.length === 0 ? 0 : seed % events.length;
        const rotated = [...events.slice(cut), ...events.slice(0, cut)];
        expect(foldStream(STREAM, rotated)).toEqual(timeline);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the generators", () => {
  it("write calendar dates without time zone shifts", () => {
    expect(dateOf(0)).toBe("2020-01-01");
    expect(dateOf(59)).toBe("2020-02-29");
    expect(dateOf(DAYS - 1)).toBe("2026-12-31");
    expect(dateOf(-1)).toBe("2019-12-31");
    expect(offsetOf("2026-12-31")).toBe(DAYS - 1);
  });
});

/** The inverse of `dateOf`. */
function offsetOf(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(2020, 0, 1)) / 86_400_000);
}
