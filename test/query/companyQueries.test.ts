import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { companyStatus, companyTimelines, listStreams } from "../../src/query/companyQueries.js";
import { UnknownCompanyError, UnknownProgramError } from "../../src/query/queryErrors.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

function timelineOf(stream: string, ...steps: [LifecycleEventType, string][]): Timeline {
  const events = steps.map(
    ([type, effective], index) =>
      makeEvent(type, effective, { stream, seq: index + 1 }) as FactEvent,
  );
  return foldStream(stream, events);
}

let timelines: Timeline[];

beforeEach(() => {
  resetEventSeq();
  timelines = [
    timelineOf(
      "acme/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
    ),
    timelineOf("acme/dod-1260h", ["Listed", "2022-10-05"]),
    timelineOf(
      "beta/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-02-01"],
      ["InjunctionGranted", "2021-03-05"],
    ),
    timelineOf("gamma/ofac-ns-cmic", ["Listed", "2021-06-03"], ["Delisted", "2022-01-01"]),
  ];
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("companyStatus", () => {
  it("answers for every program the company is on", () => {
    const answers = companyStatus(timelines, "acme", "2023-01-01");
    expect(
      answers.map(({ stream, status, enforceable, since }) => [stream, status, enforceable, since]),
    ).toEqual([
      ["acme/dod-1237", "enjoined", false, "2021-03-12"],
      ["acme/dod-1260h", "listed", true, "2022-10-05"],
    ]);
    expect(answers.every((answer) => answer.at === "2023-01-01" && answer.company === "acme")).toBe(
      true,
    );
  });

  it("says unlisted on a program before the company's listing there", () => {
    const answers = companyStatus(timelines, "acme", "2021-04-01");
    expect(answers.map((a) => [a.program, a.status, a.since])).toEqual([
      ["dod-1237", "enjoined", "2021-03-12"],
      ["dod-1260h", "unlisted", null],
    ]);
  });

  it("answers for one program", () => {
    expect(companyStatus(timelines, "acme", "2021-04-01", "dod-1237")).toEqual([
      expect.objectContaining({
        stream: "acme/dod-1237",
        program: "dod-1237",
        status: "enjoined",
        enforceable: false,
      }),
    ]);
  });

  it("says unlisted on a known program the company has no stream on", () => {
    expect(companyStatus(timelines, "beta", "2023-01-01", "ofac-ns-cmic")).toEqual([
      {
        stream: "beta/ofac-ns-cmic",
        company: "beta",
        program: "ofac-ns-cmic",
        at: "2023-01-01",
        status: "unlisted",
        enforceable: false,
        since: null,
        event: null,
        uncertain: false,
      },
    ]);
    expect(companyTimelines(timelines, "beta", "ofac-ns-cmic")).toEqual([
      {
        stream: "beta/ofac-ns-cmic",
        company: "beta",
        program: "ofac-ns-cmic",
        intervals: [],
        steps: [],
        uncertainMonths: [],
      },
    ]);
  });

  it("throws UnknownCompanyError for a company no stream has, naming those it knows", () => {
    const error = thrown(() => companyStatus(timelines, "delta", "2021-04-01"));
    expect(error).toBeInstanceOf(UnknownCompanyError);
    expect(error).toMatchObject({
      name: "UnknownCompanyError",
      company: "delta",
      known: ["acme", "beta", "gamma"],
      message: 'unknown company "delta"; the log has: acme, beta, gamma',
    });
  });

  it("throws UnknownCompanyError before looking at the program", () => {
    expect(thrown(() => companyStatus(timelines, "delta", "2021-04-01", "nope"))).toBeInstanceOf(
      UnknownCompanyError,
    );
  });

  it("throws UnknownProgramError for a program no stream has, naming those it knows", () => {
    const error = thrown(() => companyStatus(timelines, "acme", "2021-04-01", "bis-meu"));
    expect(error).toBeInstanceOf(UnknownProgramError);
    expect(error).toMatchObject({
      name: "UnknownProgramError",
      program: "bis-meu",
      known: ["dod-1237", "dod-1260h", "ofac-ns-cmic"],
      message: 'unknown program "bis-meu"; the log has: dod-1237, dod-1260h, ofac-ns-cmic',
    });
  });

  it("names an empty log in its errors", () => {
    expect(thrown(() => companyStatus([], "acme", "2021-04-01"))).toMatchObject({
      message: 'unknown company "acme"; the log has: (no companies)',
    });
    expect(thrown(() => listStreams([], "2021-04-01", { program: "dod-1237" }))).toMatchObject({
      message: 'unknown program "dod-1237"; the log has: (no programs)',
    });
  });
});

describe("listStreams", () => {
  it("lists every stream's status on the date", () => {
    expect(listStreams(timelines, "2021-04-01").map((s) => [s.stream, s.status])).toEqual([
      ["acme/dod-1237", "enjoined"],
      ["acme/dod-1260h", "unlisted"],
      ["beta/dod-1237", "enjoined"],
      ["gamma/ofac-ns-cmic", "unlisted"],
    ]);
  });

  it("filters by status", () => {
    expect(
      listStreams(timelines, "2021-04-01", { status: "enjoined" }).map((s) => s.stream),
    ).toEqual(["acme/dod-1237", "beta/dod-1237"]);
    expect(
      listStreams(timelines, "2022-06-01", { status: "delisted" }).map((s) => s.stream),
    ).toEqual(["gamma/ofac-ns-cmic"]);
    expect(listStreams(timelines, "2021-04-01", { status: "vacated" })).toEqual([]);
  });

  it("filters by program", () => {
    expect(
      listStreams(timelines, "2021-04-01", { program: "dod-1237" }).map((s) => s.stream),
    ).toEqual(["acme/dod-1237", "beta/dod-1237"]);
  });

  it("filters by program and status together", () => {
    expect(
      listStreams(timelines, "2022-11-01", { program: "dod-1260h", status: "listed" }).map(
        (s) => s.stream,
      ),
    ).toEqual(["acme/dod-1260h"]);
    expect(listStreams(timelines, "2022-11-01", { program: "dod-1237", status: "listed" })).toEqual(
      [],
    );
  });

  it("throws UnknownProgramError for a program no stream has", () => {
    expect(
      thrown(() => listStreams(timelines, "2021-04-01", { program: "dod-1238" })),
    ).toBeInstanceOf(UnknownProgramError);
  });
});
