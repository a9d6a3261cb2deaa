import { daysBetween, type IsoDate } from "../domain/isoDate.js";
import type { LaneGeometry } from "./reportDataFormat.js";
import type { Report } from "./reportModel.js";

/**
 * The geometry of the lanes, in the SVG's own units (the drawing scales to the page's width):
 * the plot's left and right edges, the axis's height, and the fixed heights of a lane row and
 * of a group's heading row, which let the page draw only the rows in view. The page's script
 * reads it from the report's data.
 */
export const LANE_GEOMETRY = {
  width: 1200,
  plotLeft: 290,
  plotRight: 1185,
  axisHeight: 34,
  laneHeight: 44,
  headingHeight: 26,
} as const satisfies LaneGeometry;

/** Two rows of thin effect bands: securities purchase or DoD contracting; then divest/hold or procure. */
export const EFFECT_ROWS: Readonly<Record<string, number>> = {
  "purchase-ban": 0,
  "dod-contracting-ban": 0,
  "divestment-window": 1,
  "holding-ban": 1,
  "dod-procurement-ban": 1,
};
/** Effect colours, apart from the status colours and from the black enforceable strip. */
export const EFFECT_COLORS: Readonly<Record<string, string>> = {
  "purchase-ban": "#c2187a",
  "divestment-window": "#e8a33d",
  "holding-ban": "#6b3f1d",
  "dod-contracting-ban": "#0e7490",
  "dod-procurement-ban": "#5b4fd6",
};

/**
 * The frame of the swimlane timeline, whose lanes the page's script draws: a scrolling box with
 * the time axis pinned at its top (click it to move the date cursor) and under it the lanes'
 * SVG, as tall as every lane, with the year (and month) lines and the cursor's line across it.
 * The script draws into `#lane-rows` only the rows in view, and every shown row in print.
 *
 * @example
 * swimlanes(report); // '<div id="lane-scroller" class="lane-scroller">...'
 */
export function swimlanes(report: Report): string {
  const { width, axisHeight, laneHeight, plotLeft, plotRight } = LANE_GEOMETRY;
  const height = report.lanes.length * laneHeight + 8;
  const x = scaleOf(report.range);
  const grid = gridLines(report.range, x);
  const axisGrid = grid
    .map(({ px, year }) =>
      year
        ? `<line class="year" x1="${px}" x2="${px}" y1="8" y2="${axisHeight}"/>`
        : `<line class="month" x1="${px}" x2="${px}" y1="24" y2="${axisHeight}"/>`,
    )
    .join("");
  const labelled = labelledYears(grid);
  const labels = grid.map(({ px, year, month }) =>
    year
      ? labelled(month)
        ? `<text class="year-label" x="${px + 3}" y="16">${month.slice(0, 4)}</text>`
        : ""
      : daysBetween(report.range.from, report.range.to) < 500
        ? `<text class="month-label" x="${px + 2}" y="31">${MONTHS[Number(month.slice(5, 7)) - 1]}</text>`
        : "",
  );
  const laneGrid = grid
    .map(
      ({ px, year }) =>
        `<line class="${year ? "year" : "month"}" x1="${px}" x2="${px}" y1="0" y2="${height}"/>`,
    )
    .join("");
  return `<div id="lane-scroller" class="lane-scroller">
<svg id="lane-axis" class="lane-axis" viewBox="0 0 ${width} ${axisHeight}" aria-label="Time axis: click to move the date cursor">
<rect class="axis-bg" x="0" y="0" width="${width}" height="${axisHeight}"/>
${axisGrid}
${labels.join("")}
<line class="axis-line" x1="${plotLeft}" x2="${plotRight}" y1="${axisHeight - 0.5}" y2="${axisHeight - 0.5}"/>
<rect id="axis-hit" class="axis-hit" x="${plotLeft}" y="0" width="${plotRight - plotLeft}" height="${axisHeight}"><title>Click to move the date cursor</title></rect>
<line id="cursor-line" class="cursor-line" x1="0" x2="0" y1="${axisHeight - 8}" y2="${axisHeight}"/>
</svg>
<svg id="lanes" class="lanes" viewBox="0 0 ${width} ${height}" role="group" aria-label="Timeline of every stream shown"
 data-start="${report.range.from}" data-end="${report.range.to}" data-plot-left="${plotLeft}" data-plot-right="${plotRight}">
<defs><pattern id="suspended" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#999"/></pattern></defs>
<g id="lane-grid">${laneGrid}<line class="lane-start" x1="${plotLeft}" x2="${plotLeft}" y1="0" y2="${height}"/></g>
<g id="lane-rows"></g>
<line id="lane-cursor" class="cursor-line" x1="0" x2="0" y1="0" y2="${height}"/>
</svg>
</div>`;
}

