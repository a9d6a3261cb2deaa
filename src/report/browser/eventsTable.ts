/** The table of a lane's events, for reading and printing. */
import { htmlEl } from "./dom.js";
import { sourceLink } from "./cards.js";
import type { Lane } from "./laneData.js";

const COLUMNS = ["date", "event", "status after", "what happened", "sources"];

/**
 * A section with the lane's name and the table of its events: date, type, status after, what
 * happened (with the court and judge), and links to the sources.
 *
 * @example
 * box.appendChild(eventsSection(lane));
 */
export function eventsSection(lane: Lane): HTMLElement {
  const section = htmlEl("section", null, null, "lane-events");
  section.dataset.lane = String(lane.index);
  htmlEl("h3", `${lane.name} · ${lane.program}${lane.simulated ? " · simulated" : ""}`, section);
  const table = htmlEl("table", null, section);
  const headRow = htmlEl("tr", null, htmlEl("thead", null, table));
  for (const name of COLUMNS) htmlEl("th", name, headRow);
  const body = htmlEl("tbody", null, table);
  for (const event of lane.events) {
    const row = htmlEl("tr", null, body);
    htmlEl("td", event.month ? event.date.slice(0, 7) : event.date, row);
    htmlEl("td", event.type, row);
    htmlEl("td", event.after, row);
    const what = htmlEl("td", event.description, row);
    const court = event.details ? [event.details[0], event.details[2]].filter(Boolean) : [];
    if (court.length > 0) {
      htmlEl("br", null, what);
      htmlEl("small", court.join(", "), what);
    }
    const cell = htmlEl("td", null, row);
    event.sources.forEach((source, index) => {
      if (index > 0) htmlEl("br", null, cell);
      sourceLink(source, source[0], cell);
    });
  }
  return section;
}
