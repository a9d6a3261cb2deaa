import type { HeadlineStatus } from "../domain/lifecycleState.js";

/** The statuses in which a company is on the list, whatever its lawsuit's state. */
export const ON_THE_LIST_STATUSES: ReadonlySet<HeadlineStatus> = new Set([
  "listed",
  "challenged",
  "enjoined",
  "settled",
]);

/**
 * True when a stream's status means the company is on the list that day: an injunction
 * suspends a listing's effects, not the listing.
 *
 * @example
 * isOnTheList("enjoined"); // true
 * isOnTheList("vacated"); // false
 */
export function isOnTheList(status: HeadlineStatus): boolean {
  return ON_THE_LIST_STATUSES.has(status);
}
