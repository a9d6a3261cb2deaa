import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { caseStats, OUTCOMES, STAGES, type StageStats } from "../../src/query/caseStats.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

/** `[type, effective]`, or `[type, effective, "month"]` for a date known only to the month. */
type StepSpec =
  readonly [LifecycleEventType, string] | readonly [LifecycleEventType, string, "month"];

/** A stream's timeline from its events, in seq order, folded through the machine. */
function timeline(stream: string, ...steps: readonly StepSpec[]): Timeline {
  const events = steps.map(
    ([type, effective, precision]) =>
      makeEvent(type, effective, { stream, precision: precision ?? "day" }) as FactEvent,
  );
  return foldStream(stream, events);
}

function stage(timelines: readonly Timeline[], id: string): StageStats {
  const found = caseStats(timelines).stages.find((s) => s.stage === id);
  if (found === undefined) throw new Error(`no stage ${id}`);
  return found;
}

/** The samples of a stage as `stream from -> to: days`, the compact form of the expectations. */
function spans(stats: StageStats): string[] {
  return stats.samples.map((s) => `${s.stream} ${s.from} -> ${s.to}: ${s.days}`);
}

describe("STAGES", () => {
  it("are the five stages of a case, in order", () => {
    expect(STAGES.map((s) => [s.id, s.label])).toEqual([
      ["listed-challenged", "listed → challenged"],
      ["challenged-injunction-decision", "challenged → injunction decision"],
      ["injunction-settlement-or-judgment", "injunction → settlement or judgment"],
      ["challenged-closed", "challenged → case closed"],
      ["listed-removed", "listed → removed"],
    ]);
  });

  it("each appear in caseStats, even with no timelines at all", () => {
    const stats = caseStats([]);
    expect(stats.stages.map((s) => s.stage)).toEqual(STAGES.map((s) => s.id));
    for (const s of stats.stages) {
      expect(s).toMatchObject({
        cases: 0,
        exact: 0,
        approximate: 0,
        min: null,
        median: null,
        max: null,
        samples: [],
      });
    }
    expect(stats.outcomes).toEqual({
      vacated: 0,
      delisted: 0,
      "judgment-for-government": 0,
      dismissed: 0,
      pending: 0,
    });
    expect(stats.cases).toEqual([]);
  });
});

describe("listed → challenged", () => {
  it("runs from Listed to ChallengeFiled", () => {
    const t = timeline("a/p", ["Listed", "2021-01-14"], ["ChallengeFiled", "2021-01-29"]);
    expect(spans(stage([t], "listed-challenged"))).toEqual(["a/p 2021-01-14 -> 2021-01-29: 15"]);
  });

  it("starts at the first Listed, not at a Relisted or a later Listed", () => {
    const relisted = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["Relisted", "2021-03-09"],
      ["ChallengeFiled", "2021-04-01"],
    );
    const listedTwice = timeline(
      "b/p",
      ["Listed", "2021-01-01"],
      ["Delisted", "2021-02-01"],
      ["Listed", "2021-03-01"],
      ["ChallengeFiled", "2021-03-11"],
    );
    expect(spans(stage([relisted, listedTwice], "listed-challenged"))).toEqual([
      "a/p 2021-01-14 -> 2021-04-01: 77",
      "b/p 2021-01-01 -> 2021-03-11: 69",
    ]);
  });

  it("ends at the first ChallengeFiled after it only", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["ChallengeDismissed", "2021-02-01"],
      ["ChallengeFiled", "2021-03-01"],
    );
    expect(spans(stage([t], "listed-challenged"))).toEqual(["a/p 2021-01-01 -> 2021-01-11: 10"]);
  });

  it("lasts 0 days when both fall on one day", () => {
    const t = timeline("a/p", ["Listed", "2021-01-14"], ["ChallengeFiled", "2021-01-14"]);
    expect(stage([t], "listed-challenged")).toMatchObject({ cases: 1, min: 0, median: 0, max: 0 });
  });

  it("is no case of a stream that was never challenged", () => {
    const t = timeline("a/p", ["Listed", "2021-01-14"], ["Delisted", "2021-06-03"]);
    expect(stage([t], "listed-challenged").cases).toBe(0);
  });
});

