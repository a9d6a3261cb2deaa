import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { narrateCase } from "../../src/report/narrateCase.js";
import { foldStream } from "../../src/replay/foldStream.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

const COURT = "U.S. District Court for the District of Columbia";
const DOCKET = "1:21-cv-00280-RC";
const JUDGE = "Rudolph Contreras";
const HEADER = [
  "date",
  "program",
  "event",
  "status",
  "enforceable",
  "court, docket",
  "judge",
  "source",
];

/** The cells of a narrated line (columns are two spaces or more apart). */
function cells(line: string | undefined): string[] {
  return (line ?? "").trim().split(/ {2,}/);
}

function fold(stream: string, events: readonly FactEvent[]): Timeline {
  return foldStream(stream, events);
}

/** A Xiaomi-like case on dod-1237, with a court, docket, judge and publishers. */
function xiaomi(): Timeline {
  const stream = "xiaomi/dod-1237";
  const court = { court: COURT, docket: DOCKET, judge: JUDGE };
  return fold(stream, [
    makeEvent("Listed", "2021-01-14", {
      stream,
      sources: [
        { publisher: "SiliconExpert", title: "Blacklist", url: "https://example.org/a" },
        { publisher: "Inside Defense", title: "DOD", url: "https://example.org/b" },
      ],
    }) as FactEvent,
    makeEvent("ChallengeFiled", "2021-01-29", {
      stream,
      data: court,
      sources: [{ publisher: "Court docket", title: "Complaint", url: "https://example.org/c" }],
    }) as FactEvent,
    makeEvent("Noted", "2021-03-09", {
      stream,
      data: { ...court, subject: "hearing" },
      sources: [{ publisher: "Kandian5", title: "Hearing", url: "https://example.org/d" }],
    }) as FactEvent,
    makeEvent("InjunctionGranted", "2021-03-12", {
      stream,
      data: court,
      sources: [{ publisher: "Justia", title: "Opinion", url: "https://example.org/e" }],
    }) as FactEvent,
    makeEvent("SettlementReached", "2021-05-11", { stream, data: { docket: DOCKET } }) as FactEvent,
    makeEvent("DesignationVacated", "2021-05-25", { stream, data: court }) as FactEvent,
  ]);
}

