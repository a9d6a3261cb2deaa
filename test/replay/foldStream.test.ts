import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { InvalidHistoryError } from "../../src/domain/invalidHistoryError.js";
import { applyCorrections } from "../../src/domain/corrections/applyCorrections.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Interval } from "../../src/domain/timeline.js";
import { makeEvent, makeFacts, resetEventSeq, STREAM } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

/** The intervals without the event that opened them, for compact expectations. */
function spans(intervals: readonly Interval[]) {
  return intervals.map(({ from, to, status, enforceable }) => ({ from, to, status, enforceable }));
}

/** The Xiaomi case of DESIGN.md §1, with informational events in between. */
function xiaomi(): FactEvent[] {
  return makeFacts(
    ["Listed", "2021-01-14"],
    ["ChallengeFiled", "2021-01-29"],
    ["Noted", "2021-02-05"],
    ["Noted", "2021-03-04"],
    ["InjunctionGranted", "2021-03-12"],
    ["Noted", "2021-04-14"],
    ["SettlementReached", "2021-05-11"],
    ["DesignationVacated", "2021-05-25"],
    ["Noted", "2021-06-01"],
  );
}

describe("foldStream on the Xiaomi sequence", () => {
  it("names the stream, company and program", () => {
    const timeline = foldStream("xiaomi/dod-1237", []);
    expect(timeline).toEqual({
      stream: "xiaomi/dod-1237",
      company: "xiaomi",
      program: "dod-1237",
      intervals: [],
      steps: [],
      uncertainMonths: [],
    });
  });

  it("gives one [from, to) interval per status, with its enforceability", () => {
    const timeline = foldStream(STREAM, xiaomi());
    expect(spans(timeline.intervals)).toEqual([
      { from: "2021-01-14", to: "2021-01-29", status: "listed", enforceable: true },
      { from: "2021-01-29", to: "2021-03-12", status: "challenged", enforceable: true },
      { from: "2021-03-12", to: "2021-05-11", status: "enjoined", enforceable: false },
      // The injunction stays in force after the settlement: still not enforceable.
      { from: "2021-05-11", to: "2021-05-25", status: "settled", enforceable: false },
      { from: "2021-05-25", to: null, status: "vacated", enforceable: false },
    ]);
  });

  it("names the event that opened each interval; Noted events open none", () => {
    const events = xiaomi();
    const byType = (type: string) => events.find((e) => e.type === type);
    const opened = foldStream(STREAM, events).intervals.map((i) => i.event);
    expect(opened).toEqual(
      ["Listed", "ChallengeFiled", "InjunctionGranted", "SettlementReached", "DesignationVacated"]
        .map(byType)
        .map((e) => ({ id: e?.id, type: e?.type, effective: e?.effective })),
    );
  });

  it("holds one step per event, Noted included, with the state before and after", () => {
    const events = xiaomi();
    const { steps } = foldStream(STREAM, events);
    expect(steps.map((step) => step.event)).toEqual(events);
    expect(
      steps.map(({ event, before, after }) => [
        event.type,
        `${before.state.listing}+${before.state.litigation}`,
        before.status,
        before.enforceable,
        `${after.state.listing}+${after.state.litigation}`,
        after.status,
        after.enforceable,
      ]),
    ).toEqual([
      ["Listed", "unlisted+none", "unlisted", false, "listed+none", "listed", true],
      ["ChallengeFiled", "listed+none", "listed", true, "listed+pending", "challenged", true],
      ["Noted", "listed+pending", "challenged", true, "listed+pending", "challenged", true],
      ["Noted", "listed+pending", "challenged", true, "listed+pending", "challenged", true],
      [
        "InjunctionGranted",
        "listed+pending",
        "challenged",
        true,
        "listed+enjoined",
        "enjoined",
        false,
      ],
      ["Noted", "listed+enjoined", "enjoined", false, "listed+enjoined", "enjoined", false],
      [
        "SettlementReached",
        "listed+enjoined",
        "enjoined",
        false,
        "listed+settled.withInjunction",
        "settled",
        false,
      ],
      [
        "DesignationVacated",
        "listed+settled.withInjunction",
        "settled",
        false,
        "removed.vacated+closed.won",
        "vacated",
        false,
      ],
      [
        "Noted",
        "removed.vacated+closed.won",
        "vacated",
        false,
        "removed.vacated+closed.won",
        "vacated",
        false,
      ],
    ]);
  });

  it("chains each step's before to the previous step's after", () => {
    const { steps } = foldStream(STREAM, xiaomi());
    steps.slice(1).forEach((step, index) => {
      expect(step.before).toEqual(steps[index]?.after);
    });
  });
});

