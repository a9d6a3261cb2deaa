import escapeHtml from "escape-html";
import { daysBetween } from "../domain/isoDate.js";
import { HEADLINE_STATUSES } from "../domain/lifecycleState.js";
import { cardId, eventCards, eventTables } from "./eventCards.js";
import { lifecycleDiagram } from "./lifecycleDiagram.js";
import type { Report, ReportLane } from "./reportModel.js";
import { REPORT_SCRIPT } from "./reportScript.js";
import { REPORT_STYLES } from "./reportStyles.js";
import { STATUS_COLORS, STATUS_MEANINGS } from "./statusColors.js";
import { EFFECT_COLORS, swimlanes } from "./swimlanes.js";

/**
 * The report as one self-contained HTML page: inline style, SVG and script, nothing fetched from
 * the network. It holds the swimlane timeline with its legend, the date cursor and the status of
 * every lane on the cursor's date, the lifecycle diagram drawn from the machine, and the events
 * of the selected lane.
 *
 * @example
 * reportHtml({ title: "Xiaomi", subtitle: "", generated: "2026-11-23", cursor: "2021-04-01",
 *   range: { from: "2020-12-01", to: "2021-06-25" }, lanes });
 */
export function reportHtml(report: Report): string {
  const simulated = report.lanes.some((lane) => lane.world === "simulated");
  const hasEffects = report.lanes.some((lane) => lane.effects.length > 0);
  const chips = HEADLINE_STATUSES.map(
    (status) => `td.status[data-status="${status}"] { --chip: ${STATUS_COLORS[status]}; }`,
  ).join("\n");
  const days = daysBetween("1970-01-01", report.range.from);
  const lastDay = days + daysBetween(report.range.from, report.range.to);
  const options = report.lanes
    .map(
      (lane, index) =>
        `<option value="${index}">${escapeHtml(lane.companyName)} · ${escapeHtml(lane.program)}${lane.world === "simulated" ? " (simulated)" : ""}</option>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLES}
${chips}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p>${simulated ? `<span class="simulated-banner">SIMULATED</span> ` : ""}${escapeHtml(report.subtitle)}</p>
</header>
<div class="controls" role="group" aria-label="Report controls">
<label>Date <input id="cursor-slider" type="range" min="${days}" max="${lastDay}" step="1" aria-label="Date cursor"></label>
<label><span class="visually-hidden">Date</span><input id="cursor-date" type="date" min="${report.range.from}" max="${report.range.to}" aria-label="Date cursor, as a date"></label>
<label>Stream <select id="lane-select">${options}</select></label>
</div>
<main>
<h2>Timeline</h2>
${legend(hasEffects)}
${swimlanes(report, cardId)}
<p class="note">Intervals are [from, to): a status holds from its first day up to the day before the next. Markers with a dashed rim are dated only to the month. Select a marker (or Tab to it) for its event; click the axis or move the date cursor to see every stream's status on a date.</p>
<h2 id="cursor-heading">Status of every stream</h2>
<table id="cursor-table"><thead><tr><th>company</th><th>program</th><th>status</th><th>enforceable</th><th>since</th><th>because of</th>${hasEffects ? "<th>effects in force</th>" : ""}</tr></thead><tbody></tbody></table>
<h2 id="diagram-heading">Lifecycle</h2>
${lifecycleDiagram()}
<h2>Events</h2>
${eventTables(report.lanes)}
<p class="note">Made on ${report.generated} by designations from its event log${simulated ? "; the simulated lanes show a world that did not happen" : ""}.</p>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<div id="event-cards" hidden>
${eventCards(report.lanes)}
</div>
<script type="application/json" id="report-data">${embeddedJson(report, hasEffects)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function legend(hasEffects: boolean): string {
  const statuses = HEADLINE_STATUSES.filter((status) => status !== "unlisted").map(
    (status) =>
      `<li><span class="swatch" style="background:${STATUS_COLORS[status]}"></span><span title="${escapeHtml(STATUS_MEANINGS[status])}">${status}</span></li>`,
  );
  const marks = [
    `<li><span class="swatch strip"></span>enforceable</li>`,
    `<li><span class="swatch dot"></span>event that changes the status</li>`,
    `<li><span class="swatch dot small"></span>informational event</li>`,
  ];
  const effects = hasEffects
    ? [
        ...Object.entries(EFFECT_COLORS).map(
          ([kind, color]) =>
            `<li><span class="swatch band" style="background:${color}"></span>${kind}</li>`,
        ),
        `<li><span class="swatch suspended"></span>effect suspended</li>`,
      ]
    : [];
  return `<ul class="legend" aria-label="Legend">${[...statuses, ...marks, ...effects].join("")}</ul>`;
}

/** The data the script needs, as JSON that cannot close the script element early. */
function embeddedJson(report: Report, hasEffects: boolean): string {
  const lanes = report.lanes.map((lane: ReportLane) => ({
    stream: lane.stream,
    company: lane.company,
    companyName: lane.companyName,
    program: lane.program,
    world: lane.world,
    intervals: lane.timeline.intervals.map((i) => [
      i.from,
      i.status,
      i.enforceable,
      i.event.type,
      i.event.id,
    ]),
    uncertainMonths: lane.timeline.uncertainMonths,
    states: lane.timeline.steps.map((step) => [
      step.event.effective,
      step.after.state.listing,
      step.after.state.litigation,
    ]),
    effects: lane.effects.map((band) => [band.kind, band.from, band.to, band.inForce]),
  }));
  const json = JSON.stringify({ cursor: report.cursor, hasEffects, lanes });
  return json
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
