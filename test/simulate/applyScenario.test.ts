import { beforeEach, describe, expect, it } from "vitest";
import type { DesignationEvent } from "../../src/domain/eventSchema.js";
import {
  actualEvents,
  applyScenario,
  type StreamEvents,
} from "../../src/simulate/applyScenario.js";
import { type Scenario, type ScenarioEdit, ScenarioError } from "../../src/simulate/scenario.js";
import { makeEvent, resetEventSeq } from "../support/events.js";
import { logOf } from "./support/memoryLog.js";

const MAIN = "acme/dod-1237";
const SECOND = "acme/dod-1260h";
const ONLY = "beta/dod-1237";

/**
 * acme is on two programs (its dod-1237 case has an injunction, corrected to another day, and a
 * retracted note); beta is on one.
 */
function fixture() {
  resetEventSeq();
  const listed = makeEvent("Listed", "2021-01-14", { stream: MAIN, seq: 1 });
  const filed = makeEvent("ChallengeFiled", "2021-01-29", { stream: MAIN, seq: 2 });
  const granted = makeEvent("InjunctionGranted", "2021-03-12", { stream: MAIN, seq: 3 });
  const corrected = makeEvent("Corrected", "2021-03-20", {
    stream: MAIN,
    seq: 4,
    data: { corrects: granted.id, effective: "2021-03-13" },
  });
  const noted = makeEvent("Noted", "2021-04-01", { stream: MAIN, seq: 5 });
  const retracted = makeEvent("Retracted", "2021-04-02", {
    stream: MAIN,
    seq: 6,
    data: { retracts: noted.id },
  });
  const settled = makeEvent("SettlementReached", "2021-05-11", { stream: MAIN, seq: 7 });
  const second = makeEvent("Listed", "2024-01-31", { stream: SECOND, seq: 1 });
  const only = makeEvent("Listed", "2022-06-01", { stream: ONLY, seq: 1 });
  const onlyFiled = makeEvent("ChallengeFiled", "2022-07-01", { stream: ONLY, seq: 2 });
  const log = logOf({
    [MAIN]: [listed, filed, granted, corrected, noted, retracted, settled],
    [SECOND]: [second],
    [ONLY]: [only, onlyFiled],
  });
  return {
    log,
    actual: actualEvents(log),
    listed,
    filed,
    granted,
    corrected,
    noted,
    retracted,
    settled,
  };
}

function scenario(edits: ScenarioEdit[], company = "acme"): Scenario {
  return { name: "test scenario", company, edits };
}

function ids(events: readonly DesignationEvent[] | undefined): string[] {
  return (events ?? []).map((event) => event.id);
}

/** Every object and array reachable from `value` (itself included). */
function objectsIn(value: unknown): object[] {
  if (typeof value !== "object" || value === null) return [];
  return [value, ...Object.values(value).flatMap(objectsIn)];
}

let f: ReturnType<typeof fixture>;
beforeEach(() => {
  f = fixture();
});

describe("actualEvents", () => {
  it("holds every stream's events in line order", () => {
    expect(Object.keys(f.actual).sort()).toEqual([MAIN, SECOND, ONLY]);
    expect(ids(f.actual[MAIN])).toEqual(f.log.streams[0]?.entries.map((entry) => entry.event.id));
    expect(f.actual[MAIN]?.[2]).toBe(f.granted);
  });

  it("deep-freezes the actual world: the record, each stream, each event, its data and sources", () => {
    const objects = objectsIn(f.actual);
    // The record, 3 streams, and 10 events each with its data, sources array and one source.
    expect(objects).toHaveLength(1 + 3 + 10 * 4);
    for (const object of objects) expect(Object.isFrozen(object)).toBe(true);
  });

  it("refuses to be changed in place", () => {
    const event = f.actual[MAIN]?.[0] as { effective: string };
    expect(() => {
      event.effective = "1999-01-01";
    }).toThrow(TypeError);
    expect(() => {
      (f.actual[MAIN] as DesignationEvent[]).push(f.settled);
    }).toThrow(TypeError);
    expect(f.actual[MAIN]?.[0]?.effective).toBe("2021-01-14");
  });
});