type Scale = (date: IsoDate) => number;

function scaleOf(range: { from: IsoDate; to: IsoDate }): Scale {
  const { plotLeft, plotRight } = LANE_GEOMETRY;
  const perDay = (plotRight - plotLeft) / Math.max(1, daysBetween(range.from, range.to));
  return (date) => Math.round((plotLeft + daysBetween(range.from, date) * perDay) * 10) / 10;
}

/** The least room, in the SVG's units, between two year labels: four digits and a gap. */
const YEAR_LABEL_ROOM = 30;

/**
 * Which year lines get a label: every one while they are far enough apart, else every 2nd, 5th
 * or 10th step's (the years that are multiples of it), so that labels never run into each other.
 */
function labelledYears(grid: readonly { px: number; year: boolean; month: IsoDate }[]) {
  const years = grid.filter((line) => line.year);
  const [first, second] = years;
  if (first === undefined || second === undefined) return () => true;
  const step = Number(second.month.slice(0, 4)) - Number(first.month.slice(0, 4));
  const every = [1, 2, 5, 10].find((k) => (second.px - first.px) * k >= YEAR_LABEL_ROOM) ?? 10;
  return (month: IsoDate) => Number(month.slice(0, 4)) % (step * every) === 0;
}

/** The most year lines an axis draws: over a longer span, a line every 2, 5, 10, 20, ... years. */
export const MAX_YEAR_LINES = 40;

const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

/**
 * A line at each new year, and at each month when the axis spans less than four years; over
 * more than `MAX_YEAR_LINES` years, a line every so many years (2, 5, 10, 20, ...), so that an
 * axis to 9999 has as few lines as one over a decade. At most 48 months or `MAX_YEAR_LINES` + 1
 * years, counted on numbers, whatever the dates.
 */
function gridLines(
  range: { from: IsoDate; to: IsoDate },
  x: Scale,
): { px: number; year: boolean; month: IsoDate }[] {
  const lines: { px: number; year: boolean; month: IsoDate }[] = [];
  const [fromYear, fromMonth] = yearMonth(range.from);
  const [toYear, toMonth] = yearMonth(range.to);
  if (daysBetween(range.from, range.to) < 4 * 365) {
    // Month by month, from the first 1st of a month on the axis.
    let month = fromYear * 12 + fromMonth - 1 + (range.from.endsWith("-01") ? 0 : 1);
    for (; month <= toYear * 12 + toMonth - 1; month += 1) {
      const date = firstOfMonth(Math.floor(month / 12), (month % 12) + 1);
      lines.push({ px: x(date), year: month % 12 === 0, month: date });
    }
    return lines;
  }
  const step = YEAR_STEPS.find((s) => (toYear - fromYear) / s <= MAX_YEAR_LINES) ?? 10_000;
  const firstYear = Math.ceil((range.from.endsWith("-01-01") ? fromYear : fromYear + 1) / step);
  for (let year = firstYear * step; year <= toYear; year += step) {
    const date = firstOfMonth(year, 1);
    lines.push({ px: x(date), year: true, month: date });
  }
  return lines;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function yearMonth(date: IsoDate): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

function firstOfMonth(year: number, month: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}
