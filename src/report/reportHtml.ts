import escapeHtml from "escape-html";
import { daysBetween } from "../domain/isoDate.js";
import { HEADLINE_STATUSES } from "../domain/lifecycleState.js";
import { lifecycleDiagram } from "./lifecycleDiagram.js";
import { REPORT_SCRIPT } from "./browser/bundle.generated.js";
import { reportDataJson } from "./reportData.js";
import { REPORT_DATA_ID } from "./reportDataFormat.js";
import { laneGroups } from "./laneGroups.js";
import type { Report } from "./reportModel.js";
import { REPORT_STYLES } from "./reportStyles.js";
import { STATUS_COLORS, STATUS_MEANINGS } from "./statusColors.js";
import { EFFECT_COLORS, swimlanes } from "./swimlanes.js";

/** The statuses the status filter offers, the usual ones first. */
const FILTER_STATUSES = [...HEADLINE_STATUSES.filter((s) => s !== "unlisted"), "unlisted"];

/**
 * The report as one self-contained HTML page: inline style, SVG and script, nothing fetched from
 * the network. It holds a filter bar (company name or id, list, status on the cursor's date,
 * grouping by parent), the swimlane timeline with its legend, of which the page's script draws
 * only the lanes in view (every shown lane in print), the date cursor and the status of every
 * shown lane on the cursor's date, the lifecycle diagram drawn from the machine, and the events
 * of the selected lane (of every shown lane in print). The lanes' data is embedded as compact
 * JSON (see `reportData`); the script is `src/report/browser/`, bundled at build time. `json`,
 * when given, is that data built beforehand lane by lane (`ReportDataBuilder`), and the report's
 * lanes need no steps.
 *
 * @example
 * reportHtml({ title: "Xiaomi", subtitle: "", generated: "2026-11-23", cursor: "2021-04-01",
 *   range: { from: "2020-12-01", to: "2021-06-25" }, lanes });
 */
export function reportHtml(report: Report, json: string = reportDataJson(report)): string {
  const simulated = report.lanes.some((lane) => lane.world === "simulated");
  const hasEffects = report.lanes.some((lane) => lane.effects.length > 0);
  const canGroup = laneGroups(report.lanes, report.companies ?? []).some((group) =>
    group.members.some((member) => member.depth > 0),
  );
  const chips = HEADLINE_STATUSES.map(
    (status) => `td.status[data-status="${status}"] { --chip: ${STATUS_COLORS[status]}; }`,
  ).join("\n");
  const days = daysBetween("1970-01-01", report.range.from);
  const lastDay = days + daysBetween(report.range.from, report.range.to);
  const programs = [...new Set(report.lanes.map((lane) => lane.program))].sort();
  const option = (value: string, text = value) =>
    `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`;
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
<div class="control-row">
<label>Date <input id="cursor-slider" type="range" min="${days}" max="${lastDay}" step="1" aria-label="Date cursor"></label>
<label><span class="visually-hidden">Date</span><input id="cursor-date" type="date" min="${report.range.from}" max="${report.range.to}" aria-label="Date cursor, as a date"></label>
<label>Stream <select id="lane-select"></select></label>
</div>
<div class="control-row filters" role="search" aria-label="Filter the streams">
<label>Find <input id="filter-text" type="search" placeholder="company name, alias or id" autocomplete="off" spellcheck="false"></label>
<label>List <select id="filter-program">${option("", "every list")}${programs.map((p) => option(p)).join("")}</select></label>
<label>Status on <span id="filter-status-date">${report.cursor}</span> <select id="filter-status">${option("", "any status")}${FILTER_STATUSES.map((s) => option(s)).join("")}</select></label>
<label${canGroup ? "" : ' class="unavailable" title="No company of this report names a parent"'}><input id="group-parent" type="checkbox"${canGroup ? "" : " disabled"}> group by parent</label>
<output id="filter-count" for="filter-text filter-program filter-status" aria-live="polite"></output>
</div>
</div>
<main>
<h2>Timeline</h2>
<p id="print-filters" class="print-only"></p>
${legend(hasEffects)}
${swimlanes(report)}
<p id="no-lanes" class="no-lanes" hidden>No stream matches the filters.</p>
<p class="note">Intervals are [from, to): a status holds from its first day up to the day before the next. Markers with a dashed rim are dated only to the month. Select a marker (or Tab to it) for its event; click the axis or move the date cursor to see every stream's status on a date. Only the lanes in view are drawn; printing draws every lane the filters show.</p>
<h2 id="cursor-heading">Status of every stream</h2>
<table id="cursor-table"><thead><tr><th>company</th><th>program</th><th>status</th><th>enforceable</th><th>since</th><th>because of</th>${hasEffects ? "<th>effects in force</th>" : ""}</tr></thead><tbody></tbody></table>
<h2 id="diagram-heading">Lifecycle</h2>
${lifecycleDiagram()}
<h2>Events</h2>
<div id="lane-events"></div>
<p class="note">Made on ${report.generated} by designations from its event log${simulated ? "; the simulated lanes show a world that did not happen" : ""}.</p>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script type="application/json" id="${REPORT_DATA_ID}">${json}</script>
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