describe("foldStream with several events on one day", () => {
  it("opens one interval, by the day's last event, when Listed and ChallengeFiled share a day", () => {
    const [listed, challenged] = makeFacts(
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-14"],
    );
    const timeline = foldStream(STREAM, [listed, challenged] as FactEvent[]);
    expect(timeline.intervals).toEqual([
      {
        from: "2021-01-14",
        to: null,
        status: "challenged",
        enforceable: true,
        event: { id: challenged?.id, type: "ChallengeFiled", effective: "2021-01-14" },
        uncertain: false,
      },
    ]);
    expect(timeline.steps).toHaveLength(2);
  });

  it("adds no interval when a day ends in the status it began with", () => {
    const timeline = foldStream(
      STREAM,
      makeFacts(
        ["Listed", "2021-01-14"],
        ["ChallengeFiled", "2021-01-29"],
        ["InjunctionGranted", "2021-03-12"],
        ["InjunctionLifted", "2021-03-12"],
      ),
    );
    expect(spans(timeline.intervals)).toEqual([
      { from: "2021-01-14", to: "2021-01-29", status: "listed", enforceable: true },
      { from: "2021-01-29", to: null, status: "challenged", enforceable: true },
    ]);
    expect(timeline.intervals[1]?.event.type).toBe("ChallengeFiled");
    expect(timeline.steps).toHaveLength(4);
  });

  it("keeps the day's last status when a day passes through several", () => {
    const timeline = foldStream(
      STREAM,
      makeFacts(
        ["Listed", "2021-01-14"],
        ["ChallengeFiled", "2021-02-01"],
        ["InjunctionGranted", "2021-02-01"],
        ["SettlementReached", "2021-02-01"],
        ["Delisted", "2021-03-01"],
        ["Listed", "2021-03-01"],
      ),
    );
    expect(spans(timeline.intervals)).toEqual([
      { from: "2021-01-14", to: "2021-02-01", status: "listed", enforceable: true },
      { from: "2021-02-01", to: null, status: "settled", enforceable: false },
    ]);
  });

  it("opens no interval for events that leave the status as it is", () => {
    const timeline = foldStream(
      STREAM,
      makeFacts(
        ["Listed", "2021-01-14"],
        ["Relisted", "2021-02-01"],
        ["Noted", "2021-02-02"],
        ["ChallengeFiled", "2021-03-01"],
        ["InjunctionDenied", "2021-04-01"],
      ),
    );
    expect(spans(timeline.intervals)).toEqual([
      { from: "2021-01-14", to: "2021-03-01", status: "listed", enforceable: true },
      { from: "2021-03-01", to: null, status: "challenged", enforceable: true },
    ]);
    expect(timeline.steps).toHaveLength(5);
  });
});

describe("foldStream orders the events", () => {
  it("by effective date, whatever the order they are given in", () => {
    const events = xiaomi();
    const shuffled = [...events].reverse();
    const timeline = foldStream(STREAM, shuffled);
    expect(timeline.intervals).toEqual(foldStream(STREAM, events).intervals);
    expect(timeline.steps.map((s) => s.event.id)).toEqual(events.map((e) => e.id));
  });

  it("by seq within a day", () => {
    // seq says the challenge came after the listing, though it was written first.
    const challenged = makeEvent("ChallengeFiled", "2021-01-14", { seq: 2 });
    const listed = makeEvent("Listed", "2021-01-14", { seq: 1 });
    const timeline = foldStream(STREAM, [challenged, listed]);
    expect(timeline.steps.map((s) => s.event.type)).toEqual(["Listed", "ChallengeFiled"]);
    expect(spans(timeline.intervals)).toEqual([
      { from: "2021-01-14", to: null, status: "challenged", enforceable: true },
    ]);
  });

  it("by effective date before seq (a late-recorded earlier fact comes first)", () => {
    const challenged = makeEvent("ChallengeFiled", "2021-01-29", { seq: 1 });
    const listed = makeEvent("Listed", "2021-01-14", { seq: 2 });
    const timeline = foldStream(STREAM, [challenged, listed]);
    expect(timeline.steps.map((s) => s.event.type)).toEqual(["Listed", "ChallengeFiled"]);
  });

  it("without changing the array it is given", () => {
    const events = xiaomi().reverse();
    const copy = [...events];
    foldStream(STREAM, events);
    expect(events).toEqual(copy);
    events.forEach((event, index) => {
      expect(event).toBe(copy[index]);
    });
  });
});

