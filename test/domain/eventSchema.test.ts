import { beforeEach, describe, expect, it } from "vitest";
import {
  DesignationEventSchema,
  IsoDateSchema,
  NOTE_SUBJECTS,
  SlugSchema,
  StreamIdSchema,
} from "../../src/domain/eventSchema.js";
import { EVENT_TYPES } from "../../src/domain/eventTypes.js";
import {
  COURT_EVENT_TYPES,
  LISTING_EVENT_TYPES,
  makeEvent,
  makeSource,
  resetEventSeq,
} from "../support/events.js";

interface Found {
  path: string;
  code: string;
  message: string;
}

/** The issues the schema finds in `value` (none when it parses). */
function issuesOf(value: unknown): Found[] {
  const result = DesignationEventSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));
}

/** A copy of `value` as plain JSON, to edit freely. */
function json(value: unknown): Record<string, unknown> & { data: Record<string, unknown> } {
  return JSON.parse(JSON.stringify(value));
}

beforeEach(() => {
  resetEventSeq();
});

describe("DesignationEventSchema accepts", () => {
  it.each(EVENT_TYPES)("a valid %s event, unchanged", (type) => {
    const event = makeEvent(type, "2021-01-14");
    const result = DesignationEventSchema.safeParse(event);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(event);
  });

  it("the optional envelope fields: known, precision month, several sources", () => {
    const event = makeEvent("Listed", "2021-01-01", {
      known: "2021-01-14",
      precision: "month",
      sources: [makeSource("a"), { ...makeSource("b"), url: "http://example.org/b?x=1#y" }],
      confidence: "low",
    });
    expect(issuesOf(event)).toEqual([]);
  });

  it("a listing's authority and listedAs", () => {
    expect(
      issuesOf(makeEvent("Listed", "2021-01-14", { data: { listedAs: "Xiaomi Corporation" } })),
    ).toEqual([]);
  });

  it("a court event's docket, judge and document", () => {
    const event = makeEvent("InjunctionGranted", "2021-03-12", {
      data: { docket: "1:21-cv-00280-RC", judge: "Rudolph Contreras", document: "ECF No. 21" },
    });
    expect(issuesOf(event)).toEqual([]);
  });

  it.each(NOTE_SUBJECTS)("a Noted event about a %s, with or without a court", (subject) => {
    expect(issuesOf(makeEvent("Noted", "2021-02-05", { data: { subject } }))).toEqual([]);
    expect(
      issuesOf(makeEvent("Noted", "2021-02-05", { data: { subject, court: "D.D.C." } })),
    ).toEqual([]);
  });
});

