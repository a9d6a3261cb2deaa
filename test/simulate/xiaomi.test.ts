import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { daysBetween } from "../../src/domain/isoDate.js";
import { readLog } from "../../src/store/readLog.js";
import type { Log } from "../../src/store/streamLog.js";
import { statusAt } from "../../src/query/statusAt.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { readScenario } from "../../src/app/readScenario.js";
import type { Scenario } from "../../src/simulate/scenario.js";
import { type SimulatedStream, simulate } from "../../src/simulate/simulate.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));
const SCENARIOS = fileURLToPath(new URL("../../scenarios", import.meta.url));
const UNTIL = "2026-11-23";

const NO_INJUNCTION: Scenario = {
  name: "Xiaomi without the injunction",
  company: "xiaomi",
  edits: [
    { drop: "xiaomi-dod-1237-0006" },
    { drop: "xiaomi-ofac-ns-ccmc.mirror.xiaomi-dod-1237-0006" },
  ],
};

let log: Log;
let xiaomi: SimulatedStream;

beforeAll(() => {
  log = readLog(EVENTS);
  const result = simulate(log, NO_INJUNCTION, { until: UNTIL });
  expect(result.simulated).toBe(true);
  // The injunction bound DoD and the Treasury: it is dropped from both of Xiaomi's streams.
  expect(result.streams.map((stream) => stream.stream)).toEqual([
    "xiaomi/dod-1237",
    "xiaomi/ofac-ns-ccmc",
  ]);
  xiaomi = result.streams[0] as SimulatedStream;
});

function stretches(timeline: Timeline) {
  return timeline.intervals.map(({ from, to, status, enforceable }) => ({
    from,
    to,
    status,
    enforceable,
  }));
}

/** The stretches in which the designation was enforceable, adjacent ones merged. */
function enforceableSpans(timeline: Timeline) {
  const spans: { from: string; to: string | null }[] = [];
  for (const interval of timeline.intervals) {
    if (!interval.enforceable) continue;
    const last = spans.at(-1);
    if (last !== undefined && last.to === interval.from) last.to = interval.to;
    else spans.push({ from: interval.from, to: interval.to });
  }
  return spans;
}