describe("applyScenario: drop", () => {
  it("leaves the event out, and everything else in its order", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: f.filed.id }]));
    expect(ids(alternate[MAIN])).toEqual(ids(f.actual[MAIN]).filter((id) => id !== f.filed.id));
  });

  it("also drops the Corrected event that corrects the dropped one", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: f.granted.id }]));
    expect(ids(alternate[MAIN])).toEqual([
      f.listed.id,
      f.filed.id,
      f.noted.id,
      f.retracted.id,
      f.settled.id,
    ]);
  });

  it("also drops the Retracted event that retracts the dropped one", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: f.noted.id }]));
    expect(ids(alternate[MAIN])).not.toContain(f.noted.id);
    expect(ids(alternate[MAIN])).not.toContain(f.retracted.id);
    expect(ids(alternate[MAIN])).toHaveLength(5);
  });

  it("dropping a correction drops only the correction, not the event it corrects", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: f.corrected.id }]));
    expect(ids(alternate[MAIN])).toContain(f.granted.id);
    expect(ids(alternate[MAIN])).not.toContain(f.corrected.id);
    expect(ids(alternate[MAIN])).toHaveLength(6);
  });

  it("finds the event in whichever stream holds it", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: "beta-dod-1237-10" }]));
    expect(ids(alternate[ONLY])).toEqual(["beta-dod-1237-9"]);
    expect(alternate[MAIN]).toBe(f.actual[MAIN]);
  });
});

describe("applyScenario: move", () => {
  it("gives the event another effective date and changes nothing else of it", () => {
    const alternate = applyScenario(f.actual, scenario([{ move: f.settled.id, to: "2021-06-11" }]));
    const moved = alternate[MAIN]?.[6];
    expect(moved).toEqual({ ...f.settled, effective: "2021-06-11" });
    expect(moved).not.toBe(f.settled);
    expect(f.settled.effective).toBe("2021-05-11");
  });

  it("keeps the event's place in the stream (seq order stays line order)", () => {
    const alternate = applyScenario(f.actual, scenario([{ move: f.listed.id, to: "2020-12-01" }]));
    expect(ids(alternate[MAIN])).toEqual(ids(f.actual[MAIN]));
    expect(alternate[MAIN]?.[0]?.effective).toBe("2020-12-01");
  });
});

describe("applyScenario: replace", () => {
  it("puts a hypothetical event in its place, with the same id, seq and stream", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([
        {
          replace: f.granted.id,
          with: { type: "InjunctionDenied", effective: "2021-03-15", description: "denied" },
        },
      ]),
    );
    const replaced = alternate[MAIN]?.[2];
    expect(replaced).toMatchObject({
      id: f.granted.id,
      seq: f.granted.seq,
      stream: MAIN,
      type: "InjunctionDenied",
      effective: "2021-03-15",
      data: { description: "denied" },
      confidence: "low",
    });
    expect(replaced?.sources).toEqual([
      { publisher: "simulation", title: "test scenario", url: "https://simulation.invalid/" },
    ]);
    // The replaced event's correction no longer applies to it and is set aside.
    expect(ids(alternate[MAIN])).toEqual(ids(f.actual[MAIN]).filter((id) => id !== f.corrected.id));
  });

  it("sets aside the corrections of a moved event, so that the move takes effect", () => {
    const alternate = applyScenario(f.actual, scenario([{ move: f.granted.id, to: "2021-04-01" }]));
    expect(ids(alternate[MAIN])).not.toContain(f.corrected.id);
    expect(alternate[MAIN]?.find((event) => event.id === f.granted.id)?.effective).toBe(
      "2021-04-01",
    );
  });

  it("describes the hypothetical event by the scenario when the edit has no description", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([
        { replace: f.filed.id, with: { type: "ChallengeFiled", effective: "2021-02-01" } },
      ]),
    );
    expect(alternate[MAIN]?.[1]?.data.description).toBe(
      "hypothetical ChallengeFiled (scenario: test scenario)",
    );
  });
});