describe("DesignationEventSchema rejects the envelope", () => {
  it("without sources", () => {
    const event = json(makeEvent("Listed", "2021-01-14"));
    delete event.sources;
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: "sources" })]);
  });

  it("with no source", () => {
    expect(issuesOf(makeEvent("Listed", "2021-01-14", { sources: [] }))).toEqual([
      expect.objectContaining({
        path: "sources",
        message: "every event needs at least one source",
      }),
    ]);
  });

  it.each(["not a url", "example.org/page", "ftp://example.org/file", "mailto:a@example.org"])(
    "with a source whose url is %j",
    (url) => {
      const event = makeEvent("Listed", "2021-01-14", { sources: [{ ...makeSource(), url }] });
      expect(issuesOf(event)).toEqual([
        expect.objectContaining({ path: "sources.0.url", message: "must be an http(s) URL" }),
      ]);
    },
  );

  it("with a source without a title, or with a blank publisher", () => {
    const { title: _, ...untitled } = makeSource();
    expect(issuesOf(makeEvent("Listed", "2021-01-14", { sources: [untitled as never] }))).toEqual([
      expect.objectContaining({ path: "sources.0.title" }),
    ]);
    const blank = { ...makeSource(), publisher: "   " };
    expect(issuesOf(makeEvent("Listed", "2021-01-14", { sources: [blank] }))).toEqual([
      expect.objectContaining({ path: "sources.0.publisher", message: "must not be empty" }),
    ]);
  });

  it.each([
    ["2021-02-30", '"2021-02-30" is not a real calendar date'],
    ["2023-02-29", '"2023-02-29" is not a real calendar date'],
    ["2021-1-5", '"2021-1-5" is not a date of the form YYYY-MM-DD'],
    ["2021-01-05T00:00", '"2021-01-05T00:00" is not a date of the form YYYY-MM-DD'],
  ])("with effective %j", (effective, message) => {
    expect(issuesOf(makeEvent("Listed", effective))).toEqual([
      expect.objectContaining({ path: "effective", message }),
    ]);
  });

  it("with a bad known date", () => {
    expect(issuesOf(makeEvent("Listed", "2021-01-14", { known: "2021-04-31" }))).toEqual([
      expect.objectContaining({
        path: "known",
        message: '"2021-04-31" is not a real calendar date',
      }),
    ]);
  });

  it("without prev", () => {
    const event = json(makeEvent("Listed", "2021-01-14"));
    delete event.prev;
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: "prev" })]);
  });

  it("without effective", () => {
    const event = json(makeEvent("Listed", "2021-01-14"));
    delete event.effective;
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: "effective" })]);
  });

  it.each(["2026-11-23", "2026-11-23T10:00:00+01:00", "yesterday"])(
    "with recorded %j, which is not a UTC instant",
    (recorded) => {
      expect(issuesOf(makeEvent("Listed", "2021-01-14", { recorded }))).toEqual([
        expect.objectContaining({
          path: "recorded",
          message: "must be an ISO 8601 UTC instant, e.g. 2026-11-23T10:00:00Z",
        }),
      ]);
    },
  );

  it("with an unknown top-level key (strict objects)", () => {
    const event = { ...makeEvent("Listed", "2021-01-14"), note: "extra" };
    expect(issuesOf(event)).toEqual([
      expect.objectContaining({ path: "", code: "unrecognized_keys" }),
    ]);
  });

  it("with an unknown key in data or in a source", () => {
    const inData = json(makeEvent("Listed", "2021-01-14"));
    inData.data.court = "D.D.C.";
    expect(issuesOf(inData)).toEqual([
      expect.objectContaining({ path: "data", code: "unrecognized_keys" }),
    ]);
    const inSource = makeEvent("Listed", "2021-01-14", {
      sources: [{ ...makeSource(), date: "2021-01-14" } as never],
    });
    expect(issuesOf(inSource)).toEqual([
      expect.objectContaining({ path: "sources.0", code: "unrecognized_keys" }),
    ]);
  });

  it.each(["Enjoined", "listed", ""])("with type %j", (type) => {
    const event = { ...makeEvent("Listed", "2021-01-14"), type };
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: "type" })]);
  });

  it.each([
    ["stream", "Acme/dod-1237"],
    ["stream", "acme"],
    ["stream", "acme/dod_1237"],
    ["id", "has space"],
    ["id", "-leading-dash"],
    ["seq", 0],
    ["seq", 1.5],
    ["seq", "1"],
    ["confidence", "certain"],
    ["precision", "year"],
    ["prev", "0".repeat(63)],
    ["prev", "0".repeat(65)],
    ["prev", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"],
    ["prev", 0],
  ])("with %s %j", (field, value) => {
    const event = { ...makeEvent("Listed", "2021-01-14"), [field]: value };
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: field })]);
  });

  it("with an empty description", () => {
    expect(issuesOf(makeEvent("Listed", "2021-01-14", { data: { description: " " } }))).toEqual([
      expect.objectContaining({ path: "data.description", message: "must not be empty" }),
    ]);
  });
});