describe("foldStream on an invalid history", () => {
  function failure(events: FactEvent[]): InvalidHistoryError {
    try {
      foldStream(STREAM, events);
    } catch (error) {
      if (error instanceof InvalidHistoryError) return error;
      throw error;
    }
    throw new Error("foldStream accepted an invalid history");
  }

  it("throws InvalidHistoryError naming the stream, event, date and state", () => {
    const events = makeFacts(["Listed", "2021-01-14"], ["InjunctionGranted", "2021-03-12"]);
    const error = failure(events);
    expect(error).toBeInstanceOf(InvalidHistoryError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("InvalidHistoryError");
    expect(error.stream).toBe(STREAM);
    expect(error.eventId).toBe(events[1]?.id);
    expect(error.eventType).toBe("InjunctionGranted");
    expect(error.effective).toBe("2021-03-12");
    expect(error.state).toEqual({ listing: "listed", litigation: "none" });
    expect(error.message).toBe(
      `invalid history in stream ${STREAM}: event ${events[1]?.id} (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none`,
    );
  });

  it("reports the state the event met after the earlier events of its day", () => {
    const events = makeFacts(
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["JudgmentForGovernment", "2021-06-01"],
      ["InjunctionGranted", "2021-06-01"],
    );
    const error = failure(events);
    expect(error.eventId).toBe(events[3]?.id);
    expect(error.state).toEqual({ listing: "listed", litigation: "closed.lost" });
    expect(error.message).toContain("listing=listed, litigation=closed.lost");
  });

  it("rejects a challenge before any listing", () => {
    const error = failure(makeFacts(["ChallengeFiled", "2021-01-29"]));
    expect(error.state).toEqual({ listing: "unlisted", litigation: "none" });
    expect(error.eventType).toBe("ChallengeFiled");
  });

  it("rejects an event that is out of order once sorted by date", () => {
    // Written in a valid order, but the listing's date is after the challenge's.
    const error = failure(makeFacts(["Listed", "2021-02-01"], ["ChallengeFiled", "2021-01-29"]));
    expect(error.eventType).toBe("ChallengeFiled");
    expect(error.effective).toBe("2021-01-29");
  });
});

describe("foldStream with dates known only to the month", () => {
  it("marks the interval a month-precision event opens as uncertain, and lists its month", () => {
    const listed = makeEvent("Listed", "2021-01-01", { precision: "month" });
    const challenged = makeEvent("ChallengeFiled", "2021-01-29");
    const granted = makeEvent("InjunctionGranted", "2021-03-01", { precision: "month" });
    const timeline = foldStream(STREAM, [listed, challenged, granted]);
    expect(timeline.intervals.map((i) => [i.from, i.status, i.uncertain])).toEqual([
      ["2021-01-01", "listed", true],
      ["2021-01-29", "challenged", false],
      ["2021-03-01", "enjoined", true],
    ]);
    expect(timeline.uncertainMonths).toEqual(["2021-01", "2021-03"]);
  });

  it("has no uncertain interval or month when every date is known to the day", () => {
    const timeline = foldStream(
      STREAM,
      makeFacts(["Listed", "2021-01-14"], ["Delisted", "2021-02-01"]),
    );
    expect(timeline.intervals.map((i) => i.uncertain)).toEqual([false, false]);
    expect(timeline.uncertainMonths).toEqual([]);
  });

  it("does not count a Noted event dated to the month: it moves nothing", () => {
    const timeline = foldStream(STREAM, [
      makeEvent("Listed", "2021-01-14"),
      makeEvent("Noted", "2021-02-01", { precision: "month" }),
    ]);
    expect(timeline.uncertainMonths).toEqual([]);
    expect(timeline.intervals.map((i) => i.uncertain)).toEqual([false]);
  });

  it("counts a month-precision event that moves the machine without changing the status", () => {
    const timeline = foldStream(STREAM, [
      makeEvent("Listed", "2021-01-14"),
      makeEvent("Relisted", "2021-06-01", { precision: "month" }),
    ]);
    expect(timeline.intervals).toHaveLength(1);
    expect(timeline.uncertainMonths).toEqual(["2021-06"]);
  });

  it("lists each month once, sorted, whatever the order of the events", () => {
    const events = [
      makeEvent("Listed", "2021-01-01", { precision: "month", seq: 3 }),
      makeEvent("Delisted", "2021-05-01", { precision: "month", seq: 1 }),
      makeEvent("Listed", "2021-05-01", { precision: "month", seq: 2 }),
    ];
    expect(foldStream(STREAM, events).uncertainMonths).toEqual(["2021-01", "2021-05"]);
  });

  it("follows a correction that makes the date known to the day", () => {
    const listed = makeEvent("Listed", "2021-01-01", { precision: "month" });
    const fix = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-14", precision: "day" },
    });
    const timeline = foldStream(STREAM, applyCorrections([listed, fix]));
    expect(timeline.intervals.map((i) => [i.from, i.uncertain])).toEqual([["2021-01-14", false]]);
    expect(timeline.uncertainMonths).toEqual([]);
  });
});
