import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { addDays, daysBetween, type IsoDate } from "../../src/domain/isoDate.js";
import {
  accepts,
  initialLifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../src/domain/lifecycleStep.js";
import { statusAt } from "../../src/query/statusAt.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { type Scenario, ScenarioError } from "../../src/simulate/scenario.js";
import { simulate } from "../../src/simulate/simulate.js";
import { makeEvent, resetEventSeq } from "../support/events.js";
import { historyOf, logOf, walkArbitrary } from "./support/memoryLog.js";

const STREAM = "acme/dod-1237";
/** Later than any generated event. */
const UNTIL = "2099-12-31";
const RUNS = { numRuns: 250 };

function scenarioOf(edits: Scenario["edits"]): Scenario {
  return { name: "property", company: "acme", edits };
}

function simulated(events: readonly FactEvent[], edits: Scenario["edits"]) {
  const result = simulate(logOf({ [STREAM]: events }), scenarioOf(edits), { until: UNTIL });
  expect(result.simulated).toBe(true);
  expect(result.streams).toHaveLength(1);
  return result.streams[0] as NonNullable<(typeof result.streams)[number]>;
}

/** What a user sees of a timeline: the stretches, their status and enforceability. */
function stretches(timeline: Timeline) {
  return timeline.intervals.map(({ from, to, status, enforceable }) => ({
    from,
    to,
    status,
    enforceable,
  }));
}

/** True when the machine accepts `types` one after the other from the start. */
function replays(types: readonly LifecycleEventType[]): boolean {
  let snapshot = initialLifecycleSnapshot();
  for (const type of types) {
    if (!accepts(snapshot, type)) return false;
    snapshot = nextLifecycleSnapshot(snapshot, type) ?? snapshot;
  }
  return true;
}

/** The events in the order the fold applies them: by date, then seq. */
function folded(events: readonly FactEvent[]): FactEvent[] {
  return [...events].sort((a, b) =>
    a.effective === b.effective ? a.seq - b.seq : a.effective < b.effective ? -1 : 1,
  );
}

describe("simulate: a scenario with no edits", () => {
  it("gives an alternate timeline equal to the actual one, and no differences", () => {
    fc.assert(
      fc.property(walkArbitrary({ sameDay: true }), (walk) => {
        const events = historyOf(walk);
        const stream = simulated(events, []);
        expect(stream.alternate).toEqual(stream.actual);
        expect(stream.comparison.differences).toEqual([]);
        expect(stream.comparison.enforceableDifferences).toEqual([]);
        expect(stream.comparison.enforceableDays.alternate).toBe(
          stream.comparison.enforceableDays.actual,
        );
        // Every segment stands the same in both worlds.
        for (const segment of stream.comparison.segments) {
          expect(segment.alternate).toEqual(segment.actual);
        }
      }),
      RUNS,
    );
  });
});

describe("simulate: dropping an event and inserting it back", () => {
  const dropAndInsert = (event: FactEvent): Scenario["edits"] => [
    { drop: event.id },
    {
      insert: {
        type: event.type,
        effective: event.effective,
        precision: event.precision,
        program: "dod-1237",
      },
    },
  ];

  it("gives the same intervals as the actual timeline (events on distinct days)", () => {
    fc.assert(
      fc.property(walkArbitrary({ sameDay: false }), fc.nat(), (walk, pick) => {
        const events = historyOf(walk);
        const event = events[pick % events.length] as FactEvent;
        const stream = simulated(events, dropAndInsert(event));
        expect(stretches(stream.alternate)).toEqual(stretches(stream.actual));
        expect(stream.comparison.differences).toEqual([]);
        expect(stream.comparison.enforceableDays.alternate).toBe(
          stream.comparison.enforceableDays.actual,
        );
      }),
      RUNS,
    );
  });

  it("gives the same intervals when the event was the last of its day (several events a day)", () => {
    fc.assert(
      fc.property(walkArbitrary({ sameDay: true }), fc.nat(), (walk, pick) => {
        const events = historyOf(walk);
        // An inserted event takes the seq after the stream's last, so it is applied after the
        // other events of its day: only the day's last event goes back to where it was.
        const lastOfDay = events.filter(
          (event) =>
            !events.some((other) => other.effective === event.effective && other.seq > event.seq),
        );
        const event = lastOfDay[pick % lastOfDay.length] as FactEvent;
        const stream = simulated(events, dropAndInsert(event));
        expect(stretches(stream.alternate)).toEqual(stretches(stream.actual));
        expect(stream.comparison.differences).toEqual([]);
      }),
      RUNS,
    );
  });

  it("applies an inserted event after the other events of its day", () => {
    resetEventSeq();
    const listed = makeEvent("Listed", "2021-01-14", { stream: STREAM }) as FactEvent;
    const filed = makeEvent("ChallengeFiled", "2021-01-14", { stream: STREAM }) as FactEvent;
    // Put back after the challenge of the same day, the listing comes too late for it.
    expect(() => simulated([listed, filed], dropAndInsert(listed))).toThrow(ScenarioError);
    expect(() => simulated([listed, filed], dropAndInsert(listed))).toThrow(
      /event acme-dod-1237-2 \(ChallengeFiled, effective 2021-01-14\) is not accepted in state listing=unlisted/,
    );
  });
});

describe("simulate: dropping Noted events", () => {
  it("changes nothing, since a note never moves the machine", () => {
    fc.assert(
      fc.property(walkArbitrary({ sameDay: true }), (walk) => {
        const events = historyOf(walk);
        const notes = events.filter((event) => event.type === "Noted");
        const stream = simulated(
          events,
          notes.map((note) => ({ drop: note.id })),
        );
        expect(stream.alternate.intervals).toEqual(stream.actual.intervals);
        expect(stream.alternate.steps).toHaveLength(events.length - notes.length);
        expect(stream.comparison.differences).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("simulate: dropping any one event", () => {
  it("is rejected exactly when the rest does not replay, and otherwise compares day by day", () => {
    fc.assert(
      fc.property(walkArbitrary({ sameDay: true }), fc.nat(), (walk, pick) => {
        const events = historyOf(walk);
        const dropped = events[pick % events.length] as FactEvent;
        const rest = folded(events.filter((event) => event !== dropped));
        if (!replays(rest.map((event) => event.type))) {
          expect(() => simulated(events, [{ drop: dropped.id }])).toThrow(ScenarioError);
          return;
        }
        const stream = simulated(events, [{ drop: dropped.id }]);
        const { segments, differences, enforceableDifferences, enforceableDays } =
          stream.comparison;

        // The segments tile all time: from the beginning to the end, each starting where the last ended.
        expect(segments[0]?.from).toBeNull();
        expect(segments.at(-1)?.to).toBeNull();
        segments.slice(1).forEach((segment, index) => {
          expect(segment.from).toBe(segments[index]?.to);
        });

        // Day by day, from the day before the first event to a day after the last: a day lies in
        // a listed difference exactly when the two worlds stand differently on it.
        const first = addDays((events[0] as FactEvent).effective, -1);
        const last = addDays((events.at(-1) as FactEvent).effective, 2);
        const inDifference = (day: IsoDate) =>
          differences.some(
            (s) => (s.from === null || s.from <= day) && (s.to === null || day < s.to),
          );
        const enforceableOnlyIn = (day: IsoDate) =>
          enforceableDifferences.find(
            (d) => (d.from === null || d.from <= day) && (d.to === null || day < d.to),
          )?.enforceableIn;
        let actualDays = 0;
        let alternateDays = 0;
        for (let day = first; day <= last; day = addDays(day, 1)) {
          const a = statusAt(stream.actual, day);
          const b = statusAt(stream.alternate, day);
          expect(inDifference(day)).toBe(a.status !== b.status || a.enforceable !== b.enforceable);
          expect(enforceableOnlyIn(day)).toBe(
            a.enforceable === b.enforceable ? undefined : a.enforceable ? "actual" : "alternate",
          );
          if (a.enforceable) actualDays += 1;
          if (b.enforceable) alternateDays += 1;
        }
        // After `last`, both worlds stay as they are: the days after it and before UNTIL count.
        const tail = (timeline: Timeline) =>
          statusAt(timeline, last).enforceable ? daysBetween(last, UNTIL) - 1 : 0;
        expect(enforceableDays).toEqual({
          actual: actualDays + tail(stream.actual),
          alternate: alternateDays + tail(stream.alternate),
          until: UNTIL,
        });
      }),
      { numRuns: 200 },
    );
  });
});
