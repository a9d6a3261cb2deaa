import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "../../src/domain/eventTypes.js";
import type { LifecycleState } from "../../src/domain/lifecycleState.js";
import { accepts } from "../../src/domain/lifecycleStep.js";
import { readLog } from "../../src/store/readLog.js";
import type { Log } from "../../src/store/streamLog.js";
import { invalidHistoryHint } from "../../src/simulate/historyHint.js";
import { type Scenario, ScenarioError } from "../../src/simulate/scenario.js";
import { simulate } from "../../src/simulate/simulate.js";
import { makeEvent, resetEventSeq } from "../support/events.js";
import { distances, keyOf, MOVES, reachableSnapshots, stateOf, walk } from "./support/machine.js";
import { logOf } from "./support/memoryLog.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));

/** The error `simulate` throws for the scenario, which must be a ScenarioError. */
function scenarioError(log: Log, scenario: Scenario): ScenarioError {
  try {
    simulate(log, scenario, { until: "2026-11-23" });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error("simulate accepted the scenario");
}

/** A hint's parts: the event type, what it needs, and the events to insert (if any). */
function parseHint(hint: string) {
  const match = /^(\w+) needs (.+): drop it too(?:, or insert (.+) before it)?$/.exec(hint);
  if (match === null) throw new Error(`not a hint: ${hint}`);
  return {
    type: match[1] as LifecycleEventType,
    needs: match[2] as string,
    insert: (match[3]?.split(" then ") ?? []) as LifecycleEventType[],
  };
}

/**
 * The predicate a requirement such as "listing listed and litigation none or closed" states: a
 * region's value matches a name equal to it or to its parent ("closed" for "closed.lost").
 */
function requirementHolds(needs: string, state: LifecycleState): boolean {
  return needs.split(" and ").every((part) => {
    const [region, ...names] = part.split(" ");
    const values = names.filter((name) => name !== "or");
    const value = state[region as keyof LifecycleState];
    expect(["listing", "litigation"]).toContain(region);
    return values.some((name) => value === name || value.startsWith(`${name}.`));
  });
}

describe("invalid edits of the Xiaomi case", () => {
  let log: Log;
  beforeAll(() => {
    log = readLog(EVENTS);
  });

  it("dropping the ChallengeFiled names the injunction it leaves without a case, with a hint", () => {
    const error = scenarioError(log, {
      name: "no lawsuit",
      company: "xiaomi",
      edits: [{ drop: "xiaomi-dod-1237-0002" }],
    });
    expect(error.message).toContain(
      "event xiaomi-dod-1237-0006 (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none",
    );
    expect(error.message).toMatch(
      /Hint: InjunctionGranted needs litigation pending: drop it too, or insert ChallengeFiled before it$/,
    );
    // Only the first rejected event is named.
    expect(error.message).not.toContain("xiaomi-dod-1237-0009");
  });

  it("following the hint (inserting ChallengeFiled before the injunction) mends the history", () => {
    const result = simulate(
      log,
      {
        name: "a later lawsuit",
        company: "xiaomi",
        edits: [
          { drop: "xiaomi-dod-1237-0002" },
          { insert: { type: "ChallengeFiled", effective: "2021-03-01", program: "dod-1237" } },
        ],
      },
      { until: "2026-11-23" },
    );
    expect(result.streams[0]?.comparison.enforceableDifferences).toEqual([]);
    expect(result.streams[0]?.comparison.differences[0]).toMatchObject({
      from: "2021-01-29",
      to: "2021-03-01",
      actual: { status: "challenged" },
      alternate: { status: "listed" },
    });
  });

  it("an inserted event the machine rejects is named by its simulated id", () => {
    const error = scenarioError(log, {
      name: "an appeal out of nowhere",
      company: "xiaomi",
      edits: [{ insert: { type: "AppealFiled", effective: "2021-02-01", program: "dod-1237" } }],
    });
    expect(error.message).toContain(
      "event simulated-1 (AppealFiled, effective 2021-02-01) is not accepted in state listing=listed, litigation=pending",
    );
    expect(error.message).toMatch(
      /Hint: AppealFiled needs litigation closed\.lost: drop it too, or insert JudgmentForGovernment before it$/,
    );
  });

  it("a move that puts the vacatur before the lawsuit is rejected with a hint", () => {
    const error = scenarioError(log, {
      name: "vacated first",
      company: "xiaomi",
      edits: [{ move: "xiaomi-dod-1237-0011", to: "2021-01-20" }],
    });
    expect(error.message).toContain("event xiaomi-dod-1237-0011 (DesignationVacated");
    expect(error.message).toContain(
      "Hint: DesignationVacated needs listing listed and litigation pending or enjoined or settled: drop it too, or insert ChallengeFiled before it",
    );
  });
});

describe("invalidHistoryHint", () => {
  it.each([
    [
      "InjunctionGranted",
      { listing: "listed", litigation: "none" },
      "InjunctionGranted needs litigation pending: drop it too, or insert ChallengeFiled before it",
    ],
    [
      "ChallengeFiled",
      { listing: "unlisted", litigation: "none" },
      "ChallengeFiled needs listing listed and litigation none or closed: drop it too, or insert Listed before it",
    ],
    [
      "AppealFiled",
      { listing: "listed", litigation: "pending" },
      "AppealFiled needs litigation closed.lost: drop it too, or insert JudgmentForGovernment before it",
    ],
    [
      "AppealFiled",
      { listing: "listed", litigation: "none" },
      "AppealFiled needs litigation closed.lost: drop it too, or insert ChallengeFiled then JudgmentForGovernment before it",
    ],
    [
      "Listed",
      { listing: "listed", litigation: "none" },
      "Listed needs listing unlisted or removed: drop it too, or insert Delisted before it",
    ],
    [
      "InjunctionLifted",
      { listing: "unlisted", litigation: "none" },
      "InjunctionLifted needs litigation enjoined: drop it too, or insert Listed then ChallengeFiled then InjunctionGranted before it",
    ],
  ] as const)("%s in %j: %s", (type, state, hint) => {
    expect(invalidHistoryHint(type, state)).toBe(hint);
  });

  it("through simulate: a ChallengeFiled on an unlisted stream asks for a Listed before it", () => {
    resetEventSeq();
    const listed = makeEvent("Listed", "2024-01-31", { stream: "acme/dod-1260h" }) as FactEvent;
    const filed = makeEvent("ChallengeFiled", "2024-03-04", {
      stream: "acme/dod-1260h",
    }) as FactEvent;
    const error = scenarioError(logOf({ "acme/dod-1260h": [listed, filed] }), {
      name: "never listed",
      company: "acme",
      edits: [{ drop: listed.id }],
    });
    expect(error.message).toContain(`event ${filed.id} (ChallengeFiled, effective 2024-03-04)`);
    expect(error.message).toContain("or insert Listed before it");
  });

  const rejections = reachableSnapshots().flatMap((snapshot) =>
    LIFECYCLE_EVENT_TYPES.filter((type) => !accepts(snapshot, type)).map((type) => ({
      type,
      snapshot,
      label: `${type} in ${keyOf(snapshot)}`,
    })),
  );

  it("covers every rejection the machine can meet (and Noted is never rejected)", () => {
    expect(reachableSnapshots().length).toBeGreaterThanOrEqual(10);
    expect(rejections.length).toBeGreaterThan(100);
    expect(rejections.some(({ type }) => type === "Noted")).toBe(false);
  });

  it.each(rejections)(
    "$label: the suggested insertions lead, shortest, to a state that accepts it",
    ({ type, snapshot }) => {
      const hint = parseHint(invalidHistoryHint(type, stateOf(snapshot)));
      expect(hint.type).toBe(type);
      // Each inserted event is accepted in turn (walk throws otherwise), then the event itself.
      const mended = walk(hint.insert, snapshot);
      expect(accepts(mended, type)).toBe(true);
      // No shorter run of events would do.
      const nearest = Math.min(
        ...[...distances(snapshot).values()]
          .filter(({ snapshot: s }) => accepts(s, type))
          .map(({ distance }) => distance),
      );
      expect(hint.insert).toHaveLength(nearest);
      expect(hint.insert.every((inserted) => MOVES.includes(inserted))).toBe(true);
    },
  );

  it.each(MOVES)(
    "%s: what the hint says it needs is exactly where the machine accepts it",
    (type) => {
      const rejected = reachableSnapshots().find((snapshot) => !accepts(snapshot, type));
      expect(rejected).toBeDefined();
      const { needs } = parseHint(
        invalidHistoryHint(type, stateOf(rejected as NonNullable<typeof rejected>)),
      );
      for (const snapshot of reachableSnapshots()) {
        expect(requirementHolds(needs, stateOf(snapshot)), `${needs} in ${keyOf(snapshot)}`).toBe(
          accepts(snapshot, type),
        );
      }
    },
  );

  it("throws for a state the machine cannot reach", () => {
    expect(() =>
      invalidHistoryHint("Listed", { listing: "unlisted", litigation: "closed.lost" }),
    ).toThrow(/not a reachable state/);
  });
});
