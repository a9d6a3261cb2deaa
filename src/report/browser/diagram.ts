/**
 * The lifecycle diagram follows the selected lane: the states it passed through are filled, the
 * states it is in on the cursor's date are outlined.
 */
import { byId } from "./dom.js";
import type { PageState } from "./state.js";

/**
 * Marks the diagram's states for the selected lane on the cursor's date, and says so in the
 * diagram's heading.
 *
 * @example
 * highlightDiagram(state);
 */
export function highlightDiagram(state: PageState): void {
  const lane = state.lanes[state.selected];
  if (!lane) return;
  const { cursor } = state;
  let current = ["listing.unlisted", "litigation.none"];
  const visited = new Set(current);
  for (const event of lane.events) {
    const listing = `listing.${event.listing}`;
    const litigation = `litigation.${event.litigation}`;
    visited.add(listing).add(litigation);
    if (event.date <= cursor) current = [listing, litigation];
  }
  const within = (path: string) => (name: string) => name === path || name.startsWith(`${path}.`);
  for (const box of document.querySelectorAll<SVGGElement>(".lifecycle .state")) {
    const path = box.dataset.state ?? "";
    box.classList.toggle("visited", [...visited].some(within(path)));
    box.classList.toggle("current", current.some(within(path)));
  }
  byId("diagram-heading", HTMLHeadingElement).textContent =
    `Lifecycle of ${lane.name} on ${lane.program}${lane.simulated ? " (simulated)" : ""}: ` +
    `states passed through are filled, the state on ${cursor} is outlined`;
}
