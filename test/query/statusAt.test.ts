import { beforeEach, describe, expect, it } from "vitest";
import { intervalAt, statusAt } from "../../src/query/statusAt.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { addDays, makeEvent, makeFacts, resetEventSeq } from "../support/events.js";

let xiaomi: Timeline;

beforeEach(() => {
  resetEventSeq();
  xiaomi = foldStream(
    "xiaomi/dod-1237",
    makeFacts(
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["Noted", "2021-02-05"],
      ["InjunctionGranted", "2021-03-12"],
      ["SettlementReached", "2021-05-11"],
      ["DesignationVacated", "2021-05-25"],
    ),
  );
});

describe("statusAt", () => {
  it("is unlisted, since null, before the first interval", () => {
    for (const date of ["1999-12-31", "2021-01-01", "2021-01-13"]) {
      expect(statusAt(xiaomi, date)).toEqual({
        stream: "xiaomi/dod-1237",
        company: "xiaomi",
        program: "dod-1237",
        at: date,
        status: "unlisted",
        enforceable: false,
        since: null,
        event: null,
        uncertain: false,
      });
    }
  });

  it("is unlisted on any date for a stream with no interval", () => {
    const empty = foldStream("acme/dod-1260h", []);
    expect(statusAt(empty, "2021-01-14")).toMatchObject({
      stream: "acme/dod-1260h",
      company: "acme",
      program: "dod-1260h",
      status: "unlisted",
      since: null,
      event: null,
    });
  });

  it.each([
    // the boundary day itself: the new status holds for the whole day
    ["2021-01-14", "listed", true, "2021-01-14", "Listed"],
    ["2021-01-29", "challenged", true, "2021-01-29", "ChallengeFiled"],
    ["2021-03-12", "enjoined", false, "2021-03-12", "InjunctionGranted"],
    ["2021-05-11", "settled", false, "2021-05-11", "SettlementReached"],
    ["2021-05-25", "vacated", false, "2021-05-25", "DesignationVacated"],
    // the day before keeps the old status
    ["2021-01-28", "listed", true, "2021-01-14", "Listed"],
    ["2021-03-11", "challenged", true, "2021-01-29", "ChallengeFiled"],
    ["2021-05-10", "enjoined", false, "2021-03-12", "InjunctionGranted"],
    ["2021-05-24", "settled", false, "2021-05-11", "SettlementReached"],
    // a Noted day changes nothing
    ["2021-02-05", "challenged", true, "2021-01-29", "ChallengeFiled"],
    // the open last interval lasts
    ["2021-05-26", "vacated", false, "2021-05-25", "DesignationVacated"],
    ["2030-01-01", "vacated", false, "2021-05-25", "DesignationVacated"],
  ] as const)(
    "on %s is %s (enforceable %s) since %s, by %s",
    (date, status, enforceable, since, type) => {
      const answer = statusAt(xiaomi, date);
      expect(answer).toMatchObject({ at: date, status, enforceable, since });
      expect(answer.event).toMatchObject({ type, effective: since });
    },
  );

  it("names the event that opened the interval", () => {
    const interval = xiaomi.intervals[2];
    expect(statusAt(xiaomi, "2021-04-01").event).toEqual(interval?.event);
  });

  it("changes exactly on the boundary days, walking day by day", () => {
    const changes: string[] = [];
    let previous = statusAt(xiaomi, "2021-01-01").status;
    for (let date = "2021-01-01"; date <= "2021-12-31"; date = addDays(date, 1)) {
      const { status } = statusAt(xiaomi, date);
      if (status !== previous) changes.push(`${date} ${status}`);
      previous = status;
    }
    expect(changes).toEqual([
      "2021-01-14 listed",
      "2021-01-29 challenged",
      "2021-03-12 enjoined",
      "2021-05-11 settled",
      "2021-05-25 vacated",
    ]);
  });
});

describe("intervalAt", () => {
  it("finds the interval whose [from, to) holds the date, or none before the first", () => {
    const { intervals } = xiaomi;
    expect(intervalAt(intervals, "2021-01-13")).toBeUndefined();
    expect(intervalAt([], "2021-01-13")).toBeUndefined();
    intervals.forEach((interval) => {
      expect(intervalAt(intervals, interval.from)).toBe(interval);
      if (interval.to !== null) {
        expect(intervalAt(intervals, addDays(interval.to, -1))).toBe(interval);
        expect(intervalAt(intervals, interval.to)).not.toBe(interval);
      }
    });
  });
});

describe("statusAt with dates known only to the month", () => {
  /** Listed some day in March 2021, enjoined some day in June 2021. */
  function monthly(): Timeline {
    return foldStream("acme/dod-1237", [
      makeEvent("Listed", "2021-03-01", { precision: "month" }),
      makeEvent("ChallengeFiled", "2021-04-15"),
      makeEvent("InjunctionGranted", "2021-06-01", { precision: "month" }),
    ]);
  }

  it.each([
    ["2021-02-28", "unlisted", false],
    ["2021-03-01", "listed", true],
    ["2021-03-31", "listed", true],
    ["2021-04-01", "listed", false],
    ["2021-04-15", "challenged", false],
    ["2021-05-31", "challenged", false],
    ["2021-06-01", "enjoined", true],
    ["2021-06-30", "enjoined", true],
    ["2021-07-01", "enjoined", false],
    ["2022-03-15", "enjoined", false],
  ] as const)("on %s is %s, uncertain %s", (date, status, uncertain) => {
    expect(statusAt(monthly(), date)).toMatchObject({ at: date, status, uncertain });
  });

  it("says uncertain for an unlisted answer in the month of a month-precision listing", () => {
    // A month-precision date should be the month's 1st; one that is not still makes its month uncertain.
    const timeline = foldStream("acme/dod-1237", [
      makeEvent("Listed", "2021-03-15", { precision: "month" }),
    ]);
    expect(statusAt(timeline, "2021-03-05")).toMatchObject({
      status: "unlisted",
      since: null,
      uncertain: true,
    });
    expect(statusAt(timeline, "2021-02-28")).toMatchObject({
      status: "unlisted",
      uncertain: false,
    });
  });

  it("is never uncertain on a timeline with every date known to the day", () => {
    for (let date = "2021-01-01"; date <= "2021-12-31"; date = addDays(date, 7)) {
      expect(statusAt(xiaomi, date).uncertain).toBe(false);
    }
  });
});