describe("Xiaomi without the 2021-03-12 injunction (xiaomi-dod-1237-0006 dropped)", () => {
  it("replays the actual world as the log has it", () => {
    const actual = replayLogStrict(log).find((timeline) => timeline.stream === "xiaomi/dod-1237");
    expect(xiaomi.actual.intervals).toEqual(actual?.intervals);
    expect(stretches(xiaomi.actual)).toEqual([
      { from: "2021-01-14", to: "2021-01-29", status: "listed", enforceable: true },
      { from: "2021-01-29", to: "2021-03-12", status: "challenged", enforceable: true },
      { from: "2021-03-12", to: "2021-05-11", status: "enjoined", enforceable: false },
      { from: "2021-05-11", to: "2021-05-25", status: "settled", enforceable: false },
      { from: "2021-05-25", to: null, status: "vacated", enforceable: false },
    ]);
  });

  it("the alternate world stays challenged, then settles while still enforceable", () => {
    expect(stretches(xiaomi.alternate)).toEqual([
      { from: "2021-01-14", to: "2021-01-29", status: "listed", enforceable: true },
      { from: "2021-01-29", to: "2021-05-11", status: "challenged", enforceable: true },
      { from: "2021-05-11", to: "2021-05-25", status: "settled", enforceable: true },
      { from: "2021-05-25", to: null, status: "vacated", enforceable: false },
    ]);
    expect(enforceableSpans(xiaomi.alternate)).toEqual([{ from: "2021-01-14", to: "2021-05-25" }]);
    expect(enforceableSpans(xiaomi.actual)).toEqual([{ from: "2021-01-14", to: "2021-03-12" }]);
  });

  it.each([
    ["2021-01-13", "unlisted", false, "unlisted", false],
    ["2021-01-14", "listed", true, "listed", true],
    ["2021-03-11", "challenged", true, "challenged", true],
    ["2021-03-12", "enjoined", false, "challenged", true],
    ["2021-03-15", "enjoined", false, "challenged", true],
    ["2021-05-10", "enjoined", false, "challenged", true],
    ["2021-05-11", "settled", false, "settled", true],
    ["2021-05-24", "settled", false, "settled", true],
    ["2021-05-25", "vacated", false, "vacated", false],
    ["2026-11-23", "vacated", false, "vacated", false],
  ] as const)(
    "on %s: actual %s (enforceable %s), alternate %s (enforceable %s)",
    (date, actualStatus, actualEnforceable, alternateStatus, alternateEnforceable) => {
      expect(statusAt(xiaomi.actual, date)).toMatchObject({
        status: actualStatus,
        enforceable: actualEnforceable,
      });
      expect(statusAt(xiaomi.alternate, date)).toMatchObject({
        status: alternateStatus,
        enforceable: alternateEnforceable,
      });
    },
  );

  it("differs exactly from 2021-03-12 to 2021-05-25, enforceable only in the alternate world", () => {
    const { differences, enforceableDifferences } = xiaomi.comparison;
    expect(enforceableDifferences).toEqual([
      { from: "2021-03-12", to: "2021-05-25", enforceableIn: "alternate" },
    ]);
    expect(differences).toEqual([
      {
        from: "2021-03-12",
        to: "2021-05-11",
        actual: { status: "enjoined", enforceable: false },
        alternate: { status: "challenged", enforceable: true },
      },
      {
        from: "2021-05-11",
        to: "2021-05-25",
        actual: { status: "settled", enforceable: false },
        alternate: { status: "settled", enforceable: true },
      },
    ]);
    // The differences cover the span without a gap.
    expect(differences[0]?.from).toBe("2021-03-12");
    expect(differences.at(-1)?.to).toBe("2021-05-25");
    differences.slice(1).forEach((segment, index) => {
      expect(segment.from).toBe(differences[index]?.to);
    });
    for (const segment of differences) {
      expect(segment.actual.enforceable).toBe(false);
      expect(segment.alternate.enforceable).toBe(true);
    }
  });

  it("lays both worlds side by side, cut wherever either changes", () => {
    expect(xiaomi.comparison.segments.map((s) => [s.from, s.to])).toEqual([
      [null, "2021-01-14"],
      ["2021-01-14", "2021-01-29"],
      ["2021-01-29", "2021-03-12"],
      ["2021-03-12", "2021-05-11"],
      ["2021-05-11", "2021-05-25"],
      ["2021-05-25", null],
    ]);
  });

  it("counts 57 enforceable days in the actual world and 131 in the alternate one, up to 2026-11-23", () => {
    // By hand, counting each [from, to) stretch day by day (the day `to` itself not included):
    //   listed      2021-01-14 → 2021-01-29: Jan 14..28                      = 15 days
    //   challenged  2021-01-29 → 2021-03-12: Jan 29..31 (3) + Feb (28) + Mar 1..11 (11) = 42 days
    //   (alternate) 2021-03-12 → 2021-05-25: Mar 12..31 (20) + Apr (30) + May 1..24 (24) = 74 days
    // actual: enjoined from 2021-03-12 on and never enforceable again: 15 + 42 = 57.
    // alternate: enforceable on to the vacatur of 2021-05-25: 15 + 42 + 74 = 131.
    expect(xiaomi.comparison.enforceableDays).toEqual({
      actual: 57,
      alternate: 131,
      until: UNTIL,
    });
    expect(daysBetween("2021-01-14", "2021-01-29")).toBe(15);
    expect(daysBetween("2021-01-29", "2021-03-12")).toBe(42);
    expect(daysBetween("2021-03-12", "2021-05-25")).toBe(74);
  });

  it("counts enforceable days only up to `until`", () => {
    const early = simulate(log, NO_INJUNCTION, { until: "2021-03-20" }).streams[0];
    // actual: 15 + 42 = 57; alternate: 15 + 42 + Mar 12..19 (8) = 65.
    expect(early?.comparison.enforceableDays).toEqual({
      actual: 57,
      alternate: 65,
      until: "2021-03-20",
    });
    const before = simulate(log, NO_INJUNCTION, { until: "2021-01-14" }).streams[0];
    expect(before?.comparison.enforceableDays).toEqual({
      actual: 0,
      alternate: 0,
      until: "2021-01-14",
    });
  });

  it("the injunction denied instead of granted comes to the same alternate world", () => {
    const denied = simulate(
      log,
      {
        name: "denied",
        company: "xiaomi",
        edits: [
          {
            replace: "xiaomi-dod-1237-0006",
            with: { type: "InjunctionDenied", effective: "2021-03-12" },
          },
        ],
      },
      { until: UNTIL },
    ).streams[0] as SimulatedStream;
    expect(stretches(denied.alternate)).toEqual(stretches(xiaomi.alternate));
    expect(denied.comparison.enforceableDays).toEqual(xiaomi.comparison.enforceableDays);
  });

  it("says so for a program the company is not on", () => {
    expect(() => simulate(log, NO_INJUNCTION, { until: UNTIL, program: "dod-1260h" })).toThrow(
      "xiaomi has no stream on dod-1260h",
    );
  });
});

describe("the shipped scenarios", () => {
  const files = readdirSync(SCENARIOS)
    .filter((file) => file.endsWith(".json"))
    .sort();

  it("are there", () => {
    expect(files).toEqual(
      expect.arrayContaining(["xiaomi-no-injunction.json", "luokung-never-sues.json"]),
    );
  });

  it.each(files)("%s reads, simulates without error and changes something", (file) => {
    const scenario = readScenario(join(SCENARIOS, file));
    const before = JSON.stringify(log);
    const result = simulate(log, scenario, { until: UNTIL });
    expect(result.simulated).toBe(true);
    expect(result.scenario).toEqual(scenario);
    expect(result.streams.length).toBeGreaterThan(0);
    for (const stream of result.streams) {
      expect(stream.stream.startsWith(`${scenario.company}/`)).toBe(true);
      expect(stream.comparison.enforceableDays.until).toBe(UNTIL);
    }
    expect(result.streams.some((stream) => stream.comparison.differences.length > 0)).toBe(true);
    expect(JSON.stringify(log)).toBe(before);
  });

  it("xiaomi-no-injunction.json is the scenario tested above", () => {
    const scenario = readScenario(join(SCENARIOS, "xiaomi-no-injunction.json"));
    expect(scenario.edits).toEqual(NO_INJUNCTION.edits);
    const stream = simulate(log, scenario, { until: UNTIL }).streams[0];
    expect(stream?.comparison).toEqual(xiaomi.comparison);
  });
});
