import { beforeEach, describe, expect, it } from "vitest";
import type { DesignationEvent } from "../../../src/domain/eventSchema.js";
import {
  applyCorrections,
  CorrectionError,
} from "../../../src/domain/corrections/applyCorrections.js";
import { makeEvent, makeSource, resetEventSeq, STREAM } from "../../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

function correctionError(events: DesignationEvent[]): CorrectionError {
  try {
    applyCorrections(events);
  } catch (error) {
    if (error instanceof CorrectionError) return error;
    throw error;
  }
  throw new Error("applyCorrections accepted an invalid correction");
}

describe("applyCorrections without corrections", () => {
  it("returns the facts as they are, in order", () => {
    const events = [
      makeEvent("Listed", "2021-01-14"),
      makeEvent("ChallengeFiled", "2021-01-29"),
      makeEvent("Noted", "2021-02-05"),
    ];
    expect(applyCorrections(events)).toEqual(events);
  });

  it("returns nothing for nothing", () => {
    expect(applyCorrections([])).toEqual([]);
  });
});

describe("Retracted", () => {
  it("removes the event it names, and is not a fact itself", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const wrong = makeEvent("ChallengeFiled", "2021-01-20");
    const challenged = makeEvent("ChallengeFiled", "2021-01-29");
    const retraction = makeEvent("Retracted", "2021-02-01", { data: { retracts: wrong.id } });
    expect(applyCorrections([listed, wrong, retraction, challenged])).toEqual([listed, challenged]);
  });

  it("of an event that is no longer there changes nothing", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const noted = makeEvent("Noted", "2021-01-15");
    const first = makeEvent("Retracted", "2021-02-01", { data: { retracts: noted.id } });
    const again = makeEvent("Retracted", "2021-02-02", { data: { retracts: noted.id } });
    expect(applyCorrections([listed, noted, first, again])).toEqual([listed]);
  });
});

describe("Corrected", () => {
  it("replaces the effective date and precision, keeping id, seq, type and stream", () => {
    const listed = makeEvent("Listed", "2021-01-01", { precision: "month" });
    const fix = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-14", precision: "day" },
    });
    const [fact, ...rest] = applyCorrections([listed, fix]);
    expect(rest).toEqual([]);
    expect(fact).toMatchObject({
      id: listed.id,
      seq: listed.seq,
      type: "Listed",
      stream: STREAM,
      effective: "2021-01-14",
      precision: "day",
      recorded: listed.recorded,
      confidence: listed.confidence,
    });
  });

  it("replaces and adds data fields, and appends its sources to the original's", () => {
    const granted = makeEvent("InjunctionGranted", "2021-03-12", {
      data: { judge: "Someone Else" },
    });
    const fix = makeEvent("Corrected", "2021-03-20", {
      data: {
        corrects: granted.id,
        data: { judge: "Rudolph Contreras", document: "Mem. Op., ECF No. 21" },
      },
      sources: [makeSource("order")],
    });
    const [fact] = applyCorrections([granted, fix]);
    expect(fact?.effective).toBe("2021-03-12");
    expect(fact?.data).toEqual({
      ...granted.data,
      judge: "Rudolph Contreras",
      document: "Mem. Op., ECF No. 21",
    });
    expect(fact?.sources).toEqual([...granted.sources, makeSource("order")]);
  });

  it("keeps the corrected event where it was among the facts", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const challenged = makeEvent("ChallengeFiled", "2021-01-29");
    const fix = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-13" },
    });
    expect(applyCorrections([listed, challenged, fix]).map((e) => e.id)).toEqual([
      listed.id,
      challenged.id,
    ]);
  });

  it("applies several corrections of one event in turn", () => {
    const listed = makeEvent("Listed", "2021-01-01");
    const first = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-10", data: { listedAs: "Acme Corp" } },
    });
    const second = makeEvent("Corrected", "2021-03-01", {
      data: { corrects: listed.id, effective: "2021-01-14" },
    });
    const [fact] = applyCorrections([listed, first, second]);
    expect(fact?.effective).toBe("2021-01-14");
    expect(fact?.data).toMatchObject({ listedAs: "Acme Corp" });
    expect(fact?.sources).toEqual([...listed.sources, ...first.sources, ...second.sources]);
  });

  it("of a retracted event is a CorrectionError", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const retraction = makeEvent("Retracted", "2021-02-01", { data: { retracts: listed.id } });
    const fix = makeEvent("Corrected", "2021-03-01", {
      data: { corrects: listed.id, effective: "2021-01-15" },
    });
    const error = correctionError([listed, retraction, fix]);
    expect(error.name).toBe("CorrectionError");
    expect(error.stream).toBe(STREAM);
    expect(error.eventId).toBe(fix.id);
    expect(error.message).toBe(
      `correction ${fix.id} in stream ${STREAM}: ${listed.id} is not a current event of the stream`,
    );
  });

  it("of an event that comes later, or of no event, is a CorrectionError", () => {
    const fix = makeEvent("Corrected", "2021-01-01", {
      data: { corrects: "acme-dod-1237-2", effective: "2021-01-15" },
    });
    const listed = makeEvent("Listed", "2021-01-14");
    expect(listed.id).toBe("acme-dod-1237-2");
    expect(correctionError([fix, listed]).eventId).toBe(fix.id);
    expect(correctionError([fix]).message).toContain("acme-dod-1237-2 is not a current event");
  });

  it("that leaves the corrected event invalid is a CorrectionError naming the field", () => {
    const granted = makeEvent("InjunctionGranted", "2021-03-12");
    const blankCourt = makeEvent("Corrected", "2021-03-20", {
      data: { corrects: granted.id, data: { court: "" } },
    });
    const error = correctionError([granted, blankCourt]);
    expect(error.eventId).toBe(blankCourt.id);
    expect(error.message).toBe(
      `correction ${blankCourt.id} in stream ${STREAM}: the corrected ${granted.id} is invalid: data.court: must not be empty`,
    );

    const unknownField = makeEvent("Corrected", "2021-03-20", {
      data: { corrects: granted.id, data: { authority: "Department of Defense" } },
    });
    expect(correctionError([granted, unknownField]).message).toContain(
      `the corrected ${granted.id} is invalid: data:`,
    );
  });
});

