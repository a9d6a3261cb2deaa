/**
 * The filters' meaning: which lanes they show (a substring of the company's id, name or
 * aliases, a list, a status on the cursor's date) and how a printed page states them.
 */
import type { Lane } from "./laneData.js";
import type { PageState } from "./state.js";
import { statusOn } from "./status.js";

/**
 * Whether the filters of `state` show a lane, on the cursor's date.
 *
 * @example
 * state.lanes.filter(laneFilter(state));
 */
export function laneFilter(state: PageState): (lane: Lane) => boolean {
  const { filters, cursor } = state;
  const text = filters.text.toLowerCase();
  return (lane) => {
    if (filters.program && lane.program !== filters.program) return false;
    if (text && !lane.search.includes(text)) return false;
    if (filters.status && statusOn(lane, cursor).status !== filters.status) return false;
    return true;
  };
}

/**
 * The filters in a sentence, for print, or "" with none: `2 of 9 streams: on dod-1237, ...`.
 *
 * @example
 * filterSummary(state, 2, " streams"); // "2 of 9 streams: name or id contains “xiaomi”."
 */
export function filterSummary(state: PageState, shown: number, noun: string): string {
  const { filters, cursor } = state;
  const parts: string[] = [];
  if (filters.text) parts.push(`name or id contains “${filters.text.toLowerCase()}”`);
  if (filters.program) parts.push(`on ${filters.program}`);
  if (filters.status) parts.push(`${filters.status} on ${cursor}`);
  if (filters.grouped) parts.push("grouped by parent");
  if (parts.length === 0) return "";
  return `${shown} of ${state.lanes.length}${noun}: ${parts.join(", ")}.`;
}
