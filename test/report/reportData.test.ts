import { beforeEach, describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { embeddedJson, reportData } from "../../src/report/reportData.js";
import type { EffectBand, Report, ReportLane } from "../../src/report/reportModel.js";
import { makeEvent, makeSource, resetEventSeq } from "../support/events.js";

beforeEach(() => resetEventSeq());

function lane(
  stream: string,
  events: FactEvent[],
  effects: EffectBand[] = [],
  world: ReportLane["world"] = "actual",
): ReportLane {
  const [company, program] = stream.split("/") as [string, string];
  return {
    stream,
    company,
    companyName: company.toUpperCase(),
    program,
    world,
    timeline: foldStream(stream, events),
    effects,
  };
}

function report(lanes: ReportLane[], companies?: Company[]): Report {
  return {
    title: "t",
    subtitle: "s",
    generated: "2026-11-23",
    cursor: "2021-04-01",
    range: { from: "2020-12-01", to: "2021-12-01" },
    lanes,
    ...(companies ? { companies } : {}),
  };
}

const on = (stream: string) => ({ stream });

describe("reportData", () => {
  it("gives each interval its status, enforceability and the index of the event that opened it", () => {
    const events = [
      makeEvent("Listed", "2021-01-14", on("acme/dod-1237")),
      makeEvent("Noted", "2021-01-20", on("acme/dod-1237")),
      makeEvent("ChallengeFiled", "2021-01-29", on("acme/dod-1237")),
      makeEvent("InjunctionGranted", "2021-03-12", on("acme/dod-1237")),
    ] as FactEvent[];
    const [data] = reportData(report([lane("acme/dod-1237", events)])).lanes;
    expect(data?.[4]).toEqual([
      ["2021-01-14", "2021-01-29", "listed", 1, 0],
      ["2021-01-29", "2021-03-12", "challenged", 1, 2],
      ["2021-03-12", null, "enjoined", 0, 3],
    ]);
    const types = data?.[6].map((event) => [event[1], event[3], event[10]]);
    expect(types).toEqual([
      ["Listed", 0, "listed"],
      ["Noted", 1, "listed"],
      ["ChallengeFiled", 0, "challenged"],
      ["InjunctionGranted", 0, "enjoined"],
    ]);
    expect(data?.[6][3]?.slice(8, 10)).toEqual(["listed", "enjoined"]);
  });

  it("stores each source once, and a default event id as its seq", () => {
    const shared = makeSource("edition-2021-01-14");
    const a = [
      makeEvent("Listed", "2021-01-14", {
        ...on("a/dod-1237"),
        id: "a-dod-1237-0001",
        seq: 1,
        sources: [shared],
      }),
    ] as FactEvent[];
    const b = [
      makeEvent("Listed", "2021-01-14", {
        ...on("b/dod-1237"),
        id: "b-listing",
        seq: 1,
        sources: [shared, makeSource("other")],
      }),
    ] as FactEvent[];
    const data = reportData(report([lane("a/dod-1237", a), lane("b/dod-1237", b)]));
    expect(data.sources).toEqual([
      [shared.publisher, shared.title, shared.url],
      [shared.publisher, "other", "https://example.org/other"],
    ]);
    expect(data.lanes.map((l) => [l[6][0]?.[7], l[6][0]?.[11]])).toEqual([
      [1, [0]],
      ["b-listing", [0, 1]],
    ]);
  });

  it("keeps an event's court, docket, judge and document, and its known date when later", () => {
    const events = [
      makeEvent("Listed", "2021-01-14", on("acme/dod-1237")),
      makeEvent("ChallengeFiled", "2021-01-29", {
        ...on("acme/dod-1237"),
        known: "2021-02-02",
        data: { docket: "1:21-cv-00280", judge: "Rudolph Contreras" },
      }),
    ] as FactEvent[];
    const [data] = reportData(report([lane("acme/dod-1237", events)])).lanes;
    expect(data?.[6][0]?.[12]).toBeUndefined();
    expect(data?.[6][0]?.[6]).toBeNull();
    expect(data?.[6][1]?.[6]).toBe("2021-02-02");
    expect(data?.[6][1]?.[12]).toEqual([
      "U.S. District Court for the District of Columbia",
      "1:21-cv-00280",
      "Rudolph Contreras",
      "",
      "",
    ]);
  });

  it("stores each effect rule's text once", () => {
    const rule = "EO 13959, sec. 1(a)(ii) (2020-11-12). No purchases.";
    const band = (from: string, inForce: boolean): EffectBand => ({
      kind: "purchase-ban",
      from,
      to: null,
      inForce,
      note: `purchase-ban ${from} to ..., ${inForce ? "in force" : "suspended"}`,
      rule,
    });
    const events = (stream: string) =>
      [makeEvent("Listed", "2021-01-14", on(stream))] as FactEvent[];
    const data = reportData(
      report([
        lane("a/dod-1237", events("a/dod-1237"), [band("2021-03-15", true)]),
        lane("b/dod-1237", events("b/dod-1237"), [band("2021-03-16", false)]),
      ]),
    );
    expect(data.rules).toEqual([rule]);
    expect(data.lanes.map((l) => l[7])).toEqual([
      [["purchase-ban", "2021-03-15", null, 1, "purchase-ban 2021-03-15 to ..., in force", 0]],
      [["purchase-ban", "2021-03-16", null, 0, "purchase-ban 2021-03-16 to ..., suspended", 0]],
    ]);
    expect(data.hasEffects).toBe(true);
  });

  it("names each company once with its aliases, and groups lanes by parent", () => {
    const events = (stream: string) =>
      [makeEvent("Listed", "2021-01-14", on(stream))] as FactEvent[];
    const companies: Company[] = [
      { id: "holding", name: "Holding Group", aliases: ["HG"], identifiers: {} },
      { id: "maker", name: "Maker Ltd.", aliases: ["Maker"], identifiers: {}, parent: "holding" },
    ];
    const data = reportData(
      report(
        [
          lane("maker/dod-1237", events("maker/dod-1237")),
          lane("maker/dod-1260h", events("maker/dod-1260h")),
          lane("solo/dod-1237", events("solo/dod-1237")),
        ],
        companies,
      ),
    );
    expect(data.companies).toEqual([
      ["maker", "MAKER", ["Maker"]],
      ["solo", "SOLO", []],
      ["holding", "Holding Group", ["HG"]],
    ]);
    expect(data.lanes.map((l) => l[1])).toEqual([0, 0, 1]);
    expect(data.groups).toEqual([
      [2, [0, 1], [1, 1]],
      [1, [2], [0]],
    ]);
  });

  it("marks simulated lanes", () => {
    const events = [makeEvent("Listed", "2021-01-14", on("acme/dod-1237"))] as FactEvent[];
    const data = reportData(
      report([lane("acme/dod-1237", events), lane("acme/dod-1237", events, [], "simulated")]),
    );
    expect(data.simulated).toBe(true);
    expect(data.lanes.map((l) => l[3])).toEqual([0, 1]);
  });
});

describe("embeddedJson", () => {
  it("cannot end its script element or break a line, and parses back to the same data", () => {
    const hostile = "</script><!-- \u2028 \u2029 <b>";
    const events = [
      makeEvent("Listed", "2021-01-14", { ...on("acme/dod-1237"), data: { description: hostile } }),
    ] as FactEvent[];
    const data = reportData(report([lane("acme/dod-1237", events)]));
    const json = embeddedJson(data);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