describe("narrateCase", () => {
  it("starts with the header", () => {
    const lines = narrateCase([xiaomi()]);
    expect(cells(lines[0])).toEqual(HEADER);
    expect(lines[0]).toMatch(/^date {2,}program {2,}event /);
  });

  it("tells one line per step, with status and enforceability before → after", () => {
    const lines = narrateCase([xiaomi()]);
    expect(lines).toHaveLength(1 + 6);
    expect(lines.slice(1).map((line) => cells(line).slice(0, 5))).toEqual([
      ["2021-01-14", "dod-1237", "Listed", "unlisted → listed", "no → yes"],
      ["2021-01-29", "dod-1237", "ChallengeFiled", "listed → challenged", "yes → yes"],
      ["2021-03-09", "dod-1237", "Noted (hearing)", "challenged → challenged", "yes → yes"],
      ["2021-03-12", "dod-1237", "InjunctionGranted", "challenged → enjoined", "yes → no"],
      ["2021-05-11", "dod-1237", "SettlementReached", "enjoined → settled", "no → no"],
      ["2021-05-25", "dod-1237", "DesignationVacated", "settled → vacated", "no → no"],
    ]);
  });

  it("names the court and docket, the judge and the first source's publisher", () => {
    const lines = narrateCase([xiaomi()]);
    expect(lines.slice(1).map((line) => cells(line).slice(5))).toEqual([
      ["-", "-", "SiliconExpert"],
      [`${COURT}, ${DOCKET}`, JUDGE, "Court docket"],
      [`${COURT}, ${DOCKET}`, JUDGE, "Kandian5"],
      [`${COURT}, ${DOCKET}`, JUDGE, "Justia"],
      // makeEvent's default court, this event's docket, no judge, makeSource's publisher.
      [`${COURT}, ${DOCKET}`, "-", "Court Listener"],
      [`${COURT}, ${DOCKET}`, JUDGE, "Court Listener"],
    ]);
  });

  it("shows the court alone when there is no docket", () => {
    const stream = "acme/dod-1237";
    const lines = narrateCase([
      fold(stream, [
        makeEvent("Listed", "2021-01-14", { stream }) as FactEvent,
        makeEvent("ChallengeFiled", "2021-02-01", { stream }) as FactEvent,
      ]),
    ]);
    expect(cells(lines[2]).slice(5, 7)).toEqual([COURT, "-"]);
  });

  it("shows a Noted event with its subject", () => {
    const stream = "acme/dod-1237";
    const subjects = ["guidance", "deadline", "amended-complaint", "announcement"] as const;
    const lines = narrateCase([
      fold(
        stream,
        subjects.map(
          (subject, i) =>
            makeEvent("Noted", `2021-01-0${i + 1}`, { stream, data: { subject } }) as FactEvent,
        ),
      ),
    ]);
    expect(lines.slice(1).map((line) => cells(line)[2])).toEqual([
      "Noted (guidance)",
      "Noted (deadline)",
      "Noted (amended-complaint)",
      "Noted (announcement)",
    ]);
    // Informational: before a listing it changes nothing, and shows no court.
    expect(cells(lines[1])).toEqual([
      "2021-01-01",
      "dod-1237",
      "Noted (guidance)",
      "unlisted → unlisted",
      "no → no",
      "-",
      "-",
      "Court Listener",
    ]);
  });

  it("shows a date known only to the month as YYYY-MM ~", () => {
    const stream = "luokung/dod-1237";
    const lines = narrateCase([
      fold(stream, [
        makeEvent("Listed", "2021-01-14", { stream }) as FactEvent,
        makeEvent("ChallengeFiled", "2021-03-04", { stream }) as FactEvent,
        makeEvent("InjunctionGranted", "2021-05-05", { stream }) as FactEvent,
        makeEvent("Delisted", "2021-06-01", { stream, precision: "month" }) as FactEvent,
        makeEvent("ChallengeDismissed", "2021-06-01", { stream, precision: "month" }) as FactEvent,
        makeEvent("Noted", "2021-06-03", { stream, data: { subject: "other" } }) as FactEvent,
      ]),
    ]);
    expect(lines.slice(1).map((line) => cells(line).slice(0, 5))).toEqual([
      ["2021-01-14", "dod-1237", "Listed", "unlisted → listed", "no → yes"],
      ["2021-03-04", "dod-1237", "ChallengeFiled", "listed → challenged", "yes → yes"],
      ["2021-05-05", "dod-1237", "InjunctionGranted", "challenged → enjoined", "yes → no"],
      ["2021-06 ~", "dod-1237", "Delisted", "enjoined → delisted", "no → no"],
      ["2021-06 ~", "dod-1237", "ChallengeDismissed", "delisted → delisted", "no → no"],
      ["2021-06-03", "dod-1237", "Noted (other)", "delisted → delisted", "no → no"],
    ]);
    // The columns stay aligned: the shorter date is padded to the date column's width.
    expect(lines[4]?.indexOf("dod-1237")).toBe(lines[1]?.indexOf("dod-1237"));
  });

  it("tells several programs together, in date order", () => {
    const a = "amec/dod-1237";
    const b = "amec/dod-1260h";
    const dod1260h = fold(b, [
      makeEvent("Listed", "2024-01-31", { stream: b }) as FactEvent,
      makeEvent("ChallengeFiled", "2024-08-14", { stream: b }) as FactEvent,
      makeEvent("Delisted", "2024-12-18", { stream: b }) as FactEvent,
    ]);
    const dod1237 = fold(a, [
      makeEvent("Listed", "2021-01-14", { stream: a }) as FactEvent,
      makeEvent("Delisted", "2021-06-03", { stream: a }) as FactEvent,
      makeEvent("Noted", "2024-05-01", { stream: a }) as FactEvent,
    ]);
    // The later program first: the order comes from the dates, not from the timelines.
    const lines = narrateCase([dod1260h, dod1237]);
    expect(lines.slice(1).map((line) => cells(line).slice(0, 4))).toEqual([
      ["2021-01-14", "dod-1237", "Listed", "unlisted → listed"],
      ["2021-06-03", "dod-1237", "Delisted", "listed → delisted"],
      ["2024-01-31", "dod-1260h", "Listed", "unlisted → listed"],
      ["2024-05-01", "dod-1237", "Noted (hearing)", "delisted → delisted"],
      ["2024-08-14", "dod-1260h", "ChallengeFiled", "listed → challenged"],
      ["2024-12-18", "dod-1260h", "Delisted", "challenged → delisted"],
    ]);
  });

  it("keeps each stream's own order for events of one day", () => {
    const stream = "acme/dod-1237";
    const lines = narrateCase([
      fold(stream, [
        makeEvent("Listed", "2021-01-14", { stream }) as FactEvent,
        makeEvent("ChallengeFiled", "2021-01-14", { stream }) as FactEvent,
        makeEvent("InjunctionGranted", "2021-01-14", { stream }) as FactEvent,
      ]),
    ]);
    expect(lines.slice(1).map((line) => cells(line)[3])).toEqual([
      "unlisted → listed",
      "listed → challenged",
      "challenged → enjoined",
    ]);
  });

  it("aligns the columns: every cell starts where its header does", () => {
    const lines = narrateCase([xiaomi()]);
    const header = lines[0] ?? "";
    const starts = HEADER.map((title) => header.indexOf(title));
    for (const line of lines.slice(1)) {
      const row = cells(line);
      let from = 0;
      row.forEach((cell, column) => {
        const at = line.indexOf(cell, from);
        expect(at, `${cell} in ${line}`).toBe(starts[column]);
        from = at + cell.length;
      });
      expect(line).toBe(line.trimEnd());
    }
  });

  it("is only the header when there are no steps", () => {
    expect(narrateCase([])).toEqual([HEADER.join("  ")]);
    expect(narrateCase([fold("acme/dod-1237", [])])).toEqual([HEADER.join("  ")]);
  });
});
