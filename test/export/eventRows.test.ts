import { describe, expect, it } from "vitest";
import { EVENT_COLUMNS, eventRows } from "../../src/export/eventRows.js";
import { fixtureEvent, xiaomiEvents } from "./support/fixtureEvents.js";

describe("eventRows", () => {
  it("gives one row per event, every column in the order of EVENT_COLUMNS", () => {
    const events = xiaomiEvents();
    const rows = eventRows(events);
    expect(rows.map((row) => row.id)).toEqual(events.map((event) => event.id));
    for (const row of rows) expect(Object.keys(row)).toEqual([...EVENT_COLUMNS]);
  });

  it("flattens Xiaomi's injunction: court, docket, judge and every source URL", () => {
    const row = eventRows(xiaomiEvents()).find((r) => r.type === "InjunctionGranted");
    expect(row).toMatchObject({
      id: "xiaomi-dod-1237-0006",
      stream: "xiaomi/dod-1237",
      company: "xiaomi",
      program: "dod-1237",
      seq: 6,
      effective: "2021-03-12",
      known: null,
      precision: "day",
      recorded: "2026-11-23T12:00:30.526Z",
      target_id: null,
      court: "U.S. District Court for the District of Columbia",
      docket: "1:21-cv-00280-RC",
      judge: "Rudolph Contreras",
      confidence: "high",
    });
    expect(row?.description).toMatch(/^Judge Contreras preliminarily enjoined/);
    expect(row?.source_urls.split(" ")).toHaveLength(6);
    expect(row?.source_urls.split(" ")[1]).toBe(
      "http://casetext.com/case/xiaomi-corp-v-dept-of-def",
    );
  });

  it("keeps corrections and retractions as rows of their own, naming their target", () => {
    const stream = "acme-corp/dod-1260h";
    const rows = eventRows([
      fixtureEvent(stream, 1, "Listed", "2021-01-10", { known: "2021-01-12" }),
      fixtureEvent(stream, 2, "Corrected", "2021-01-20", {
        data: { corrects: "acme-corp-dod-1260h-1", effective: "2021-01-11" },
      }),
      fixtureEvent(stream, 3, "Retracted", "2021-01-21", {
        data: { retracts: "acme-corp-dod-1260h-1" },
      }),
    ]);
    expect(rows.map((r) => [r.type, r.effective, r.known, r.target_id, r.court])).toEqual([
      ["Listed", "2021-01-10", "2021-01-12", null, null],
      ["Corrected", "2021-01-20", null, "acme-corp-dod-1260h-1", null],
      ["Retracted", "2021-01-21", null, "acme-corp-dod-1260h-1", null],
    ]);
    expect(rows[0]).toMatchObject({ company: "acme-corp", program: "dod-1260h", precision: null });
  });
});
