import { describe, expect, it } from "vitest";
import {
  describeState,
  HEADLINE_STATUSES,
  type HeadlineStatus,
  headlineStatus,
  injunctionInForce,
  isEnforceable,
  LISTING_STATES,
  LITIGATION_STATES,
  type LifecycleState,
  type ListingState,
  type LitigationState,
  lifecycleStateOf,
} from "../../src/domain/lifecycleState.js";

/**
 * DESIGN.md §1, written out by hand for every listing × litigation combination: the headline
 * status (first match wins: unlisted; vacated; delisted; then settled, enjoined, challenged, else
 * listed) and whether the designation is enforceable (listed and no injunction in force).
 * Whether a combination is reachable does not matter to these two functions.
 */
const EXPECTED: Record<
  ListingState,
  Record<LitigationState, readonly [HeadlineStatus, boolean]>
> = {
  unlisted: {
    none: ["unlisted", false],
    pending: ["unlisted", false],
    enjoined: ["unlisted", false],
    "settled.withoutInjunction": ["unlisted", false],
    "settled.withInjunction": ["unlisted", false],
    "closed.won": ["unlisted", false],
    "closed.lost": ["unlisted", false],
    "closed.dismissed": ["unlisted", false],
  },
  listed: {
    none: ["listed", true],
    pending: ["challenged", true],
    enjoined: ["enjoined", false],
    "settled.withoutInjunction": ["settled", true],
    "settled.withInjunction": ["settled", false],
    "closed.won": ["listed", true],
    "closed.lost": ["listed", true],
    "closed.dismissed": ["listed", true],
  },
  "removed.delisted": {
    none: ["delisted", false],
    pending: ["delisted", false],
    enjoined: ["delisted", false],
    "settled.withoutInjunction": ["delisted", false],
    "settled.withInjunction": ["delisted", false],
    "closed.won": ["delisted", false],
    "closed.lost": ["delisted", false],
    "closed.dismissed": ["delisted", false],
  },
  "removed.vacated": {
    none: ["vacated", false],
    pending: ["vacated", false],
    enjoined: ["vacated", false],
    "settled.withoutInjunction": ["vacated", false],
    "settled.withInjunction": ["vacated", false],
    "closed.won": ["vacated", false],
    "closed.lost": ["vacated", false],
    "closed.dismissed": ["vacated", false],
  },
};

const ROWS = LISTING_STATES.flatMap((listing) =>
  LITIGATION_STATES.map((litigation) => {
    const [status, enforceable] = EXPECTED[listing][litigation];
    return { listing, litigation, status, enforceable };
  }),
);

describe("headlineStatus and isEnforceable", () => {
  it("cover the 4 × 8 combinations", () => {
    expect(ROWS).toHaveLength(32);
  });

  it.each(ROWS)(
    "listing $listing, litigation $litigation: $status, enforceable $enforceable",
    ({ listing, litigation, status, enforceable }) => {
      const state: LifecycleState = { listing, litigation };
      expect(headlineStatus(state)).toBe(status);
      expect(isEnforceable(state)).toBe(enforceable);
    },
  );

  it("use every headline status", () => {
    expect(new Set(ROWS.map((row) => row.status))).toEqual(new Set(HEADLINE_STATUSES));
  });
});

describe("injunctionInForce", () => {
  it.each(LITIGATION_STATES)("in litigation %s", (litigation) => {
    const inForce = litigation === "enjoined" || litigation === "settled.withInjunction";
    for (const listing of LISTING_STATES) {
      expect(injunctionInForce({ listing, litigation })).toBe(inForce);
    }
  });
});

describe("lifecycleStateOf", () => {
  it("reads flat regions", () => {
    expect(lifecycleStateOf({ listing: "listed", litigation: "pending" })).toEqual({
      listing: "listed",
      litigation: "pending",
    });
  });

  it("reads nested regions as dotted paths", () => {
    expect(
      lifecycleStateOf({ listing: { removed: "vacated" }, litigation: { closed: "won" } }),
    ).toEqual({ listing: "removed.vacated", litigation: "closed.won" });
    expect(
      lifecycleStateOf({ listing: "listed", litigation: { settled: "withInjunction" } }),
    ).toEqual({ listing: "listed", litigation: "settled.withInjunction" });
  });

  it("rejects a value that is not of a parallel machine", () => {
    expect(() => lifecycleStateOf("listed")).toThrow(/not a lifecycle state value: listed/);
  });

  it("rejects a missing or empty region", () => {
    expect(() => lifecycleStateOf({ listing: "listed" })).toThrow(/missing/);
    expect(() => lifecycleStateOf({ listing: "listed", litigation: {} })).toThrow(/empty region/);
  });
});

describe("describeState", () => {
  it("names both regions", () => {
    expect(describeState({ listing: "removed.delisted", litigation: "closed.lost" })).toBe(
      "listing=removed.delisted, litigation=closed.lost",
    );
  });
});
