import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { addDays, type IsoDate } from "../../src/domain/isoDate.js";
import { statusAt } from "../../src/query/statusAt.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import {
  type Assumptions,
  assumptionProblems,
  sojournsFromAssumptions,
  stayEndingEvents,
} from "../../src/simulate/assumptions.js";
import {
  type Forecast,
  forecast,
  ForecastLoopError,
  type ForecastOptions,
  MAX_STEPS_PER_RUN,
} from "../../src/simulate/forecast.js";
import { seededRandom } from "../../src/simulate/random.js";
import { type SojournModel, sojournsFromHistory } from "../../src/simulate/sojournModel.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

/** A stream's timeline from `[type, effective]` pairs. */
function timelineOf(
  stream: string,
  ...steps: readonly (readonly [LifecycleEventType, IsoDate])[]
): Timeline {
  const events = steps.map(
    ([type, effective], index) =>
      makeEvent(type, effective, { stream, seq: index + 1 }) as FactEvent,
  );
  return foldStream(stream, events);
}

/** Checks what every forecast must satisfy. */
function expectValid(result: Forecast, timeline: Timeline, options: ForecastOptions): void {
  expect(result).toMatchObject({
    stream: timeline.stream,
    at: options.at,
    until: options.until,
    runs: options.runs,
    seed: options.seed,
  });
  const now = statusAt(timeline, options.at);
  expect(result.from).toEqual({
    status: now.status,
    enforceable: now.enforceable,
    since: now.since ?? options.at,
  });
  const total = result.statusAtUntil.reduce((sum, s) => sum + s.probability, 0);
  expect(total).toBeCloseTo(1, 10);
  for (const s of result.statusAtUntil) {
    expect(s.probability).toBeGreaterThan(0);
    expect(s.probability).toBeLessThanOrEqual(1);
    // Each probability is a whole number of runs.
    expect(s.probability * options.runs).toBeCloseTo(Math.round(s.probability * options.runs), 6);
  }
  const probabilities = result.statusAtUntil.map((s) => s.probability);
  expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
  const ends = result.enforceabilityEnds;
  expect(ends.probability).toBeGreaterThanOrEqual(0);
  expect(ends.probability).toBeLessThanOrEqual(1);
  if (ends.probability === 0) {
    expect(ends).toEqual({ probability: 0, p10: null, median: null, p90: null });
  } else {
    const { p10, median, p90 } = ends as { p10: IsoDate; median: IsoDate; p90: IsoDate };
    expect(p10 >= options.at).toBe(true);
    expect(p10 <= median).toBe(true);
    expect(median <= p90).toBe(true);
    expect(p90 <= options.until).toBe(true);
  }
}

beforeEach(() => {
  resetEventSeq();
});

describe("seededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first[0]).toBe(0.6011037519201636);
  });

  it("gives numbers in [0, 1), spread over the interval", () => {
    for (const seed of [0, 1, 7, 42, 2 ** 31, 2 ** 32 - 1]) {
      const next = seededRandom(seed);
      const values = Array.from({ length: 5000 }, () => next());
      for (const value of values) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
      }
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      expect(mean).toBeGreaterThan(0.45);
      expect(mean).toBeLessThan(0.55);
      expect(values.some((value) => value < 0.1)).toBe(true);
      expect(values.some((value) => value > 0.9)).toBe(true);
    }
  });

  it("gives other numbers for another seed", () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    const first = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).not.toEqual(first);
  });
});

