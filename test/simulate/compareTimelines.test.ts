import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { compareTimelines } from "../../src/simulate/compareTimelines.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

function timelineOf(...steps: [FactEvent["type"], string][]): Timeline {
  return foldStream(
    "acme/dod-1237",
    steps.map(([type, effective]) => makeEvent(type, effective) as FactEvent),
  );
}

beforeEach(() => {
  resetEventSeq();
});

describe("compareTimelines", () => {
  it("keeps apart stretches enforceable in one world, then in the other", () => {
    // actual: listed from 2024-01-01, delisted 2024-03-01.
    const actual = timelineOf(["Listed", "2024-01-01"], ["Delisted", "2024-03-01"]);
    // alternate: listed only from 2024-02-01, and still listed.
    const alternate = timelineOf(["Listed", "2024-02-01"]);
    const comparison = compareTimelines(actual, alternate, "2024-12-31");
    expect(comparison.enforceableDifferences).toEqual([
      { from: "2024-01-01", to: "2024-02-01", enforceableIn: "actual" },
      { from: "2024-03-01", to: null, enforceableIn: "alternate" },
    ]);
    // actual: Jan 2024 (31) + Feb 2024 (29) = 60; alternate: 2024-02-01 → 2024-12-31 = 334.
    expect(comparison.enforceableDays).toEqual({ actual: 60, alternate: 334, until: "2024-12-31" });
  });

  it("merges adjacent differing stretches enforceable in the same world", () => {
    const actual = timelineOf(
      ["Listed", "2024-01-01"],
      ["ChallengeFiled", "2024-02-01"],
      ["InjunctionGranted", "2024-03-01"],
      ["SettlementReached", "2024-04-01"],
    );
    const alternate = timelineOf(["Listed", "2024-01-01"], ["ChallengeFiled", "2024-02-01"]);
    const comparison = compareTimelines(actual, alternate, "2024-12-31");
    expect(comparison.differences.map((s) => [s.from, s.to, s.actual.status])).toEqual([
      ["2024-03-01", "2024-04-01", "enjoined"],
      ["2024-04-01", null, "settled"],
    ]);
    expect(comparison.enforceableDifferences).toEqual([
      { from: "2024-03-01", to: null, enforceableIn: "alternate" },
    ]);
  });

  it("differs in status without differing in enforceability", () => {
    const actual = timelineOf(["Listed", "2024-01-01"], ["ChallengeFiled", "2024-02-01"]);
    const alternate = timelineOf(["Listed", "2024-01-01"]);
    const comparison = compareTimelines(actual, alternate, "2024-12-31");
    expect(comparison.differences).toEqual([
      {
        from: "2024-02-01",
        to: null,
        actual: { status: "challenged", enforceable: true },
        alternate: { status: "listed", enforceable: true },
      },
    ]);
    expect(comparison.enforceableDifferences).toEqual([]);
    expect(comparison.enforceableDays.actual).toBe(comparison.enforceableDays.alternate);
  });

  it("finds no difference between a timeline and itself", () => {
    const timeline = timelineOf(["Listed", "2024-01-01"], ["Delisted", "2024-03-01"]);
    const comparison = compareTimelines(timeline, timeline, "2030-01-01");
    expect(comparison.differences).toEqual([]);
    expect(comparison.enforceableDifferences).toEqual([]);
    expect(comparison.segments.map((s) => [s.from, s.to])).toEqual([
      [null, "2024-01-01"],
      ["2024-01-01", "2024-03-01"],
      ["2024-03-01", null],
    ]);
  });
});