describe("Corrected with hostile data", () => {
  /** A correction of `target` whose `data.data` is `data`, set after building (no copy of it). */
  function correctionWithData(target: DesignationEvent, data: Record<string, unknown>) {
    const fix = makeEvent("Corrected", "2021-03-20", { data: { corrects: target.id } });
    return { ...fix, data: { ...fix.data, data } };
  }

  it("nested 5,000 levels deep is a CorrectionError (an unknown key), not a stack overflow", () => {
    const granted = makeEvent("InjunctionGranted", "2021-03-12");
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 5_000; level += 1) deep = { nested: deep };
    const fix = correctionWithData(granted, { nested: deep });

    // A deep copy or merge of data.data would recurse 5,000 levels: a RangeError, not this.
    const error = correctionError([granted, fix]);

    expect(error.eventId).toBe(fix.id);
    expect(error.message).toMatch(
      new RegExp(
        `^correction ${fix.id} in stream ${STREAM}: the corrected ${granted.id} is invalid: data: .*"nested"`,
      ),
    );
  });

  it("with an own __proto__ key (as JSON.parse makes it) is a CorrectionError too", () => {
    const granted = makeEvent("InjunctionGranted", "2021-03-12");
    const data = JSON.parse('{"__proto__": {"judge": "Someone Else"}}') as Record<string, unknown>;
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    const fix = correctionWithData(granted, data);

    // Object.assign would set the prototype of the corrected data instead of adding the key.
    const error = correctionError([granted, fix]);

    expect(error.eventId).toBe(fix.id);
    expect(error.message).toMatch(
      new RegExp(`the corrected ${granted.id} is invalid: data: .*"__proto__"`),
    );
    expect(Object.getPrototypeOf(granted.data)).toBe(Object.prototype);
    expect((granted.data as Record<string, unknown>).judge).toBeUndefined();
  });
});

describe("applyCorrections leaves its input alone", () => {
  function history() {
    const listed = makeEvent("Listed", "2021-01-01", { precision: "month" });
    const granted = makeEvent("InjunctionGranted", "2021-03-12");
    const noted = makeEvent("Noted", "2021-03-13");
    const fixDate = makeEvent("Corrected", "2021-02-01", {
      data: { corrects: listed.id, effective: "2021-01-14", precision: "day" },
    });
    const fixData = makeEvent("Corrected", "2021-03-20", {
      data: { corrects: granted.id, data: { judge: "Rudolph Contreras" } },
    });
    const retraction = makeEvent("Retracted", "2021-03-21", { data: { retracts: noted.id } });
    return [listed, granted, noted, fixDate, fixData, retraction];
  }

  it("does not change the array or the events", () => {
    const events = history();
    const array = [...events];
    const before = structuredClone(events);
    const facts = applyCorrections(events);
    expect(facts.map((fact) => fact.effective)).toEqual(["2021-01-14", "2021-03-12"]);
    expect(events).toEqual(before);
    events.forEach((event, index) => {
      expect(event).toBe(array[index]);
    });
  });

  it("returns corrected events that are not the input objects", () => {
    const events = history();
    const [listed] = applyCorrections(events);
    expect(listed).not.toBe(events[0]);
    expect(listed?.sources).not.toBe(events[0]?.sources);
    expect(listed?.data).not.toBe(events[0]?.data);
  });

  // immer's produce deep-freezes by default, including the caller's objects it reuses.
  it("does not freeze the events it is given", () => {
    const events = history();
    applyCorrections(events);
    const frozen = events.flatMap((event) =>
      [event, event.data, event.sources, ...event.sources].filter((o) => Object.isFrozen(o)),
    );
    expect(frozen).toEqual([]);
  });
});
