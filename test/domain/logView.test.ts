import { beforeEach, describe, expect, it } from "vitest";
import { eventsInView } from "../../src/domain/logView.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

describe("eventsInView without a view", () => {
  it("keeps every event, in log order, in a new array", () => {
    const events = [
      makeEvent("Listed", "2021-01-14", { known: "2030-01-01" }),
      makeEvent("Noted", "2021-01-10", { recorded: "2030-01-01T00:00:00Z" }),
    ];
    const all = eventsInView(events);
    expect(all).toEqual(events);
    expect(all).not.toBe(events);
    expect(eventsInView(events, {})).toEqual(events);
  });
});

describe("eventsInView as known on a date", () => {
  it("keeps the events known on or before it, reading known as effective when it is absent", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const publishedLate = makeEvent("ChallengeFiled", "2021-01-29", { known: "2021-02-10" });
    const announcedEarly = makeEvent("Noted", "2021-03-01", { known: "2021-02-01" });
    const later = makeEvent("InjunctionGranted", "2021-03-12");
    const events = [listed, publishedLate, announcedEarly, later];

    expect(ids(eventsInView(events, { knownAt: "2021-01-13" }))).toEqual([]);
    expect(ids(eventsInView(events, { knownAt: "2021-01-14" }))).toEqual([listed.id]);
    expect(ids(eventsInView(events, { knownAt: "2021-02-01" }))).toEqual([
      listed.id,
      announcedEarly.id,
    ]);
    expect(ids(eventsInView(events, { knownAt: "2021-02-10" }))).toEqual([
      listed.id,
      publishedLate.id,
      announcedEarly.id,
    ]);
    expect(ids(eventsInView(events, { knownAt: "2021-03-12" }))).toEqual(ids(events));
  });

  it("hides a correction or retraction until it is known itself", () => {
    const listed = makeEvent("Listed", "2021-01-01");
    const noted = makeEvent("Noted", "2021-01-05");
    const fix = makeEvent("Corrected", "2021-02-01", {
      known: "2021-03-01",
      data: { corrects: listed.id, effective: "2021-01-14" },
    });
    const retraction = makeEvent("Retracted", "2021-04-01", { data: { retracts: noted.id } });
    const events = [listed, noted, fix, retraction];

    expect(ids(eventsInView(events, { knownAt: "2021-02-28" }))).toEqual([listed.id, noted.id]);
    expect(ids(eventsInView(events, { knownAt: "2021-03-01" }))).toEqual([
      listed.id,
      noted.id,
      fix.id,
    ]);
    expect(ids(eventsInView(events, { knownAt: "2021-04-01" }))).toEqual(ids(events));
  });

  it("hides a correction or retraction of an event it hides, even one known earlier", () => {
    const listed = makeEvent("Listed", "2021-01-14", { known: "2021-03-01" });
    const fix = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-13" },
    });
    const retraction = makeEvent("Retracted", "2021-02-02", { data: { retracts: listed.id } });
    const events = [listed, fix, retraction];

    expect(eventsInView(events, { knownAt: "2021-02-15" })).toEqual([]);
    expect(ids(eventsInView(events, { knownAt: "2021-03-01" }))).toEqual(ids(events));
  });
});

describe("eventsInView as recorded at an instant", () => {
  it("keeps the events recorded at or before it, comparing instants, not strings", () => {
    const first = makeEvent("Listed", "2021-01-14", { recorded: "2026-11-23T12:00:00Z" });
    const second = makeEvent("ChallengeFiled", "2021-01-29", {
      recorded: "2026-11-23T12:00:00.001Z",
    });
    const third = makeEvent("Noted", "2021-02-05", { recorded: "2026-11-23T12:30:00.000Z" });
    const events = [first, second, third];

    // The same instant written three ways.
    for (const instant of [
      "2026-11-23T12:00:00Z",
      "2026-11-23T12:00:00.000Z",
      "2026-11-23T13:00:00+01:00",
    ]) {
      expect(ids(eventsInView(events, { recordedAt: instant })), instant).toEqual([first.id]);
    }
    // As strings, "…T12:00:00.001Z" < "…T12:00:00Z"; as instants it is later.
    expect(ids(eventsInView(events, { recordedAt: "2026-11-23T12:00:00Z" }))).not.toContain(
      second.id,
    );
    expect(ids(eventsInView(events, { recordedAt: "2026-11-23T07:00:00.001-05:00" }))).toEqual([
      first.id,
      second.id,
    ]);
    expect(ids(eventsInView(events, { recordedAt: "2026-11-23T11:59:59.999Z" }))).toEqual([]);
    expect(ids(eventsInView(events, { recordedAt: "2027-01-01T00:00:00Z" }))).toEqual(ids(events));
  });

  it("hides a correction of an event recorded after the instant", () => {
    const listed = makeEvent("Listed", "2021-01-14", { recorded: "2026-11-23T12:00:00Z" });
    const noted = makeEvent("Noted", "2021-01-20", { recorded: "2026-11-24T12:00:00Z" });
    // A hand-edited log could record a correction before the event it corrects.
    const fix = makeEvent("Corrected", "2021-02-01", {
      recorded: "2026-11-23T12:00:00Z",
      data: { corrects: noted.id, effective: "2021-01-21" },
    });
    expect(ids(eventsInView([listed, noted, fix], { recordedAt: "2026-11-23T18:00:00Z" }))).toEqual(
      [listed.id],
    );
  });
});

describe("eventsInView with a recordedAt that is no instant", () => {
  it("throws a RangeError rather than keep every event", () => {
    expect(() => eventsInView([makeEvent("Listed", "2021-01-14")], { recordedAt: "soon" })).toThrow(
      RangeError,
    );
  });
});

describe("eventsInView with both limits", () => {
  it("keeps only the events that pass both", () => {
    const a = makeEvent("Listed", "2021-01-14", { recorded: "2026-01-01T00:00:00Z" });
    const b = makeEvent("Noted", "2021-01-20", { recorded: "2026-06-01T00:00:00Z" });
    const c = makeEvent("Noted", "2021-03-01", { recorded: "2026-01-01T00:00:00Z" });
    const view = { knownAt: "2021-02-01", recordedAt: "2026-03-01T00:00:00Z" };
    expect(ids(eventsInView([a, b, c], view))).toEqual([a.id]);
  });
});
