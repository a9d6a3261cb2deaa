import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import type { IsoDate } from "../../src/domain/isoDate.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import {
  AXIS_FIRST_DAY,
  AXIS_LAST_DAY,
  DateBounds,
  type Report,
  type ReportLane,
  reportRange,
} from "../../src/report/reportModel.js";
import { HEADLINE_STATUSES } from "../../src/domain/lifecycleState.js";
import { STATUS_COLORS } from "../../src/report/statusColors.js";
import { makeEvent, makeFacts, resetEventSeq, STREAM } from "../support/events.js";
import { embeddedData, laneNames } from "./support/embeddedData.js";

beforeEach(() => resetEventSeq());

function lane(events: FactEvent[], world: ReportLane["world"] = "actual"): ReportLane {
  return {
    stream: STREAM,
    company: "acme",
    companyName: "Acme Corp.",
    program: "dod-1237",
    world,
    timeline: foldStream(STREAM, events),
    effects: [],
  };
}

function report(lanes: ReportLane[]): Report {
  return {
    title: "Acme",
    subtitle: "test",
    generated: "2026-11-23",
    cursor: "2021-04-01",
    range: reportRange(lanes, []),
    lanes,
  };
}

const XIAOMI_LIKE: (readonly [LifecycleEventType, IsoDate])[] = [
  ["Listed", "2021-01-14"],
  ["ChallengeFiled", "2021-01-29"],
  ["InjunctionGranted", "2021-03-12"],
  ["SettlementReached", "2021-05-11"],
  ["DesignationVacated", "2021-05-25"],
];

describe("reportHtml", () => {
  it("is one self-contained page: nothing is loaded from elsewhere", () => {
    const html = reportHtml(report([lane(makeFacts(...XIAOMI_LIKE))]));
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|import\(/);
    // Links to sources are there to follow, not to load: the script makes them from the data.
    expect(embeddedData(html).sources[0]?.[2]).toMatch(/^https:\/\/example\.org\//);
  });

  it("hands the script each interval and the colour of each status, and draws no lane itself", () => {
    const html = reportHtml(report([lane(makeFacts(...XIAOMI_LIKE)), lane(makeFacts())]));
    const data = embeddedData(html);
    expect(data.statusColors).toEqual(STATUS_COLORS);
    expect(data.lanes[0]?.[4].map((i) => [i[2], i[3]])).toEqual([
      ["listed", 1],
      ["challenged", 1],
      ["enjoined", 0],
      ["settled", 0],
      ["vacated", 0],
    ]);
    // The lanes' SVG is as tall as every lane; the script draws the rows in view into it.
    expect(html).toContain('<g id="lane-rows"></g>');
    expect(html).toMatch(/<svg id="lanes" class="lanes" viewBox="0 0 1200 96"/);
    expect(html).not.toMatch(/class="(interval|marker|lane)[" ]/);
  });

  it("hands the script every event, the informational ones marked, for its marker and card", () => {
    const events = makeFacts(...XIAOMI_LIKE);
    events.splice(2, 0, makeEvent("Noted", "2021-02-17") as FactEvent);
    const data = embeddedData(reportHtml(report([lane(events)])));
    expect(data.lanes[0]?.[6].map((e) => [e[1], e[3]])).toEqual([
      ["Listed", 0],
      ["ChallengeFiled", 0],
      ["Noted", 1],
      ["InjunctionGranted", 0],
      ["SettlementReached", 0],
      ["DesignationVacated", 0],
    ]);
  });

  it("keeps what the log says out of the markup: it reaches the page as data only", () => {
    const hostile = '<script>alert("x")</script> & </script><b>';
    const events = [
      makeEvent("Listed", "2021-01-14", { data: { description: hostile } }) as FactEvent,
    ];
    const html = reportHtml(report([lane(events)]));
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(embeddedData(html).lanes[0]?.[6][0]?.[4]).toBe(hostile);
  });

  it("labels simulated lanes and says the report is simulated", () => {
    const html = reportHtml(
      report([
        lane(makeFacts(...XIAOMI_LIKE)),
        lane(makeFacts(["Listed", "2021-01-14"]), "simulated"),
      ]),
    );
    expect(html).toContain('<span class="simulated-banner">SIMULATED</span>');
    expect(laneNames(html)).toEqual(["acme/dod-1237 actual", "acme/dod-1237 simulated"]);
    expect(embeddedData(html).simulated).toBe(true);
  });

  it("puts the cursor's date in the data", () => {
    const data = embeddedData(reportHtml(report([lane(makeFacts(...XIAOMI_LIKE))])));
    expect(data.cursor).toBe("2021-04-01");
    expect(data.range).toEqual(["2020-12-01", "2021-06-25"]);
  });

  it("has a filter bar: text, the lanes' lists, every status, and grouping when a parent is named", () => {
    const other = { ...lane(makeFacts(["Listed", "2021-01-14"])), program: "dod-1260h" };
    const plain = reportHtml(report([lane(makeFacts(...XIAOMI_LIKE)), other]));
    expect(plain).toContain('<input id="filter-text" type="search"');
    const options = (id: string) =>
      [
        ...(new RegExp(`<select id="${id}">(.*?)</select>`).exec(plain)?.[1] ?? "").matchAll(
          /<option value="([^"]*)">/g,
        ),
      ].map((m) => m[1]);
    expect(options("filter-program")).toEqual(["", "dod-1237", "dod-1260h"]);
    expect([...options("filter-status")].sort()).toEqual(["", ...HEADLINE_STATUSES].sort());
    expect(plain).toContain('<input id="group-parent" type="checkbox" disabled>');
    expect(plain).toMatch(/<output id="filter-count"/);

    const grouped = reportHtml({
      ...report([lane(makeFacts(...XIAOMI_LIKE))]),
      companies: [
        { id: "acme", name: "Acme Corp.", aliases: [], identifiers: {}, parent: "acme-holding" },
      ],
    });
    expect(grouped).toContain('<input id="group-parent" type="checkbox">');
  });
});