describe("challenged → injunction decision", () => {
  it("runs from ChallengeFiled to InjunctionGranted", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["Noted", "2021-02-17"],
      ["InjunctionGranted", "2021-03-12"],
    );
    expect(spans(stage([t], "challenged-injunction-decision"))).toEqual([
      "a/p 2021-01-29 -> 2021-03-12: 42",
    ]);
  });

  it("ends at an InjunctionDenied too, the first decision only", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["InjunctionDenied", "2021-02-10"],
      ["InjunctionGranted", "2021-04-01"],
    );
    expect(spans(stage([t], "challenged-injunction-decision"))).toEqual([
      "a/p 2021-01-11 -> 2021-02-10: 30",
    ]);
  });

  it("is not ended by a settlement, a vacatur or a dismissal", () => {
    const settled = timeline(
      "a/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["SettlementReached", "2021-02-10"],
    );
    const vacated = timeline(
      "b/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["DesignationVacated", "2021-02-10"],
    );
    const dismissed = timeline(
      "c/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["ChallengeDismissed", "2021-02-10"],
    );
    expect(stage([settled, vacated, dismissed], "challenged-injunction-decision").cases).toBe(0);
  });
});

describe("injunction → settlement or judgment", () => {
  it.each([
    ["SettlementReached", 60],
    ["DesignationVacated", 60],
    ["JudgmentForGovernment", 60],
  ] as const)("runs from InjunctionGranted to %s", (end, days) => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
      [end, "2021-05-11"],
    );
    expect(spans(stage([t], "injunction-settlement-or-judgment"))).toEqual([
      `a/p 2021-03-12 -> 2021-05-11: ${days}`,
    ]);
  });

  it("ends at the settlement, not at the vacatur that follows it", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
      ["SettlementReached", "2021-05-11"],
      ["DesignationVacated", "2021-05-25"],
    );
    expect(spans(stage([t], "injunction-settlement-or-judgment"))).toEqual([
      "a/p 2021-03-12 -> 2021-05-11: 60",
    ]);
  });

  it("is not ended by a delisting or a dismissal", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-03-04"],
      ["InjunctionGranted", "2021-05-05"],
      ["Delisted", "2021-06-01"],
      ["ChallengeDismissed", "2021-06-10"],
    );
    expect(stage([t], "injunction-settlement-or-judgment").cases).toBe(0);
  });

  it("only counts an end that comes after the injunction", () => {
    // A first challenge settles without an injunction; a second one is enjoined, then lost.
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-11"],
      ["SettlementReached", "2021-02-01"],
      ["ChallengeDismissed", "2021-02-15"],
      ["ChallengeFiled", "2021-03-01"],
      ["InjunctionGranted", "2021-04-01"],
      ["JudgmentForGovernment", "2021-04-21"],
    );
    expect(spans(stage([t], "injunction-settlement-or-judgment"))).toEqual([
      "a/p 2021-04-01 -> 2021-04-21: 20",
    ]);
    // ... while the case-closed stage runs from the first challenge to the first closing.
    expect(spans(stage([t], "challenged-closed"))).toEqual(["a/p 2021-01-11 -> 2021-02-15: 35"]);
  });
});

describe("challenged → case closed", () => {
  it.each(["DesignationVacated", "JudgmentForGovernment", "ChallengeDismissed"] as const)(
    "runs from ChallengeFiled to %s",
    (end) => {
      const t = timeline(
        "a/p",
        ["Listed", "2021-01-14"],
        ["ChallengeFiled", "2021-01-29"],
        [end, "2021-05-25"],
      );
      expect(spans(stage([t], "challenged-closed"))).toEqual(["a/p 2021-01-29 -> 2021-05-25: 116"]);
    },
  );

  it("is not ended by a settlement, an injunction or a delisting", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2024-01-31"],
      ["ChallengeFiled", "2024-08-14"],
      ["InjunctionGranted", "2024-09-01"],
      ["Delisted", "2024-12-18"],
      ["SettlementReached", "2025-02-06"],
    );
    expect(stage([t], "challenged-closed").cases).toBe(0);
  });
});

