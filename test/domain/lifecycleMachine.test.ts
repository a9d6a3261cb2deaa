import { describe, expect, it } from "vitest";
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "../../src/domain/eventTypes.js";
import {
  injunctionInForce,
  type LifecycleState,
  type ListingState,
  type LitigationState,
  lifecycleStateOf,
} from "../../src/domain/lifecycleState.js";
import {
  accepts,
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../src/domain/lifecycleStep.js";

/**
 * The transition table of DESIGN.md §1, written out by hand, one row per from-state. A row's
 * `from` names the region states it requires (a region it does not name may be in any state);
 * its `to` names the region states it moves to (a region it does not name keeps its state).
 * It is deliberately not derived from the machine, so that the tests below can disagree with it.
 */
interface Row {
  type: LifecycleEventType;
  from: Partial<LifecycleState>;
  to: Partial<LifecycleState>;
}

const SETTLED = ["settled.withoutInjunction", "settled.withInjunction"] as const;
const CLOSED = ["closed.won", "closed.lost", "closed.dismissed"] as const;
const OPEN_CHALLENGE = ["pending", "enjoined", ...SETTLED] as const;

const TABLE: readonly Row[] = [
  // Listed: unlisted, removed → listed
  { type: "Listed", from: { listing: "unlisted" }, to: { listing: "listed" } },
  { type: "Listed", from: { listing: "removed.delisted" }, to: { listing: "listed" } },
  { type: "Listed", from: { listing: "removed.vacated" }, to: { listing: "listed" } },
  // Relisted: listed → listed
  { type: "Relisted", from: { listing: "listed" }, to: { listing: "listed" } },
  // Delisted: listed → removed.delisted
  { type: "Delisted", from: { listing: "listed" }, to: { listing: "removed.delisted" } },
  // ChallengeFiled: requires listed; none, closed → pending
  ...(["none", ...CLOSED] as const).map((litigation): Row => ({
    type: "ChallengeFiled",
    from: { listing: "listed", litigation },
    to: { litigation: "pending" },
  })),
  // InjunctionGranted / Denied / Lifted
  { type: "InjunctionGranted", from: { litigation: "pending" }, to: { litigation: "enjoined" } },
  { type: "InjunctionDenied", from: { litigation: "pending" }, to: { litigation: "pending" } },
  { type: "InjunctionLifted", from: { litigation: "enjoined" }, to: { litigation: "pending" } },
  // SettlementReached: pending, enjoined → settled (an injunction in force stays in force)
  {
    type: "SettlementReached",
    from: { litigation: "pending" },
    to: { litigation: "settled.withoutInjunction" },
  },
  {
    type: "SettlementReached",
    from: { litigation: "enjoined" },
    to: { litigation: "settled.withInjunction" },
  },
  // DesignationVacated: listed → removed.vacated, and pending, enjoined, settled → closed.won
  ...OPEN_CHALLENGE.map((litigation): Row => ({
    type: "DesignationVacated",
    from: { listing: "listed", litigation },
    to: { listing: "removed.vacated", litigation: "closed.won" },
  })),
  // JudgmentForGovernment: pending, enjoined → closed.lost
  ...(["pending", "enjoined"] as const).map((litigation): Row => ({
    type: "JudgmentForGovernment",
    from: { litigation },
    to: { litigation: "closed.lost" },
  })),
  // ChallengeDismissed: pending, enjoined, settled → closed.dismissed
  ...OPEN_CHALLENGE.map((litigation): Row => ({
    type: "ChallengeDismissed",
    from: { litigation },
    to: { litigation: "closed.dismissed" },
  })),
  // AppealFiled: closed.lost → pending
  { type: "AppealFiled", from: { litigation: "closed.lost" }, to: { litigation: "pending" } },
  // Noted: any → unchanged
  { type: "Noted", from: {}, to: {} },
  // EditionPublished: any → unchanged (it lives on edition streams, but the machine accepts it)
  { type: "EditionPublished", from: {}, to: {} },
];

/** The rows of the table that apply to `type` in `state`. */
function matchingRows(state: LifecycleState, type: LifecycleEventType): Row[] {
  return TABLE.filter(
    (row) =>
      row.type === type &&
      (row.from.listing === undefined || row.from.listing === state.listing) &&
      (row.from.litigation === undefined || row.from.litigation === state.litigation),
  );
}

/** The state the table says `type` leads to from `state`, or `undefined` when it forbids it. */
function expectedNext(state: LifecycleState, type: LifecycleEventType): LifecycleState | undefined {
  const [row, ...others] = matchingRows(state, type);
  if (others.length > 0)
    throw new Error(`the test table is ambiguous for ${type} in ${name(state)}`);
  return row && { ...state, ...row.to };
}

function name(state: LifecycleState): string {
  return `${state.listing}+${state.litigation}`;
}

function stateOf(snapshot: LifecycleSnapshot): LifecycleState {
  return lifecycleStateOf(snapshot.value);
}

/** Folds `types` from the initial snapshot, failing the test at the first one rejected. */
function run(types: readonly LifecycleEventType[]): LifecycleSnapshot {
  let snapshot = initialLifecycleSnapshot();
  for (const type of types) {
    const next = nextLifecycleSnapshot(snapshot, type);
    if (next === undefined) {
      throw new Error(`${type} rejected in ${name(stateOf(snapshot))} while setting up the test`);
    }
    snapshot = next;
  }
  return snapshot;
}

/** `given(...events).when(event).then(state)`: a transition the table allows. */
function given(...types: LifecycleEventType[]) {
  return {
    when: (type: LifecycleEventType) => ({
      // A "then" method makes the object thenable; it is never awaited: the given/when/then reading is the point.
      then: (expected: LifecycleState) => {
        const before = run(types);
        expect(accepts(before, type)).toBe(true);
        const after = nextLifecycleSnapshot(before, type);
        expect(after).toBeDefined();
        expect(stateOf(after as LifecycleSnapshot)).toEqual(expected);
      },
    }),
  };
}

/**
 * One case per row of the table: how to reach the row's from-state (`given`), the from-state
 * itself (checked too), and the state the event must lead to (`becomes`).
 */
interface Case {
  given: LifecycleEventType[];
  from: LifecycleState;
  when: LifecycleEventType;
  becomes: LifecycleState;
}

const s = (listing: ListingState, litigation: LitigationState): LifecycleState => ({
  listing,
  litigation,
});

// Ways to reach the litigation states with the company listed.
const PENDING: LifecycleEventType[] = ["Listed", "ChallengeFiled"];
const ENJOINED: LifecycleEventType[] = [...PENDING, "InjunctionGranted"];
const SETTLED_WITHOUT: LifecycleEventType[] = [...PENDING, "SettlementReached"];
const SETTLED_WITH: LifecycleEventType[] = [...ENJOINED, "SettlementReached"];
const WON: LifecycleEventType[] = [...PENDING, "DesignationVacated"];
const LOST: LifecycleEventType[] = [...PENDING, "JudgmentForGovernment"];
const DISMISSED: LifecycleEventType[] = [...PENDING, "ChallengeDismissed"];

const CASES: readonly Case[] = [
  // Listed
  { given: [], from: s("unlisted", "none"), when: "Listed", becomes: s("listed", "none") },
  {
    given: ["Listed", "Delisted"],
    from: s("removed.delisted", "none"),
    when: "Listed",
    becomes: s("listed", "none"),
  },
  {
    given: WON,
    from: s("removed.vacated", "closed.won"),
    when: "Listed",
    becomes: s("listed", "closed.won"),
  },
  {
    given: [...PENDING, "Delisted"],
    from: s("removed.delisted", "pending"),
    when: "Listed",
    becomes: s("listed", "pending"),
  },
  // Relisted
  { given: ["Listed"], from: s("listed", "none"), when: "Relisted", becomes: s("listed", "none") },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "Relisted",
    becomes: s("listed", "enjoined"),
  },
  // Delisted
  {
    given: ["Listed"],
    from: s("listed", "none"),
    when: "Delisted",
    becomes: s("removed.delisted", "none"),
  },
  {
    given: SETTLED_WITH,
    from: s("listed", "settled.withInjunction"),
    when: "Delisted",
    becomes: s("removed.delisted", "settled.withInjunction"),
  },
  // ChallengeFiled: from none and from each closed substate, listed
  {
    given: ["Listed"],
    from: s("listed", "none"),
    when: "ChallengeFiled",
    becomes: s("listed", "pending"),
  },
  {
    given: [...WON, "Listed"],
    from: s("listed", "closed.won"),
    when: "ChallengeFiled",
    becomes: s("listed", "pending"),
  },
  {
    given: LOST,
    from: s("listed", "closed.lost"),
    when: "ChallengeFiled",
    becomes: s("listed", "pending"),
  },
  {
    given: DISMISSED,
    from: s("listed", "closed.dismissed"),
    when: "ChallengeFiled",
    becomes: s("listed", "pending"),
  },
  // InjunctionGranted: pending → enjoined, whatever the listing
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "InjunctionGranted",
    becomes: s("listed", "enjoined"),
  },
  {
    given: [...PENDING, "Delisted"],
    from: s("removed.delisted", "pending"),
    when: "InjunctionGranted",
    becomes: s("removed.delisted", "enjoined"),
  },
  // InjunctionDenied
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "InjunctionDenied",
    becomes: s("listed", "pending"),
  },
  // InjunctionLifted
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "InjunctionLifted",
    becomes: s("listed", "pending"),
  },
  // SettlementReached
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "SettlementReached",
    becomes: s("listed", "settled.withoutInjunction"),
  },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "SettlementReached",
    becomes: s("listed", "settled.withInjunction"),
  },
  // DesignationVacated: open challenge, listed → removed.vacated + closed.won
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "DesignationVacated",
    becomes: s("removed.vacated", "closed.won"),
  },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "DesignationVacated",
    becomes: s("removed.vacated", "closed.won"),
  },
  {
    given: SETTLED_WITHOUT,
    from: s("listed", "settled.withoutInjunction"),
    when: "DesignationVacated",
    becomes: s("removed.vacated", "closed.won"),
  },
  {
    given: SETTLED_WITH,
    from: s("listed", "settled.withInjunction"),
    when: "DesignationVacated",
    becomes: s("removed.vacated", "closed.won"),
  },
  // JudgmentForGovernment
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "JudgmentForGovernment",
    becomes: s("listed", "closed.lost"),
  },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "JudgmentForGovernment",
    becomes: s("listed", "closed.lost"),
  },
  // ChallengeDismissed
  {
    given: PENDING,
    from: s("listed", "pending"),
    when: "ChallengeDismissed",
    becomes: s("listed", "closed.dismissed"),
  },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "ChallengeDismissed",
    becomes: s("listed", "closed.dismissed"),
  },
  {
    given: SETTLED_WITHOUT,
    from: s("listed", "settled.withoutInjunction"),
    when: "ChallengeDismissed",
    becomes: s("listed", "closed.dismissed"),
  },
  {
    given: SETTLED_WITH,
    from: s("listed", "settled.withInjunction"),
    when: "ChallengeDismissed",
    becomes: s("listed", "closed.dismissed"),
  },
  // AppealFiled: closed.lost → pending, whatever the listing
  {
    given: LOST,
    from: s("listed", "closed.lost"),
    when: "AppealFiled",
    becomes: s("listed", "pending"),
  },
  {
    given: [...LOST, "Delisted"],
    from: s("removed.delisted", "closed.lost"),
    when: "AppealFiled",
    becomes: s("removed.delisted", "pending"),
  },
  // Noted (every reachable state is covered further down)
  { given: [], from: s("unlisted", "none"), when: "Noted", becomes: s("unlisted", "none") },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "Noted",
    becomes: s("listed", "enjoined"),
  },
  {
    given: ENJOINED,
    from: s("listed", "enjoined"),
    when: "EditionPublished",
    becomes: s("listed", "enjoined"),
  },
];