describe("applyScenario: insert", () => {
  it("adds hypothetical events with ids simulated-1, simulated-2, ... and seqs after the stream's last", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([
        { insert: { type: "InjunctionGranted", effective: "2022-08-01", company: "beta" } },
        { insert: { type: "Noted", effective: "2021-06-01", program: "dod-1237" } },
        { insert: { type: "SettlementReached", effective: "2022-09-01", company: "beta" } },
      ]),
    );
    expect(
      alternate[ONLY]?.slice(2).map(({ id, seq, stream, type }) => ({ id, seq, stream, type })),
    ).toEqual([
      { id: "simulated-1", seq: 3, stream: ONLY, type: "InjunctionGranted" },
      { id: "simulated-3", seq: 4, stream: ONLY, type: "SettlementReached" },
    ]);
    const main = alternate[MAIN] ?? [];
    expect(main.at(-1)).toMatchObject({ id: "simulated-2", seq: 8, stream: MAIN, type: "Noted" });
    expect(main).toHaveLength(8);
  });

  it("counts only inserts in the ids, not replacements", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([
        { replace: f.filed.id, with: { type: "ChallengeFiled", effective: "2021-02-01" } },
        { insert: { type: "Noted", effective: "2021-06-01", program: "dod-1237" } },
      ]),
    );
    expect(alternate[MAIN]?.at(-1)?.id).toBe("simulated-1");
  });

  it("goes into the company's only stream when no program is given", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([{ insert: { type: "InjunctionGranted", effective: "2022-08-01" } }], "beta"),
    );
    expect(alternate[ONLY]?.at(-1)).toMatchObject({
      id: "simulated-1",
      stream: ONLY,
      effective: "2022-08-01",
    });
  });

  it("asks for the program when the company has several streams", () => {
    const edit = scenario([{ insert: { type: "Delisted", effective: "2025-01-01" } }]);
    expect(() => applyScenario(f.actual, edit)).toThrow(ScenarioError);
    expect(() => applyScenario(f.actual, edit)).toThrow(
      "say which program the inserted Delisted of 2025-01-01 goes into: acme has streams acme/dod-1237, acme/dod-1260h",
    );
  });

  it("goes into the program it names", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([{ insert: { type: "Delisted", effective: "2025-01-01", program: "dod-1260h" } }]),
    );
    expect(ids(alternate[SECOND])).toEqual(["acme-dod-1260h-8", "simulated-1"]);
    expect(alternate[SECOND]?.[1]?.seq).toBe(2);
    expect(alternate[MAIN]).toBe(f.actual[MAIN]);
  });

  it("opens a new stream for a program the company is not on, starting at seq 1", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([{ insert: { type: "Listed", effective: "2025-01-01", program: "ofac-ns-cmic" } }]),
    );
    expect(alternate["acme/ofac-ns-cmic"]).toEqual([
      expect.objectContaining({ id: "simulated-1", seq: 1, stream: "acme/ofac-ns-cmic" }),
    ]);
  });

  it("says that a company without streams has none", () => {
    expect(() =>
      applyScenario(
        f.actual,
        scenario([{ insert: { type: "Listed", effective: "2025-01-01" } }], "gamma"),
      ),
    ).toThrow("gamma has no stream");
  });
});

describe("applyScenario: unknown ids", () => {
  it.each([
    { drop: "no-such-event" },
    { move: "no-such-event", to: "2021-01-01" },
    { replace: "no-such-event", with: { type: "Listed", effective: "2021-01-01" } },
  ] as ScenarioEdit[])("throws a ScenarioError naming the id: %j", (edit) => {
    expect(() => applyScenario(f.actual, scenario([edit]))).toThrow(ScenarioError);
    expect(() => applyScenario(f.actual, scenario([edit]))).toThrow('no event "no-such-event"');
  });

  it("says which edit, which field and which value name nothing", () => {
    const edits: ScenarioEdit[] = [
      { drop: f.filed.id },
      { move: "no-such-event", to: "2021-01-01" },
      { insert: { type: "Noted", effective: "2021-06-01" } },
    ];
    const placeOf = (list: ScenarioEdit[]) => {
      try {
        applyScenario(f.actual, scenario(list));
      } catch (error) {
        return (error as ScenarioError).place;
      }
      return "no error";
    };
    expect(placeOf(edits)).toEqual({ edit: 1, field: "move", value: "no-such-event" });
    // acme has two streams: the inserted event must say which.
    expect(placeOf([edits[0] as ScenarioEdit, edits[2] as ScenarioEdit])).toEqual({
      edit: 1,
      field: "insert.program",
      value: "",
    });
    expect(
      placeOf([
        {
          replace: f.granted.id,
          with: { type: "InjunctionDenied", effective: "2021-03-12", program: "dod-1260h" },
        },
      ]),
    ).toEqual({ edit: 0, field: "with.program", value: "dod-1260h" });
  });

  it("applies edits in order: an event dropped earlier cannot be moved or dropped again", () => {
    expect(() =>
      applyScenario(
        f.actual,
        scenario([{ drop: f.filed.id }, { move: f.filed.id, to: "2021-02-01" }]),
      ),
    ).toThrow(ScenarioError);
    expect(() =>
      applyScenario(f.actual, scenario([{ drop: f.filed.id }, { drop: f.filed.id }])),
    ).toThrow(/dropped by an earlier edit/);
    const movedThenDropped = applyScenario(
      f.actual,
      scenario([{ move: f.filed.id, to: "2021-02-01" }, { drop: f.filed.id }]),
    );
    expect(ids(movedThenDropped[MAIN])).not.toContain(f.filed.id);
  });

  it("a corrections's dropped companion cannot be named afterwards", () => {
    expect(() =>
      applyScenario(f.actual, scenario([{ drop: f.granted.id }, { drop: f.corrected.id }])),
    ).toThrow(ScenarioError);
  });
});

