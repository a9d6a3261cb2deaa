import type { StateValue } from "xstate";

export const LISTING_STATES = [
  "unlisted",
  "listed",
  "removed.delisted",
  "removed.vacated",
] as const;
export const LITIGATION_STATES = [
  "none",
  "pending",
  "enjoined",
  "settled.withoutInjunction",
  "settled.withInjunction",
  "closed.won",
  "closed.lost",
  "closed.dismissed",
] as const;

export type ListingState = (typeof LISTING_STATES)[number];
export type LitigationState = (typeof LITIGATION_STATES)[number];

/** Where a stream stands in both regions of the machine, as dotted paths. */
export interface LifecycleState {
  listing: ListingState;
  litigation: LitigationState;
}

export const HEADLINE_STATUSES = [
  "unlisted",
  "listed",
  "challenged",
  "enjoined",
  "settled",
  "vacated",
  "delisted",
] as const;

export type HeadlineStatus = (typeof HEADLINE_STATUSES)[number];

/**
 * Reads the two regions out of a machine snapshot's value.
 *
 * @example
 * lifecycleStateOf({ listing: "listed", litigation: { settled: "withInjunction" } });
 * // { listing: "listed", litigation: "settled.withInjunction" }
 */
export function lifecycleStateOf(value: StateValue): LifecycleState {
  if (typeof value === "string") throw new Error(`not a lifecycle state value: ${value}`);
  return {
    listing: dotted(value.listing) as ListingState,
    litigation: dotted(value.litigation) as LitigationState,
  };
}

function dotted(value: StateValue | undefined): string {
  if (value === undefined) throw new Error("a region of the lifecycle state is missing");
  if (typeof value === "string") return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined) throw new Error("an empty region in the lifecycle state");
  return `${key}.${dotted(child)}`;
}

/**
 * The status users see, first match wins: unlisted; vacated; delisted; then by litigation:
 * settled, enjoined, challenged (pending); else listed.
 *
 * @example
 * headlineStatus({ listing: "listed", litigation: "enjoined" }); // "enjoined"
 */
export function headlineStatus(state: LifecycleState): HeadlineStatus {
  if (state.listing === "unlisted") return "unlisted";
  if (state.listing === "removed.vacated") return "vacated";
  if (state.listing === "removed.delisted") return "delisted";
  if (state.litigation.startsWith("settled.")) return "settled";
  if (state.litigation === "enjoined") return "enjoined";
  if (state.litigation === "pending") return "challenged";
  return "listed";
}

/**
 * True when an injunction is in force: while enjoined, and after a settlement reached while
 * enjoined. The machine tags exactly these states `injunction`; a test keeps the two in step.
 *
 * @example
 * injunctionInForce({ listing: "listed", litigation: "enjoined" }); // true
 */
export function injunctionInForce(state: LifecycleState): boolean {
  return state.litigation === "enjoined" || state.litigation === "settled.withInjunction";
}

/**
 * The designation binds while the company is listed and no injunction is in force.
 *
 * @example
 * isEnforceable({ listing: "listed", litigation: "settled.withInjunction" }); // false
 */
export function isEnforceable(state: LifecycleState): boolean {
  return state.listing === "listed" && !injunctionInForce(state);
}

/**
 * `listing=listed, litigation=pending`, for messages.
 *
 * @example
 * describeState({ listing: "listed", litigation: "pending" }); // "listing=listed, litigation=pending"
 */
export function describeState(state: LifecycleState): string {
  return `listing=${state.listing}, litigation=${state.litigation}`;
}