/** Every state reachable from the initial snapshot, breadth-first over every event type. */
function reachableStates(): Map<string, LifecycleSnapshot> {
  const initial = initialLifecycleSnapshot();
  const seen = new Map([[name(stateOf(initial)), initial]]);
  const queue = [initial];
  for (let snapshot = queue.shift(); snapshot !== undefined; snapshot = queue.shift()) {
    for (const type of LIFECYCLE_EVENT_TYPES) {
      const next = nextLifecycleSnapshot(snapshot, type);
      if (next === undefined) continue;
      const key = name(stateOf(next));
      if (!seen.has(key)) {
        seen.set(key, next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const REACHABLE = reachableStates();

describe("the lifecycle machine, row by row of the transition table (DESIGN.md §1)", () => {
  for (const c of CASES) {
    it(`given ${name(c.from)}, when ${c.when}, then ${name(c.becomes)}`, () => {
      expect(stateOf(run(c.given))).toEqual(c.from);
      given(...c.given)
        .when(c.when)
        .then(c.becomes);
    });
  }

  it("has a case for every row of the table", () => {
    for (const row of TABLE) {
      const covered = CASES.some(
        (c) =>
          c.when === row.type &&
          matchingRows(c.from, c.when).includes(row) &&
          name(c.becomes) === name({ ...c.from, ...row.to }),
      );
      expect(covered, `no case for ${row.type} from ${JSON.stringify(row.from)}`).toBe(true);
    }
  });

  it("starts unlisted with no litigation", () => {
    expect(stateOf(initialLifecycleSnapshot())).toEqual(s("unlisted", "none"));
  });
});

describe("the lifecycle machine in every reachable state", () => {
  it("reaches exactly the states the table allows", () => {
    // Unlisted only before any listing; a vacatur closes the challenge it came from, and nothing
    // but a new listing leaves removed.vacated; every litigation state while listed or delisted.
    const litigation: LitigationState[] = ["none", "pending", "enjoined", ...SETTLED, ...CLOSED];
    const expected = [
      "unlisted+none",
      ...litigation.map((l) => `listed+${l}`),
      ...litigation.map((l) => `removed.delisted+${l}`),
      "removed.vacated+closed.won",
    ];
    expect([...REACHABLE.keys()].sort()).toEqual(expected.sort());
  });

  for (const [key, snapshot] of REACHABLE) {
    describe(`in ${key}`, () => {
      const state = stateOf(snapshot);

      it.each(LIFECYCLE_EVENT_TYPES.filter((type) => expectedNext(state, type) === undefined))(
        "rejects %s",
        (type) => {
          expect(accepts(snapshot, type)).toBe(false);
          expect(nextLifecycleSnapshot(snapshot, type)).toBeUndefined();
        },
      );

      it.each(LIFECYCLE_EVENT_TYPES.filter((type) => expectedNext(state, type) !== undefined))(
        "accepts %s and moves as the table says",
        (type) => {
          expect(accepts(snapshot, type)).toBe(true);
          const next = nextLifecycleSnapshot(snapshot, type);
          expect(next && stateOf(next)).toEqual(expectedNext(state, type));
        },
      );

      it("leaves the state unchanged on Noted", () => {
        const next = nextLifecycleSnapshot(snapshot, "Noted");
        expect(next && stateOf(next)).toEqual(state);
      });

      it("tags the snapshot `injunction` exactly when an injunction is in force", () => {
        expect(snapshot.hasTag("injunction")).toBe(injunctionInForce(state));
        const inForce =
          state.litigation === "enjoined" || state.litigation === "settled.withInjunction";
        expect(snapshot.hasTag("injunction")).toBe(inForce);
      });
    });
  }
});
