import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { readLog } from "../../src/store/readLog.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { compareEffects } from "../../src/simulate/compareEffects.js";
import { readScenario } from "../../src/app/readScenario.js";
import { simulate } from "../../src/simulate/simulate.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));
const SCENARIO = fileURLToPath(
  new URL("../../scenarios/xiaomi-no-injunction.json", import.meta.url),
);

function synthetic(stream: string, ...steps: [LifecycleEventType, string][]) {
  const facts = steps.map(([type, effective]) => makeEvent(type, effective, { stream }));
  return foldStream(stream, facts as FactEvent[]);
}

beforeEach(() => resetEventSeq());

describe("compareEffects: Xiaomi without the injunction", () => {
  const result = simulate(readLog(EVENTS), readScenario(SCENARIO), { until: "2026-11-23" });
  const effects = result.streams[0]?.effects;

  it("finds the purchase ban in force 2021-03-15 to 2021-05-25 in the simulated world only", () => {
    const bans = effects?.differences.filter((d) => d.kind === "purchase-ban");
    expect(bans).toEqual([
      {
        kind: "purchase-ban",
        from: "2021-03-15",
        to: "2021-05-25",
        actual: {
          state: "suspended",
          suspendedBy: {
            id: "xiaomi-dod-1237-0006",
            type: "InjunctionGranted",
            effective: "2021-03-12",
          },
        },
        alternate: { state: "in force" },
      },
    ]);
  });

  it("finds the divestment window in force from the injunction's day to the vacatur in the simulated world only", () => {
    const windows = effects?.differences.filter((d) => d.kind === "divestment-window");
    expect(windows?.map((d) => [d.from, d.to, d.actual.state, d.alternate.state])).toEqual([
      ["2021-03-12", "2021-05-25", "suspended", "in force"],
    ]);
  });

  it("keeps both worlds' effects", () => {
    expect(effects?.actual.some((e) => e.kind === "purchase-ban" && !e.inForce)).toBe(true);
    expect(effects?.alternate.some((e) => e.kind === "purchase-ban" && e.inForce)).toBe(true);
  });
});

describe("compareEffects", () => {
  it("finds no difference between a timeline and itself", () => {
    const timeline = synthetic(
      "same/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-02-01"],
    );
    expect(compareEffects(timeline, timeline).differences).toEqual([]);
  });

  it("finds an effect due in one world only, as not due in the other", () => {
    const listed = synthetic("late/ofac-ns-cmic", ["Listed", "2021-12-16"]);
    resetEventSeq();
    const never = synthetic("late/ofac-ns-cmic", ["Noted", "2021-12-16"]);
    const differences = compareEffects(listed, never).differences;
    expect(
      differences.map((d) => [d.kind, d.from, d.to, d.actual.state, d.alternate.state]),
    ).toEqual([
      ["purchase-ban", "2022-02-14", null, "in force", "none"],
      ["divestment-window", "2021-12-16", "2022-12-16", "in force", "none"],
      ["holding-ban", "2022-12-16", null, "in force", "none"],
    ]);
  });

  it("finds a later delisting as a stretch where the bans are due in one world only", () => {
    const stays = synthetic("stays/dod-1260h", ["Listed", "2025-01-06"]);
    resetEventSeq();
    const leaves = synthetic(
      "stays/dod-1260h",
      ["Listed", "2025-01-06"],
      ["Delisted", "2026-12-01"],
    );
    const differences = compareEffects(stays, leaves).differences;
    expect(differences.map((d) => [d.kind, d.from, d.to, d.alternate.state])).toEqual([
      ["dod-contracting-ban", "2026-12-01", null, "none"],
      ["dod-procurement-ban", "2027-06-30", null, "none"],
    ]);
  });
});