describe("listed → removed", () => {
  it("runs from Listed to Delisted", () => {
    const t = timeline("a/p", ["Listed", "2024-01-31"], ["Delisted", "2025-01-06"]);
    expect(spans(stage([t], "listed-removed"))).toEqual(["a/p 2024-01-31 -> 2025-01-06: 341"]);
  });

  it("runs from Listed to DesignationVacated", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["DesignationVacated", "2021-05-25"],
    );
    expect(spans(stage([t], "listed-removed"))).toEqual(["a/p 2021-01-14 -> 2021-05-25: 131"]);
  });

  it("ends at the first removal only, even when the company was listed and removed again", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-01"],
      ["Delisted", "2021-01-31"],
      ["Listed", "2022-01-01"],
      ["Delisted", "2023-01-01"],
    );
    expect(spans(stage([t], "listed-removed"))).toEqual(["a/p 2021-01-01 -> 2021-01-31: 30"]);
  });

  it("is no case of a stream still listed", () => {
    const t = timeline("a/p", ["Listed", "2021-01-14"], ["Relisted", "2021-03-09"]);
    expect(stage([t], "listed-removed").cases).toBe(0);
  });
});

describe("min, median and max", () => {
  /** One stream per duration, each listed on 2021-01-01 and delisted `days` later. */
  function removedAfter(...days: number[]): Timeline[] {
    return days.map((d, i) => {
      const end = new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10);
      return timeline(`c${i}/p`, ["Listed", "2021-01-01"], ["Delisted", end]);
    });
  }

  it("takes the middle one of an odd count, whatever the order of the streams", () => {
    expect(stage(removedAfter(30, 10, 20), "listed-removed")).toMatchObject({
      cases: 3,
      exact: 3,
      approximate: 0,
      min: 10,
      median: 20,
      max: 30,
    });
    expect(stage(removedAfter(5, 400, 7, 100, 6), "listed-removed")).toMatchObject({
      min: 5,
      median: 7,
      max: 400,
    });
  });

  it("takes the mean of the two middle ones of an even count", () => {
    expect(stage(removedAfter(50, 10, 30, 20), "listed-removed")).toMatchObject({
      cases: 4,
      min: 10,
      median: 25,
      max: 50,
    });
    expect(stage(removedAfter(20, 15), "listed-removed")).toMatchObject({
      min: 15,
      median: 17.5,
      max: 20,
    });
  });

  it("counts equal durations each", () => {
    expect(stage(removedAfter(322, 322, 131), "listed-removed")).toMatchObject({
      cases: 3,
      min: 131,
      median: 322,
      max: 322,
    });
  });

  it("of one case are that case", () => {
    expect(stage(removedAfter(60), "listed-removed")).toMatchObject({
      min: 60,
      median: 60,
      max: 60,
    });
  });
});