describe("sojournsFromHistory", () => {
  const timelines = () => [
    timelineOf(
      "acme/dod-1237",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-02-01"],
      ["InjunctionGranted", "2021-03-01"],
    ),
    timelineOf("beta/dod-1237", ["Listed", "2021-01-11"], ["ChallengeFiled", "2021-01-21"]),
  ];

  it("makes each interval a stay ended by the event that opened the next; the last one goes on", () => {
    const model = sojournsFromHistory(timelines(), "2021-12-31");
    expect(model).toEqual({
      listed: [
        { days: 31, event: "ChallengeFiled", weight: 1, source: "acme/dod-1237" },
        { days: 10, event: "ChallengeFiled", weight: 1, source: "beta/dod-1237" },
      ],
      challenged: [
        { days: 28, event: "InjunctionGranted", weight: 1, source: "acme/dod-1237" },
        // 2021-01-21 → 2021-12-31: still challenged when last observed, for at least 344 days.
        { days: 344, weight: 1, source: "beta/dod-1237" },
      ],
      enjoined: [{ days: 305, weight: 1, source: "acme/dod-1237" }],
    });
    expect(model.enjoined?.[0]).not.toHaveProperty("event");
    expect(model.unlisted).toBeUndefined();
  });

  it("sees only what happened by `asOf`: later intervals are left out, the current one censored", () => {
    const model = sojournsFromHistory(timelines(), "2021-02-15");
    expect(model).toEqual({
      listed: [
        { days: 31, event: "ChallengeFiled", weight: 1, source: "acme/dod-1237" },
        { days: 10, event: "ChallengeFiled", weight: 1, source: "beta/dod-1237" },
      ],
      challenged: [
        { days: 14, weight: 1, source: "acme/dod-1237" },
        { days: 25, weight: 1, source: "beta/dod-1237" },
      ],
    });
  });

  it("is empty before anything happened", () => {
    expect(sojournsFromHistory(timelines(), "2020-12-31")).toEqual({});
  });
});

describe("sojournsFromAssumptions", () => {
  it("spreads each branch's share over its days, counted from the start of the forecast", () => {
    const assumptions: Assumptions = {
      statuses: {
        challenged: [
          { event: "DesignationVacated", share: 1, days: [30, 90] },
          { event: "JudgmentForGovernment", share: 2, days: [60] },
        ],
      },
    };
    expect(sojournsFromAssumptions(assumptions)).toEqual({
      challenged: [
        {
          days: 30,
          event: "DesignationVacated",
          weight: 0.5,
          source: "assumption",
          fromForecastStart: true,
          field: "statuses.challenged.0",
        },
        {
          days: 90,
          event: "DesignationVacated",
          weight: 0.5,
          source: "assumption",
          fromForecastStart: true,
          field: "statuses.challenged.0",
        },
        {
          days: 60,
          event: "JudgmentForGovernment",
          weight: 2,
          source: "assumption",
          fromForecastStart: true,
          field: "statuses.challenged.1",
        },
      ],
    });
  });

  it("gives each branch's days as lengths of stay, not a range: [90, 30] is 90 days or 30", () => {
    const model = sojournsFromAssumptions({
      statuses: { challenged: [{ event: "DesignationVacated", share: 1, days: [90, 30] }] },
    });
    expect(model.challenged?.map((stay) => [stay.days, stay.weight])).toEqual([
      [90, 0.5],
      [30, 0.5],
    ]);
  });
});

describe("assumptionProblems", () => {
  it("finds nothing wrong in branches whose events end a stay in their status", () => {
    expect(
      assumptionProblems({
        statuses: {
          listed: [{ event: "ChallengeFiled", share: 1, days: [10] }],
          challenged: [
            { event: "InjunctionGranted", share: 1, days: [0] },
            { event: "DesignationVacated", share: 2, days: [90, 30] },
          ],
          enjoined: [{ event: "InjunctionLifted", share: 1, days: [5] }],
          delisted: [],
        },
      }),
    ).toEqual([]);
  });

  it("names each branch whose event can never end a stay in its status, and the events that can", () => {
    expect(
      assumptionProblems({
        statuses: {
          challenged: [
            { event: "DesignationVacated", share: 1, days: [30] },
            { event: "AppealFiled", share: 1, days: [30] },
            { event: "InjunctionDenied", share: 1, days: [0] },
          ],
          listed: [{ event: "Relisted", share: 1, days: [365] }],
          vacated: [{ event: "Noted", share: 1, days: [1] }],
        },
      }),
    ).toEqual([
      {
        field: "statuses.challenged.1.event",
        message:
          '"AppealFiled" can never end a stay in challenged: the events that can are Delisted, InjunctionGranted, SettlementReached, DesignationVacated, JudgmentForGovernment, ChallengeDismissed',
      },
      {
        field: "statuses.challenged.2.event",
        message: expect.stringMatching(/^"InjunctionDenied" can never end a stay in challenged: /),
      },
      {
        field: "statuses.listed.0.event",
        message:
          '"Relisted" can never end a stay in listed: the events that can are Delisted, ChallengeFiled, AppealFiled',
      },
      {
        field: "statuses.vacated.0.event",
        message: '"Noted" can never end a stay in vacated: the events that can are Listed',
      },
    ]);
  });

  it("reads the events that end a stay off the machine: each changes the status or enforceability", () => {
    const ending = stayEndingEvents();
    expect(ending.unlisted).toEqual(["Listed"]);
    expect(ending.challenged).toContain("InjunctionGranted");
    expect(ending.enjoined).toContain("InjunctionLifted");
    expect(ending.enjoined).not.toContain("InjunctionGranted");
    for (const events of Object.values(ending)) {
      expect(events).not.toContain("Noted");
      expect(events).not.toContain("EditionPublished");
    }
  });
});

