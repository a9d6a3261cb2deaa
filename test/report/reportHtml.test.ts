import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import type { IsoDate } from "../../src/domain/isoDate.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { type Report, type ReportLane, reportRange } from "../../src/report/reportModel.js";
import { STATUS_COLORS } from "../../src/report/statusColors.js";
import { makeEvent, makeFacts, resetEventSeq, STREAM } from "../support/events.js";

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
    // Links to sources are there to follow, not to load.
    expect(html).toContain('href="https://example.org/');
  });

  it("draws each interval with its status's colour, and an enforceable strip only where enforceable", () => {
    const html = reportHtml(report([lane(makeFacts(...XIAOMI_LIKE))]));
    const intervals = [
      ...html.matchAll(/<rect class="interval" data-status="(\w+)"[^>]* fill="([^"]+)"/g),
    ];
    expect(intervals.map((m) => m[1])).toEqual([
      "listed",
      "challenged",
      "enjoined",
      "settled",
      "vacated",
    ]);
    for (const [, status, fill] of intervals) {
      expect(fill).toBe(STATUS_COLORS[status as keyof typeof STATUS_COLORS]);
    }
    // Listed and challenged were enforceable; enjoined, settled (with the injunction) and vacated not.
    expect(html.match(/<rect class="enforceable"/g)).toHaveLength(2);
  });

  it("gives each event a focusable marker, smaller for informational ones, and a card", () => {
    const events = makeFacts(...XIAOMI_LIKE);
    events.splice(2, 0, makeEvent("Noted", "2021-02-17") as FactEvent);
    const html = reportHtml(report([lane(events)]));
    const markers = [
      ...html.matchAll(
        /<circle class="marker (\w+)[^"]*" tabindex="0" role="button"[^>]* r="([\d.]+)"/g,
      ),
    ];
    expect(markers.map((m) => [m[1], m[2]])).toEqual([
      ["lifecycle", "6"],
      ["lifecycle", "6"],
      ["informational", "3.5"],
      ["lifecycle", "6"],
      ["lifecycle", "6"],
      ["lifecycle", "6"],
    ]);
    expect(html.match(/<div class="event-card" id="card-0-\d+">/g)).toHaveLength(6);
  });

  it("escapes what the log says, in the page, the cards and the embedded data", () => {
    const hostile = '<script>alert("x")</script> & </script><b>';
    const events = [
      makeEvent("Listed", "2021-01-14", { data: { description: hostile } }) as FactEvent,
    ];
    const html = reportHtml(report([lane(events)]));
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("labels simulated lanes and says the report is simulated", () => {
    const html = reportHtml(
      report([
        lane(makeFacts(...XIAOMI_LIKE)),
        lane(makeFacts(["Listed", "2021-01-14"]), "simulated"),
      ]),
    );
    expect(html).toContain('<span class="simulated-banner">SIMULATED</span>');
    expect(html).toMatch(/<g class="lane simulated" data-lane="1"/);
    expect(html).toContain("simulated · dod-1237");
  });

  it("embeds each lane's intervals for the date cursor as the timeline has them", () => {
    const html = reportHtml(report([lane(makeFacts(...XIAOMI_LIKE))]));
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(
      html,
    )?.[1];
    const data = JSON.parse(json ?? "{}") as {
      cursor: string;
      lanes: { intervals: unknown[][] }[];
    };
    expect(data.cursor).toBe("2021-04-01");
    expect(data.lanes[0]?.intervals.map((i) => i.slice(0, 3))).toEqual([
      ["2021-01-14", "listed", true],
      ["2021-01-29", "challenged", true],
      ["2021-03-12", "enjoined", false],
      ["2021-05-11", "settled", false],
      ["2021-05-25", "vacated", false],
    ]);
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

  it("lets explicit dates win", () => {
    const lanes = [lane(makeFacts(...XIAOMI_LIKE))];
    expect(reportRange(lanes, [], { from: "2021-01-01", to: "2021-12-31" })).toEqual({
      from: "2021-01-01",
      to: "2021-12-31",
    });
  });
});