describe("dates known only to the month", () => {
  it("count the case and flag it, with the range of days it allows", () => {
    const t = timeline(
      "luokung/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-03-04"],
      ["Delisted", "2021-06-01", "month"],
    );
    expect(stage([t], "listed-removed")).toEqual({
      stage: "listed-removed",
      label: "listed → removed",
      cases: 1,
      exact: 0,
      approximate: 1,
      min: null,
      median: null,
      max: null,
      samples: [
        {
          stream: "luokung/dod-1237",
          from: "2021-01-14",
          to: "2021-06-01",
          days: 138,
          approximate: true,
          // 2021-01-14 to 2021-06-01 at the earliest, to 2021-06-30 at the latest.
          range: [138, 167],
        },
      ],
    });
  });

  it("are kept out of min, median and max", () => {
    const exact = [
      timeline("a/p", ["Listed", "2021-01-14"], ["Delisted", "2021-05-25"]), // 131
      timeline("b/p", ["Listed", "2021-01-14"], ["Delisted", "2021-06-03"]), // 140
      timeline("c/p", ["Listed", "2024-01-31"], ["Delisted", "2025-01-06"]), // 341
    ];
    const approximate = [
      timeline("d/p", ["Listed", "2021-01-14"], ["Delisted", "2021-02-01", "month"]), // 18 to 45
      timeline("e/p", ["Listed", "2020-01-01"], ["Delisted", "2023-12-01", "month"]), // 1430 to 1460
    ];
    const stats = stage([...exact, ...approximate], "listed-removed");
    expect(stats).toMatchObject({
      cases: 5,
      exact: 3,
      approximate: 2,
      min: 131,
      median: 140,
      max: 341,
    });
    expect(stats.samples.filter((s) => s.approximate).map((s) => [s.stream, s.range])).toEqual([
      ["d/p", [18, 45]],
      ["e/p", [1430, 1460]],
    ]);
    expect(stats.samples.filter((s) => !s.approximate).map((s) => s.range)).toEqual([
      [131, 131],
      [140, 140],
      [341, 341],
    ]);
  });

  it("at the start of a stage shorten its fewest days to the month's last day", () => {
    const t = timeline("a/p", ["Listed", "2021-03-01", "month"], ["ChallengeFiled", "2021-05-10"]);
    expect(stage([t], "listed-challenged").samples).toEqual([
      {
        stream: "a/p",
        from: "2021-03-01",
        to: "2021-05-10",
        days: 70,
        approximate: true,
        // From 2021-03-31 at the latest (40 days) or 2021-03-01 at the earliest (70 days).
        range: [40, 70],
      },
    ]);
  });

  it("at both ends of a stage in one month allow 0 days up to the whole month", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2024-02-01", "month"],
      ["Delisted", "2024-02-01", "month"],
    );
    expect(stage([t], "listed-removed").samples[0]).toMatchObject({
      days: 0,
      approximate: true,
      range: [0, 28],
    });
  });

  it("at both ends of a stage in different months give the widest range", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-01", "month"],
      ["Delisted", "2021-06-01", "month"],
    );
    // Fewest: 2021-01-31 -> 2021-06-01 (121); most: 2021-01-01 -> 2021-06-30 (180).
    expect(stage([t], "listed-removed").samples[0]).toMatchObject({
      days: 151,
      range: [121, 180],
    });
  });

  it("on an event that neither starts nor ends a stage change nothing", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["Noted", "2021-03-01", "month"],
      ["ChallengeFiled", "2021-03-04"],
    );
    expect(stage([t], "listed-challenged")).toMatchObject({
      cases: 1,
      exact: 1,
      approximate: 0,
      min: 49,
    });
  });

  it("leave a stage with only approximate cases without min, median and max", () => {
    const t = timeline(
      "a/p",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-03-04"],
      ["InjunctionGranted", "2021-05-05"],
      ["Delisted", "2021-06-01", "month"],
      ["ChallengeDismissed", "2021-06-01", "month"],
    );
    expect(stage([t], "challenged-closed")).toMatchObject({
      cases: 1,
      exact: 0,
      approximate: 1,
      min: null,
      median: null,
      max: null,
      samples: [{ from: "2021-03-04", to: "2021-06-01", days: 89, range: [89, 118] }],
    });
  });
});