describe("forecast", () => {
  /** A stream listed on 2025-01-01; a model under which many things can happen. */
  const listedStream = () => timelineOf("acme/dod-1237", ["Listed", "2025-01-01"]);
  const RICH: SojournModel = {
    listed: [
      { days: 200, event: "ChallengeFiled", weight: 1, source: "a" },
      { days: 400, event: "Delisted", weight: 1, source: "b" },
      { days: 1000, weight: 1, source: "c" },
    ],
    challenged: [
      { days: 50, event: "InjunctionGranted", weight: 1, source: "a" },
      { days: 300, event: "JudgmentForGovernment", weight: 1, source: "b" },
      { days: 100, event: "DesignationVacated", weight: 1, source: "c" },
    ],
    enjoined: [
      { days: 60, event: "SettlementReached", weight: 1, source: "a" },
      { days: 30, event: "InjunctionLifted", weight: 1, source: "b" },
    ],
    settled: [{ days: 14, event: "DesignationVacated", weight: 1, source: "a" }],
  };
  const options = (seed: number, runs = 2000): ForecastOptions => ({
    at: "2025-06-01",
    until: "2028-12-31",
    runs,
    seed,
    model: RICH,
  });

  it("gives the same result for the same seed", () => {
    const timeline = listedStream();
    const first = forecast(timeline, options(7));
    expect(forecast(timeline, options(7))).toEqual(first);
    expectValid(first, timeline, options(7));
    // The model lets several things happen, so the result is no foregone conclusion.
    expect(first.statusAtUntil.length).toBeGreaterThan(2);
  });

  it("may differ for other seeds, and is valid for each", () => {
    const timeline = listedStream();
    const results = [1, 2, 3, 4, 5].map((seed) => {
      const result = forecast(timeline, options(seed, 200));
      expectValid(result, timeline, options(seed, 200));
      return JSON.stringify({ ...result, seed: 0 });
    });
    expect(new Set(results).size).toBeGreaterThan(1);
  });

  it("starts from the stream's status on `at`, since when it holds", () => {
    const result = forecast(listedStream(), options(1, 10));
    expect(result.from).toEqual({ status: "listed", enforceable: true, since: "2025-01-01" });
  });

  describe("with assumptions that make one outcome certain", () => {
    const challenged = () =>
      timelineOf("acme/dod-1237", ["Listed", "2025-01-01"], ["ChallengeFiled", "2025-02-01"]);
    const assume = (statuses: Assumptions["statuses"]) => sojournsFromAssumptions({ statuses });

    it("ends vacated in every run, exactly `at` + 30 days", () => {
      const timeline = challenged();
      const at = "2025-06-01";
      const model = {
        ...sojournsFromHistory([timeline], at),
        ...assume({ challenged: [{ event: "DesignationVacated", share: 1, days: [30] }] }),
      };
      const settings = { at, until: "2026-12-31", runs: 500, seed: 3, model };
      const result = forecast(timeline, settings);
      expectValid(result, timeline, settings);
      expect(result.statusAtUntil).toEqual([{ status: "vacated", probability: 1 }]);
      expect(addDays(at, 30)).toBe("2025-07-01");
      expect(result.enforceabilityEnds).toEqual({
        probability: 1,
        p10: "2025-07-01",
        median: "2025-07-01",
        p90: "2025-07-01",
      });
      expect(result.basis).toEqual([
        { status: "challenged", stays: 1, ended: 1, ongoing: 0, sources: 1 },
        { status: "vacated", stays: 0, ended: 0, ongoing: 0, sources: 0 },
      ]);
    });

    it("draws the days of a branch at random: the end falls on one of them", () => {
      const timeline = challenged();
      const at = "2025-06-01";
      const model = assume({
        challenged: [{ event: "DesignationVacated", share: 1, days: [30, 90] }],
      });
      const result = forecast(timeline, { at, until: "2026-12-31", runs: 1000, seed: 5, model });
      expect(result.statusAtUntil).toEqual([{ status: "vacated", probability: 1 }]);
      expect(result.enforceabilityEnds).toMatchObject({
        probability: 1,
        p10: addDays(at, 30),
        p90: addDays(at, 90),
      });
      expect([addDays(at, 30), addDays(at, 90)]).toContain(result.enforceabilityEnds.median);
    });

    it("weighs branches by their shares", () => {
      const timeline = challenged();
      const model = assume({
        challenged: [
          { event: "DesignationVacated", share: 1, days: [10] },
          { event: "JudgmentForGovernment", share: 3, days: [10] },
        ],
      });
      const result = forecast(timeline, {
        at: "2025-06-01",
        until: "2026-12-31",
        runs: 4000,
        seed: 11,
        model,
      });
      const chance = (status: string) =>
        result.statusAtUntil.find((s) => s.status === status)?.probability ?? 0;
      expect(chance("vacated") + chance("listed")).toBeCloseTo(1, 10);
      expect(chance("vacated")).toBeGreaterThan(0.2);
      expect(chance("vacated")).toBeLessThan(0.3);
      // Only the vacatur ends enforceability.
      expect(result.enforceabilityEnds.probability).toBeCloseTo(chance("vacated"), 10);
    });

    it("follows the assumptions status after status", () => {
      const timeline = challenged();
      const at = "2025-06-01";
      const model = assume({
        challenged: [{ event: "InjunctionGranted", share: 1, days: [10] }],
        enjoined: [{ event: "SettlementReached", share: 1, days: [20] }],
      });
      const result = forecast(timeline, { at, until: "2026-12-31", runs: 50, seed: 1, model });
      expect(result.statusAtUntil).toEqual([{ status: "settled", probability: 1 }]);
      // Enforceable until the injunction of at + 10 days.
      expect(result.enforceabilityEnds.median).toBe(addDays(at, 10));
    });

    it("takes an assumed 0-day stay in a status entered during the run: it ends that same day", () => {
      // Freshly challenged: the challenge was filed on the day the forecast starts.
      const at = "2025-06-01";
      const timeline = timelineOf(
        "acme/dod-1237",
        ["Listed", "2025-01-01"],
        ["ChallengeFiled", at],
      );
      const model = assume({
        challenged: [{ event: "InjunctionGranted", share: 1, days: [10] }],
        enjoined: [{ event: "SettlementReached", share: 1, days: [0] }],
      });
      const settings = { at, until: "2026-12-31", runs: 200, seed: 1, model };

      const result = forecast(timeline, settings);

      // On entering a status any assumed stay can be drawn, 0 days too; were only stays of more
      // than 0 days drawn, every run would stay enjoined.
      expectValid(result, timeline, settings);
      expect(result.statusAtUntil).toEqual([{ status: "settled", probability: 1 }]);
      expect(result.enforceabilityEnds.median).toBe(addDays(at, 10));
    });

    it("skips a branch whose event the machine would not accept there", () => {
      const timeline = challenged();
      const model = assume({ challenged: [{ event: "AppealFiled", share: 1, days: [10] }] });
      const result = forecast(timeline, {
        at: "2025-06-01",
        until: "2026-12-31",
        runs: 50,
        seed: 1,
        model,
      });
      expect(result.statusAtUntil).toEqual([{ status: "challenged", probability: 1 }]);
    });

    it("leaves the stream as it is when the event would come after `until`", () => {
      const timeline = challenged();
      const model = assume({
        challenged: [{ event: "DesignationVacated", share: 1, days: [30] }],
      });
      const result = forecast(timeline, {
        at: "2025-06-01",
        until: "2025-06-30",
        runs: 50,
        seed: 1,
        model,
      });
      expect(result.statusAtUntil).toEqual([{ status: "challenged", probability: 1 }]);
      expect(result.enforceabilityEnds.probability).toBe(0);
    });
  });

  describe("from the history", () => {
    // acme stayed challenged 30 days before an injunction.
    const other = () =>
      timelineOf(
        "acme/dod-1237",
        ["Listed", "2023-11-01"],
        ["ChallengeFiled", "2023-12-01"],
        ["InjunctionGranted", "2023-12-31"],
      );
    const current = () =>
      timelineOf("beta/dod-1237", ["Listed", "2023-06-01"], ["ChallengeFiled", "2024-01-01"]);
    const run = (at: IsoDate, until: IsoDate = "2026-12-31") => {
      const timelines = [other(), current()];
      return forecast(timelines[1] as Timeline, {
        at,
        until,
        runs: 300,
        seed: 2,
        model: sojournsFromHistory(timelines, at),
      });
    };

    it("keeps the stream in a status where no stay lasted longer than the current one", () => {
      // beta has been challenged for years; the only ended stay in challenged lasted 30 days.
      const result = run("2026-11-23");
      expect(result.statusAtUntil).toEqual([{ status: "challenged", probability: 1 }]);
      expect(result.enforceabilityEnds).toEqual({
        probability: 0,
        p10: null,
        median: null,
        p90: null,
      });
      expect(result.basis).toEqual([
        { status: "challenged", stays: 2, ended: 1, ongoing: 1, sources: 2 },
      ]);
    });

    it("a stay exactly as long as the current one does not count: it would have ended already", () => {
      // 2024-01-01 + 30 days = 2024-01-31: on that day beta has been challenged 30 days.
      expect(run("2024-01-31").statusAtUntil).toEqual([{ status: "challenged", probability: 1 }]);
    });

    it("a longer stay ends the current one, counted from when it began", () => {
      // On 2024-01-30 beta has been challenged 29 days: acme's 30-day stay ends it on 2024-01-31.
      const result = run("2024-01-30");
      expect(result.statusAtUntil).toEqual([{ status: "enjoined", probability: 1 }]);
      expect(result.enforceabilityEnds).toEqual({
        probability: 1,
        p10: "2024-01-31",
        median: "2024-01-31",
        p90: "2024-01-31",
      });
      // No stay in enjoined ever ended in the history: acme's is still going on.
      expect(result.basis).toContainEqual({
        status: "enjoined",
        stays: 1,
        ended: 0,
        ongoing: 1,
        sources: 1,
      });
    });

    it("a stay still going on means 'at least that long': the run draws again among longer ones", () => {
      const timeline = current();
      const at = "2024-04-10"; // challenged for 100 days
      const model: SojournModel = {
        challenged: [
          { days: 500, weight: 1, source: "ongoing" },
          { days: 600, event: "DesignationVacated", weight: 1, source: "ended" },
        ],
      };
      const result = forecast(timeline, { at, until: "2027-12-31", runs: 300, seed: 9, model });
      expect(result.statusAtUntil).toEqual([{ status: "vacated", probability: 1 }]);
      // Every run ends with the only ended stay: 600 days after the challenge of 2024-01-01.
      expect(result.enforceabilityEnds.median).toBe(addDays("2024-01-01", 600));
      expect(result.enforceabilityEnds.p10).toBe(result.enforceabilityEnds.p90);
      const onlyOngoing = forecast(timeline, {
        at,
        until: "2027-12-31",
        runs: 50,
        seed: 9,
        model: { challenged: [{ days: 500, weight: 1, source: "ongoing" }] },
      });
      expect(onlyOngoing.statusAtUntil).toEqual([{ status: "challenged", probability: 1 }]);
    });

    it("an unlisted stream stays unlisted: no history has a stay in unlisted", () => {
      const timelines = [other(), current()];
      const result = forecast(timelineOf("gamma/dod-1237"), {
        at: "2025-01-01",
        until: "2026-12-31",
        runs: 20,
        seed: 1,
        model: sojournsFromHistory(timelines, "2025-01-01"),
      });
      expect(result.from).toEqual({ status: "unlisted", enforceable: false, since: "2025-01-01" });
      expect(result.statusAtUntil).toEqual([{ status: "unlisted", probability: 1 }]);
    });
  });
});

