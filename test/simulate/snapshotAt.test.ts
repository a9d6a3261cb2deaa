import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { readLog } from "../../src/store/readLog.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { snapshotAt } from "../../src/simulate/snapshotAt.js";
import { makeEvent, resetEventSeq } from "../support/events.js";
import { stateOf } from "./support/machine.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));

function timelineOf(...steps: [FactEvent["type"], string][]): Timeline {
  return foldStream(
    "acme/dod-1237",
    steps.map(([type, effective]) => makeEvent(type, effective) as FactEvent),
  );
}

beforeEach(() => {
  resetEventSeq();
});

describe("snapshotAt", () => {
  const xiaomi = () =>
    replayLogStrict(readLog(EVENTS)).find(
      (timeline) => timeline.stream === "xiaomi/dod-1237",
    ) as Timeline;

  it.each([
    ["2021-01-13", { listing: "unlisted", litigation: "none" }],
    ["2021-01-14", { listing: "listed", litigation: "none" }],
    ["2021-03-11", { listing: "listed", litigation: "pending" }],
    // The whole day counts: the injunction of 2021-03-12 is in force at the end of that day.
    ["2021-03-12", { listing: "listed", litigation: "enjoined" }],
    ["2021-04-01", { listing: "listed", litigation: "enjoined" }],
    ["2021-05-11", { listing: "listed", litigation: "settled.withInjunction" }],
    ["2021-05-25", { listing: "removed.vacated", litigation: "closed.won" }],
    ["2026-11-23", { listing: "removed.vacated", litigation: "closed.won" }],
  ])("xiaomi at the end of %s: %j", (date, state) => {
    expect(stateOf(snapshotAt(xiaomi(), date))).toEqual(state);
  });

  it("applies the events of one day in seq order", () => {
    const timeline = timelineOf(
      ["Listed", "2024-01-01"],
      ["ChallengeFiled", "2024-02-01"],
      ["InjunctionGranted", "2024-02-01"],
    );
    expect(stateOf(snapshotAt(timeline, "2024-01-31"))).toEqual({
      listing: "listed",
      litigation: "none",
    });
    expect(stateOf(snapshotAt(timeline, "2024-02-01"))).toEqual({
      listing: "listed",
      litigation: "enjoined",
    });
  });
});
