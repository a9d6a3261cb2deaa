import { describe, expect, it } from "vitest";
import {
  headlineStatus,
  isEnforceable,
  type LifecycleState,
} from "../../src/domain/lifecycleState.js";
import {
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../src/domain/lifecycleStep.js";
import { type Outcomes, outcomes } from "../../src/simulate/outcomes.js";
import { distances, keyOf, MOVES, reachableSnapshots, stateOf, walk } from "./support/machine.js";

const LISTED = walk(["Listed"]);
const VACATED = walk(["Listed", "ChallengeFiled", "DesignationVacated"]);

/** Folds a path's events from `from` with the machine; fails at an event it does not accept. */
function replay(from: LifecycleSnapshot, events: readonly string[]): LifecycleSnapshot {
  return events.reduce((snapshot, type) => {
    const next = nextLifecycleSnapshot(snapshot, type as never);
    expect(next, `${type} after ${keyOf(snapshot)}`).toBeDefined();
    return next as LifecycleSnapshot;
  }, from);
}

function group(result: Outcomes, outcome: string) {
  return result.byOutcome.find((g) => g.outcome === outcome);
}

/** Checks every invariant of an outcomes result from `from` at `depth`. */
function checkOutcomes(from: LifecycleSnapshot, depth: number, result: Outcomes): void {
  expect(result.depth).toBe(depth);
  expect(result.from).toEqual({ state: stateOf(from), status: headlineStatus(stateOf(from)) });
  for (const path of result.paths) {
    // Every path replays as a valid history, and ends where it says.
    expect(path.events.length).toBeGreaterThanOrEqual(1);
    expect(path.events.length).toBeLessThanOrEqual(depth);
    const end = replay(from, path.events);
    expect(stateOf(end)).toEqual(path.state);
    expect(path.status).toBe(headlineStatus(path.state));
    expect(path.enforceable).toBe(isEnforceable(path.state));
    expect(MOVES).toEqual(expect.arrayContaining(path.events));
    // No state twice, except one event that leaves the state as it is.
    const states = path.events.reduce<LifecycleSnapshot[]>(
      (visited, type) => [...visited, replay(visited.at(-1) as LifecycleSnapshot, [type])],
      [from],
    );
    const keys = states.map(keyOf);
    const loops = keys.slice(1).filter((key, index) => key === keys[index]).length;
    expect(new Set(keys).size).toBe(keys.length - loops);
  }
  // Shortest first, and no path twice.
  const lengths = result.paths.map((path) => path.events.length);
  expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  const texts = result.paths.map((path) => path.events.join(" "));
  expect(new Set(texts).size).toBe(texts.length);
  // The groups: one per outcome, counting its paths, each with a shortest one.
  expect(result.byOutcome.reduce((sum, g) => sum + g.paths, 0)).toBe(result.paths.length);
  for (const g of result.byOutcome) {
    const mine = result.paths.filter((path) => path.outcome === g.outcome);
    expect(g.paths).toBe(mine.length);
    expect(mine.map((path) => path.events)).toContainEqual(g.shortest);
    expect(g.shortest.length).toBe(Math.min(...mine.map((path) => path.events.length)));
    expect(mine.every((path) => path.status === g.status)).toBe(true);
  }
  const names = result.byOutcome.map((g) => g.outcome);
  expect(names).toEqual([...names].sort());
  expect(new Set(names).size).toBe(names.length);
}

/**
 * The states reachable in 1 to `depth` events, found by a plain breadth-first search: every state
 * but the start within `depth` events, and the start itself when an event leaves it as it is.
 */
function expectedStates(from: LifecycleSnapshot, depth: number): string[] {
  const near = [...distances(from).entries()]
    .filter(([, { distance }]) => distance >= 1 && distance <= depth)
    .map(([key]) => key);
  const loops = MOVES.some((type) => {
    const next = nextLifecycleSnapshot(from, type);
    return next !== undefined && keyOf(next) === keyOf(from);
  });
  return (loops ? [...near, keyOf(from)] : near).sort();
}

describe("outcomes of a freshly listed stream", () => {
  const result = outcomes(LISTED, 3);

  it("starts from listed", () => {
    expect(result.from).toEqual({
      state: { listing: "listed", litigation: "none" },
      status: "listed",
    });
  });

  it("at depth 3 include vacated, delisted and a lost case, each with its shortest path", () => {
    expect(group(result, "vacated")?.shortest).toEqual(["ChallengeFiled", "DesignationVacated"]);
    expect(group(result, "delisted")?.shortest).toEqual(["Delisted"]);
    expect(group(result, "listed, case lost")?.shortest).toEqual([
      "ChallengeFiled",
      "JudgmentForGovernment",
    ]);
    expect(group(result, "listed, case won")?.shortest).toEqual([
      "ChallengeFiled",
      "DesignationVacated",
      "Listed",
    ]);
    expect(result.byOutcome.map((g) => g.outcome)).toEqual([
      "challenged",
      "delisted",
      "delisted, case dismissed",
      "delisted, case lost",
      "enjoined",
      "listed",
      "listed, case dismissed",
      "listed, case lost",
      "listed, case won",
      "settled",
      "vacated",
    ]);
  });

  it("at depth 1: a challenge, a removal or a relisting", () => {
    expect(outcomes(LISTED, 1).paths.map((path) => path.events)).toEqual(
      expect.arrayContaining([["ChallengeFiled"], ["Delisted"], ["Relisted"]]),
    );
    expect(outcomes(LISTED, 1).paths).toHaveLength(3);
  });

  it("every path replays as a valid history and stays within the depth", () => {
    checkOutcomes(LISTED, 3, result);
  });

  it("a vacated stream can only be listed again (at depth 1)", () => {
    const vacated = outcomes(VACATED, 1);
    expect(vacated.from.status).toBe("vacated");
    expect(vacated.paths.map((path) => path.events)).toEqual([["Listed"]]);
    expect(vacated.byOutcome).toEqual([
      { outcome: "listed, case won", status: "listed", paths: 1, shortest: ["Listed"] },
    ]);
  });

  it("an unlisted stream can only be listed (at depth 1)", () => {
    expect(outcomes(initialLifecycleSnapshot(), 1).paths.map((path) => path.events)).toEqual([
      ["Listed"],
    ]);
  });
});

describe("outcomes from every reachable state", () => {
  const cases = reachableSnapshots().flatMap((snapshot) =>
    [1, 2, 3, 4].map((depth) => ({
      snapshot,
      depth,
      label: `${keyOf(snapshot)} at depth ${depth}`,
    })),
  );

  it.each(cases)("$label: every path is a valid history", ({ snapshot, depth }) => {
    checkOutcomes(snapshot, depth, outcomes(snapshot, depth));
  });

  it.each(cases)(
    "$label: the paths reach exactly the states a breadth-first search finds",
    ({ snapshot, depth }) => {
      const reached = [
        ...new Set(outcomes(snapshot, depth).paths.map((p) => JSON.stringify(p.state))),
      ];
      expect(reached.sort()).toEqual(expectedStates(snapshot, depth));
    },
  );

  it.each(reachableSnapshots().map((snapshot) => ({ snapshot, label: keyOf(snapshot) })))(
    "$label: the outcomes and paths grow (or stay) with the depth",
    ({ snapshot }) => {
      let previous: Outcomes | undefined;
      for (let depth = 1; depth <= 6; depth += 1) {
        const result = outcomes(snapshot, depth);
        if (previous !== undefined) {
          const names = result.byOutcome.map((g) => g.outcome);
          expect(names).toEqual(expect.arrayContaining(previous.byOutcome.map((g) => g.outcome)));
          const texts = result.paths.map((path) => path.events.join(" "));
          expect(texts).toEqual(
            expect.arrayContaining(previous.paths.map((path) => path.events.join(" "))),
          );
          // A longer search never finds a longer shortest path.
          for (const g of previous.byOutcome) {
            expect(group(result, g.outcome)?.shortest.length).toBe(g.shortest.length);
          }
        }
        previous = result;
      }
    },
  );
});

describe("outcome names", () => {
  it("name the status, and how the case ended when it did (but not for a vacatur)", () => {
    const byState = (state: LifecycleState) =>
      reachableSnapshots()
        .flatMap((snapshot) => outcomes(snapshot, 2).paths)
        .find((path) => JSON.stringify(path.state) === JSON.stringify(state))?.outcome;
    expect(byState({ listing: "listed", litigation: "closed.lost" })).toBe("listed, case lost");
    expect(byState({ listing: "removed.delisted", litigation: "closed.dismissed" })).toBe(
      "delisted, case dismissed",
    );
    expect(byState({ listing: "removed.vacated", litigation: "closed.won" })).toBe("vacated");
    expect(byState({ listing: "listed", litigation: "settled.withInjunction" })).toBe("settled");
  });
});