describe("forecast: bounded runs", () => {
  beforeEach(() => resetEventSeq());
  const challenged = () =>
    timelineOf("acme/dod-1237", ["Listed", "2025-01-01"], ["ChallengeFiled", "2025-02-01"]);
  const assume = (statuses: Assumptions["statuses"]) => sojournsFromAssumptions({ statuses });

  it("stops at the first run that goes round a loop, naming it, instead of answering from runs cut short", () => {
    const model = assume({
      challenged: [{ event: "InjunctionGranted", share: 1, days: [0] }],
      enjoined: [{ event: "InjunctionLifted", share: 1, days: [0] }],
    });
    let runs = 0;
    const attempt = () =>
      forecast(challenged(), {
        at: "2025-06-01",
        until: "2026-12-31",
        runs: 1_000_000,
        seed: 1,
        model,
        onRun: () => (runs += 1),
      });
    expect(attempt).toThrow(ForecastLoopError);
    expect(runs).toBe(0);
    try {
      attempt();
    } catch (error) {
      const loop = error as ForecastLoopError;
      expect(loop.stream).toBe("acme/dod-1237");
      expect(loop.assumed).toBe(true);
      expect(loop.loop.map((step) => [step.status, step.event, step.days, step.to])).toEqual(
        expect.arrayContaining([
          ["challenged", "InjunctionGranted", 0, "enjoined"],
          ["enjoined", "InjunctionLifted", 0, "challenged"],
        ]),
      );
      expect(loop.loop).toHaveLength(2);
      expect(loop.loop.map((step) => step.field).sort()).toEqual([
        "statuses.challenged.0",
        "statuses.enjoined.0",
      ]);
      expect(loop.message).toContain(
        `drew ${MAX_STEPS_PER_RUN.toLocaleString("en-US")} stays without reaching 2026-12-31`,
      );
    }
  });

  it("a run that reaches `until` within the cap is no loop; one that needs a stay more is", () => {
    // 1-day stays from 2025-06-01: the cap's last stay would end on day MAX_STEPS_PER_RUN.
    const model = assume({
      challenged: [{ event: "InjunctionGranted", share: 1, days: [1] }],
      enjoined: [{ event: "InjunctionLifted", share: 1, days: [1] }],
    });
    const settings = { at: "2025-06-01", runs: 3, seed: 1, model };
    const reached = addDays("2025-06-01", MAX_STEPS_PER_RUN - 1);
    const result = forecast(challenged(), { ...settings, until: reached });
    expect(result.statusAtUntil).toHaveLength(1);
    expect(() => forecast(challenged(), { ...settings, until: addDays(reached, 1) })).toThrow(
      ForecastLoopError,
    );
  });

  it("tells onRun of every run", () => {
    const done: number[] = [];
    const model = assume({ challenged: [{ event: "DesignationVacated", share: 1, days: [30] }] });
    forecast(challenged(), {
      at: "2025-06-01",
      until: "2026-12-31",
      runs: 5,
      seed: 1,
      model,
      onRun: (count) => done.push(count),
    });
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });
});