describe("outcomes", () => {
  const LISTED = ["Listed", "2021-01-14"] as const;
  const CHALLENGED = ["ChallengeFiled", "2021-01-29"] as const;

  it("only streams with a ChallengeFiled are cases", () => {
    const timelines = [
      timeline("listed/p", LISTED),
      timeline("delisted/p", LISTED, ["Delisted", "2021-06-03"]),
      timeline("noted/p", ["Noted", "2025-01-06"]),
      timeline("sued/p", LISTED, CHALLENGED),
      timeline("empty/p"),
    ];
    const stats = caseStats(timelines);
    expect(stats.cases).toEqual([{ stream: "sued/p", outcome: "pending" }]);
    expect(stats.outcomes).toEqual({
      vacated: 0,
      delisted: 0,
      "judgment-for-government": 0,
      dismissed: 0,
      pending: 1,
    });
  });

  it.each([
    ["vacated", [["DesignationVacated", "2021-05-25"]]],
    [
      "vacated",
      [
        ["InjunctionGranted", "2021-03-12"],
        ["SettlementReached", "2021-05-11"],
        ["DesignationVacated", "2021-05-25"],
      ],
    ],
    // The challenge was won; a later, new listing does not undo that.
    [
      "vacated",
      [
        ["DesignationVacated", "2021-05-25"],
        ["Listed", "2022-01-01"],
      ],
    ],
    ["delisted", [["Delisted", "2021-06-03"]]],
    [
      "delisted",
      [
        ["InjunctionGranted", "2021-05-05"],
        ["Delisted", "2021-06-01"],
        ["ChallengeDismissed", "2021-06-02"],
      ],
    ],
    [
      "delisted",
      [
        ["Delisted", "2024-12-18"],
        ["SettlementReached", "2025-02-06"],
      ],
    ],
    ["judgment-for-government", [["JudgmentForGovernment", "2021-06-01"]]],
    [
      "judgment-for-government",
      [
        ["InjunctionGranted", "2021-03-12"],
        ["JudgmentForGovernment", "2021-06-01"],
      ],
    ],
    ["dismissed", [["ChallengeDismissed", "2021-06-01"]]],
    [
      "dismissed",
      [
        ["SettlementReached", "2021-05-11"],
        ["ChallengeDismissed", "2021-06-01"],
      ],
    ],
    ["pending", []],
    ["pending", [["InjunctionGranted", "2021-03-12"]]],
    ["pending", [["InjunctionDenied", "2021-03-12"]]],
    [
      "pending",
      [
        ["InjunctionGranted", "2021-03-12"],
        ["SettlementReached", "2021-05-11"],
      ],
    ],
    [
      "pending",
      [
        ["JudgmentForGovernment", "2021-06-01"],
        ["AppealFiled", "2021-07-01"],
      ],
    ],
    [
      "pending",
      [
        ["ChallengeDismissed", "2021-06-01"],
        ["ChallengeFiled", "2021-07-01"],
      ],
    ],
  ] as const)("%s after Listed, ChallengeFiled, then %j", (outcome, rest) => {
    const t = timeline("a/p", LISTED, CHALLENGED, ...rest);
    const stats = caseStats([t]);
    expect(stats.cases).toEqual([{ stream: "a/p", outcome }]);
    expect(stats.outcomes[outcome]).toBe(1);
    const others = OUTCOMES.filter((o) => o !== outcome).map((o) => stats.outcomes[o]);
    expect(others).toEqual([0, 0, 0, 0]);
  });

  it("counts every case by its outcome, and lists the cases in timeline order", () => {
    const timelines = [
      timeline("xiaomi/p", LISTED, CHALLENGED, ["DesignationVacated", "2021-05-25"]),
      timeline("luokung/p", LISTED, CHALLENGED, ["Delisted", "2021-06-01", "month"]),
      timeline("amec/p", LISTED, CHALLENGED, ["Delisted", "2024-12-18"]),
      timeline("gowin/p", LISTED, CHALLENGED),
      timeline("lost/p", LISTED, CHALLENGED, ["JudgmentForGovernment", "2022-01-01"]),
      timeline("quiet/p", LISTED),
    ];
    const stats = caseStats(timelines);
    expect(stats.outcomes).toEqual({
      vacated: 1,
      delisted: 2,
      "judgment-for-government": 1,
      dismissed: 0,
      pending: 1,
    });
    expect(stats.cases.map((c) => `${c.stream}: ${c.outcome}`)).toEqual([
      "xiaomi/p: vacated",
      "luokung/p: delisted",
      "amec/p: delisted",
      "gowin/p: pending",
      "lost/p: judgment-for-government",
    ]);
  });
});