describe("reportRange", () => {
  it("spans from the 1st of the month before the first date to a month after the last", () => {
    expect(reportRange([lane(makeFacts(...XIAOMI_LIKE))], [])).toEqual({
      from: "2020-12-01",
      to: "2021-06-25",
    });
  });

  it("takes in a date to show, unless it is optional and would more than double the span", () => {
    const lanes = [lane(makeFacts(...XIAOMI_LIKE))];
    expect(reportRange(lanes, ["2021-07-01"], {}, true).to).toBe("2021-08-01");
    expect(reportRange(lanes, ["2026-11-23"], {}, true).to).toBe("2021-06-25");
    expect(reportRange(lanes, ["2026-11-23"]).to).toBe("2026-12-24");
  });

  it("never goes past the dates a log can write: a date past 9999-12-31 is the axis's last day", () => {
    const bounds = new DateBounds();
    bounds.add("2021-01-14");
    // addDays past 9999 writes a five-digit year, which sorts before "2021" as text.
    bounds.add("10000-02-13");
    expect(bounds.range([])).toEqual({ from: "2020-12-01", to: AXIS_LAST_DAY });
    const late = new DateBounds();
    late.add("9999-12-15");
    expect(late.range(["2021-04-01"])).toEqual({ from: "2021-03-01", to: "9999-12-31" });
    const early = new DateBounds();
    early.add("0000-01-05");
    expect(early.range([]).from).toBe(AXIS_FIRST_DAY);
  });

  it("lets explicit dates win", () => {
    const lanes = [lane(makeFacts(...XIAOMI_LIKE))];
    expect(reportRange(lanes, [], { from: "2021-01-01", to: "2021-12-31" })).toEqual({
      from: "2021-01-01",
      to: "2021-12-31",
    });
  });
});
