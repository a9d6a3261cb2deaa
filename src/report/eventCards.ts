import escapeHtml from "escape-html";
import type { FactEvent } from "../domain/eventSchema.js";
import type { ReportLane } from "./reportModel.js";

/** The id of the card of a lane's `step`-th event. */
export function cardId(laneIndex: number, step: number): string {
  return `card-${laneIndex}-${step}`;
}

/**
 * One card per event of every lane: the date, type, description, court, docket, judge,
 * confidence, when it became known, and its sources as links. The page shows a card when its
 * marker is pointed at or focused; the cards are kept in a hidden container.
 *
 * @example
 * eventCards(report.lanes); // '<div class="event-card" id="card-0-0">...'
 */
export function eventCards(lanes: readonly ReportLane[]): string {
  return lanes
    .flatMap((lane, laneIndex) =>
      lane.timeline.steps.map((step, index) =>
        eventCard(step.event, lane, cardId(laneIndex, index)),
      ),
    )
    .join("\n");
}

function eventCard(event: FactEvent, lane: ReportLane, id: string): string {
  const data = event.data as Record<string, unknown>;
  const field = (name: string, label: string) =>
    typeof data[name] === "string"
      ? `<dt>${label}</dt><dd>${escapeHtml(data[name] as string)}</dd>`
      : "";
  const date =
    event.precision === "month" ? `${event.effective.slice(0, 7)} (month only)` : event.effective;
  const known =
    event.known !== undefined && event.known !== event.effective
      ? `<dt>Known</dt><dd>${event.known}</dd>`
      : "";
  const hypothetical = lane.world === "simulated" && event.id.startsWith("simulated-");
  return `<div class="event-card" id="${id}">
<p class="card-head"><strong>${date}</strong> · <span class="card-type">${escapeHtml(event.type)}</span>${hypothetical ? ` <span class="tag">hypothetical</span>` : ""}</p>
<p class="card-stream">${escapeHtml(lane.companyName)} · ${escapeHtml(lane.program)}${lane.world === "simulated" ? " · simulated" : ""}</p>
<p class="card-description">${escapeHtml(event.data.description)}</p>
<dl>${field("court", "Court")}${field("docket", "Docket")}${field("judge", "Judge")}${field("document", "Document")}<dt>Confidence</dt><dd>${escapeHtml(event.confidence)}</dd>${known}<dt>Event</dt><dd><code>${escapeHtml(event.id)}</code></dd></dl>
<ul class="sources">${event.sources.map((source) => `<li><a href="${escapeHtml(source.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(source.publisher)}: ${escapeHtml(source.title)}</a></li>`).join("")}</ul>
</div>`;
}

/**
 * A table of each lane's events, for reading and printing: the page shows the selected lane's;
 * print shows them all.
 *
 * @example
 * eventTables(report.lanes); // '<section class="lane-events" data-lane="0">...'
 */
export function eventTables(lanes: readonly ReportLane[]): string {
  return lanes
    .map((lane, laneIndex) => {
      const rows = lane.timeline.steps.map(({ event, after }) => {
        const date =
          event.precision === "month" ? `${event.effective.slice(0, 7)}` : event.effective;
        const data = event.data as Record<string, unknown>;
        const court = [data.court, data.judge].filter((x) => typeof x === "string");
        return `<tr><td>${date}</td><td>${escapeHtml(event.type)}</td><td>${after.status}</td><td>${escapeHtml(event.data.description)}${court.length > 0 ? `<br><small>${escapeHtml(court.join(", "))}</small>` : ""}</td><td>${event.sources.map((s) => `<a href="${escapeHtml(s.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(s.publisher)}</a>`).join("<br>")}</td></tr>`;
      });
      return `<section class="lane-events" data-lane="${laneIndex}">
<h3>${escapeHtml(lane.companyName)} · ${escapeHtml(lane.program)}${lane.world === "simulated" ? " · simulated" : ""}</h3>
<table><thead><tr><th>date</th><th>event</th><th>status after</th><th>what happened</th><th>sources</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>
</section>`;
    })
    .join("\n");
}