describe("DesignationEventSchema rejects the data", () => {
  it.each(COURT_EVENT_TYPES)("of a %s event without a court", (type) => {
    const event = json(makeEvent(type, "2021-03-12"));
    delete event.data.court;
    expect(issuesOf(event)).toEqual([expect.objectContaining({ path: "data.court" })]);
  });

  it.each(LISTING_EVENT_TYPES)("of a %s event that names a court", (type) => {
    const event = json(makeEvent(type, "2021-01-14"));
    event.data.court = "D.D.C.";
    expect(issuesOf(event)).toEqual([expect.objectContaining({ code: "unrecognized_keys" })]);
  });

  it("of a Noted event without a subject, or with an unknown one", () => {
    const missing = json(makeEvent("Noted", "2021-02-05"));
    delete missing.data.subject;
    expect(issuesOf(missing)).toEqual([expect.objectContaining({ path: "data.subject" })]);
    const unknown = json(makeEvent("Noted", "2021-02-05"));
    unknown.data.subject = "gossip";
    expect(issuesOf(unknown)).toEqual([expect.objectContaining({ path: "data.subject" })]);
  });
});

describe("Corrected and Retracted", () => {
  it("a Corrected event may carry an effective date, a precision and data fields", () => {
    const event = makeEvent("Corrected", "2021-02-01", {
      data: {
        corrects: "acme-dod-1237-1",
        effective: "2021-01-15",
        precision: "month",
        data: { judge: "Contreras", anything: 1 },
      },
    });
    expect(issuesOf(event)).toEqual([]);
  });

  it("a Corrected event must name the event it corrects with a valid id", () => {
    const missing = json(makeEvent("Corrected", "2021-02-01"));
    delete missing.data.corrects;
    expect(issuesOf(missing)).toEqual([expect.objectContaining({ path: "data.corrects" })]);
    const bad = makeEvent("Corrected", "2021-02-01", { data: { corrects: "not an id" } });
    expect(issuesOf(bad)).toEqual([expect.objectContaining({ path: "data.corrects" })]);
  });

  it("a Corrected event's effective date is checked like any other", () => {
    const event = makeEvent("Corrected", "2021-02-01", { data: { effective: "2021-02-30" } });
    expect(issuesOf(event)).toEqual([
      expect.objectContaining({
        path: "data.effective",
        message: '"2021-02-30" is not a real calendar date',
      }),
    ]);
  });

  it("a Corrected event's data is strict too", () => {
    const event = json(makeEvent("Corrected", "2021-02-01"));
    event.data.type = "Delisted";
    expect(issuesOf(event)).toEqual([
      expect.objectContaining({ path: "data", code: "unrecognized_keys" }),
    ]);
  });

  it("a Retracted event names the event it retracts, and nothing else", () => {
    expect(issuesOf(makeEvent("Retracted", "2021-02-01"))).toEqual([]);
    const missing = json(makeEvent("Retracted", "2021-02-01"));
    delete missing.data.retracts;
    expect(issuesOf(missing)).toEqual([expect.objectContaining({ path: "data.retracts" })]);
    const extra = json(makeEvent("Retracted", "2021-02-01"));
    extra.data.corrects = "acme-dod-1237-1";
    expect(issuesOf(extra)).toEqual([
      expect.objectContaining({ path: "data", code: "unrecognized_keys" }),
    ]);
  });

  it("a Retracted event still needs a source", () => {
    expect(issuesOf(makeEvent("Retracted", "2021-02-01", { sources: [] }))).toEqual([
      expect.objectContaining({ path: "sources" }),
    ]);
  });
});

describe("the building blocks", () => {
  it("IsoDateSchema accepts real dates only", () => {
    expect(IsoDateSchema.safeParse("2024-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse("1900-02-29").success).toBe(false);
    expect(IsoDateSchema.safeParse("2000-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse(20210114).success).toBe(false);
  });

  it("SlugSchema and StreamIdSchema", () => {
    expect(SlugSchema.safeParse("dod-1237").success).toBe(true);
    expect(SlugSchema.safeParse("DoD").success).toBe(false);
    expect(SlugSchema.safeParse("a--b").success).toBe(false);
    expect(StreamIdSchema.safeParse("xiaomi/dod-1237").success).toBe(true);
    expect(StreamIdSchema.safeParse("xiaomi/dod-1237/x").success).toBe(false);
  });
});