describe("applyScenario: the actual world is never changed", () => {
  const everyKindOfEdit = (): ScenarioEdit[] => [
    { drop: f.granted.id },
    { move: f.settled.id, to: "2021-06-11" },
    { replace: f.filed.id, with: { type: "ChallengeFiled", effective: "2021-02-01" } },
    { insert: { type: "Noted", effective: "2021-06-01", program: "dod-1237" } },
    { insert: { type: "InjunctionGranted", effective: "2022-08-01", company: "beta" } },
  ];

  it("leaves the actual events and the log deep-equal to what they were", () => {
    const before = structuredClone(f.actual) as StreamEvents;
    const logBefore = JSON.stringify(f.log);
    const alternate = applyScenario(f.actual, scenario(everyKindOfEdit()));
    expect(alternate).not.toEqual(f.actual);
    expect(f.actual).toEqual(before);
    expect(JSON.stringify(f.log)).toBe(logBefore);
    for (const object of objectsIn(f.actual)) expect(Object.isFrozen(object)).toBe(true);
  });

  it("leaves the actual world as it was when a later edit fails", () => {
    const before = structuredClone(f.actual) as StreamEvents;
    expect(() =>
      applyScenario(f.actual, scenario([...everyKindOfEdit(), { drop: "no-such-event" }])),
    ).toThrow(ScenarioError);
    expect(f.actual).toEqual(before);
  });

  it("returns a frozen alternate world", () => {
    const alternate = applyScenario(f.actual, scenario(everyKindOfEdit()));
    for (const object of objectsIn(alternate)) expect(Object.isFrozen(object)).toBe(true);
  });
});

describe("applyScenario: structural sharing", () => {
  it("returns the actual world itself for a scenario without edits", () => {
    expect(applyScenario(f.actual, scenario([]))).toBe(f.actual);
  });

  it("a move: new objects only for the record, the stream and the moved event", () => {
    const alternate = applyScenario(f.actual, scenario([{ move: f.settled.id, to: "2021-06-11" }]));
    expect(alternate).not.toBe(f.actual);
    expect(alternate[MAIN]).not.toBe(f.actual[MAIN]);
    expect(alternate[SECOND]).toBe(f.actual[SECOND]);
    expect(alternate[ONLY]).toBe(f.actual[ONLY]);
    const main = alternate[MAIN] ?? [];
    main.forEach((event, index) => {
      if (event.id === f.settled.id) expect(event).not.toBe(f.actual[MAIN]?.[index]);
      else expect(event).toBe(f.actual[MAIN]?.[index]);
    });
    // Even inside the moved event, the untouched parts are shared.
    expect(main[6]?.data).toBe(f.settled.data);
    expect(main[6]?.sources).toBe(f.settled.sources);
  });

  it("a drop: the events kept are the actual objects", () => {
    const alternate = applyScenario(f.actual, scenario([{ drop: f.granted.id }]));
    for (const event of alternate[MAIN] ?? []) {
      expect(f.actual[MAIN]?.some((actual) => actual === event)).toBe(true);
    }
    expect(alternate[ONLY]).toBe(f.actual[ONLY]);
  });

  it("a replace or an insert: only the new event is new", () => {
    const alternate = applyScenario(
      f.actual,
      scenario([
        { replace: f.filed.id, with: { type: "ChallengeFiled", effective: "2021-02-01" } },
        { insert: { type: "InjunctionGranted", effective: "2022-08-01", company: "beta" } },
      ]),
    );
    const main = alternate[MAIN] ?? [];
    main.forEach((event, index) => {
      if (index === 1) expect(event).not.toBe(f.actual[MAIN]?.[index]);
      else expect(event).toBe(f.actual[MAIN]?.[index]);
    });
    expect(alternate[ONLY]?.[0]).toBe(f.actual[ONLY]?.[0]);
    expect(alternate[ONLY]?.[1]).toBe(f.actual[ONLY]?.[1]);
    expect(alternate[SECOND]).toBe(f.actual[SECOND]);
  });
});
