import escapeHtml from "escape-html";
import { isInformational, isLifecycleEventType } from "../domain/eventTypes.js";
import { addDays, daysBetween, type IsoDate } from "../domain/isoDate.js";
import { STATUS_COLORS } from "./statusColors.js";
import type { EffectBand, Report, ReportLane } from "./reportModel.js";

/** The horizontal geometry of the lanes, shared with the page's script through data attributes. */
export const LANE_GEOMETRY = { width: 1200, plotLeft: 250, plotRight: 1185, axisHeight: 34 };
const LANE_HEIGHT = 44;
const BAR = { y: 6, h: 16 };
const ENFORCEABLE = { y: 23, h: 4 };
/** Two rows of thin effect bands: securities purchase or DoD contracting; then divest/hold or procure. */
const EFFECT_ROWS: Readonly<Record<string, number>> = {
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
 * The swimlane timeline as SVG: a time axis, then one lane per stream (two per stream in a
 * simulation, the simulated one labelled) with its `[from, to)` intervals coloured by status,
 * a dark strip under the enforceable ones, thin bands for the effects of program rules, and a
 * focusable marker per event (informational ones smaller). Markers point at their event card by
 * `data-card`.
 *
 * @example
 * swimlanes(report, (lane, index) => `card-${index}`);
 */
export function swimlanes(
  report: Report,
  cardId: (laneIndex: number, step: number) => string,
): string {
  const { width, axisHeight } = LANE_GEOMETRY;
  const height = axisHeight + report.lanes.length * LANE_HEIGHT + 8;
  const x = scaleOf(report.range);
  const lanes = report.lanes.map((lane, index) =>
    laneSvg(lane, index, axisHeight + index * LANE_HEIGHT, x, report.range.to, cardId),
  );
  return `<svg id="lanes" class="lanes" viewBox="0 0 ${width} ${height}" role="group" aria-label="Timeline of every stream"
 data-start="${report.range.from}" data-end="${report.range.to}" data-plot-left="${LANE_GEOMETRY.plotLeft}" data-plot-right="${LANE_GEOMETRY.plotRight}">
<defs><pattern id="suspended" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#999"/></pattern></defs>
${axisSvg(report.range, x, height)}
${lanes.join("\n")}
<line id="cursor-line" class="cursor-line" x1="0" x2="0" y1="${axisHeight - 6}" y2="${height}"/>
</svg>`;
}

type Scale = (date: IsoDate) => number;

function scaleOf(range: { from: IsoDate; to: IsoDate }): Scale {
  const { plotLeft, plotRight } = LANE_GEOMETRY;
  const perDay = (plotRight - plotLeft) / Math.max(1, daysBetween(range.from, range.to));
  return (date) => round(plotLeft + daysBetween(range.from, date) * perDay);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Year lines, and month ticks when the axis spans less than four years. */
function axisSvg(range: { from: IsoDate; to: IsoDate }, x: Scale, height: number): string {
  const parts = [
    `<rect id="axis-hit" class="axis-hit" x="${LANE_GEOMETRY.plotLeft}" y="0" width="${LANE_GEOMETRY.plotRight - LANE_GEOMETRY.plotLeft}" height="${LANE_GEOMETRY.axisHeight}"><title>Click to move the date cursor</title></rect>`,
  ];
  const months = daysBetween(range.from, range.to) < 4 * 365;
  let month = `${range.from.slice(0, 7)}-01`;
  if (month < range.from) month = nextMonth(month);
  for (; month <= range.to; month = nextMonth(month)) {
    const px = x(month);
    if (month.endsWith("-01-01")) {
      parts.push(
        `<line class="year" x1="${px}" x2="${px}" y1="8" y2="${height}"/><text class="year-label" x="${px + 3}" y="16">${month.slice(0, 4)}</text>`,
      );
    } else if (months) {
      parts.push(`<line class="month" x1="${px}" x2="${px}" y1="24" y2="${height}"/>`);
      if (daysBetween(range.from, range.to) < 500) {
        parts.push(
          `<text class="month-label" x="${px + 2}" y="31">${MONTHS[Number(month.slice(5, 7)) - 1]}</text>`,
        );
      }
    }
  }
  return parts.join("\n");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function nextMonth(month: IsoDate): IsoDate {
  return addDays(`${month.slice(0, 8)}28`, 4).slice(0, 8) + "01";
}

function laneSvg(
  lane: ReportLane,
  index: number,
  top: number,
  x: Scale,
  end: IsoDate,
  cardId: (laneIndex: number, step: number) => string,
): string {
  const { plotLeft, plotRight } = LANE_GEOMETRY;
  const simulated = lane.world === "simulated";
  const name =
    lane.companyName.length > 26 ? `${lane.companyName.slice(0, 25)}…` : lane.companyName;
  const label = `${simulated ? "simulated · " : ""}${lane.program}`;
  const clip = (date: IsoDate | null) =>
    Math.min(x(date === null || date > end ? end : date), plotRight);
  const intervals = lane.timeline.intervals.map((interval) => {
    const x1 = x(interval.from);
    const w = round(Math.max(1, clip(interval.to) - x1));
    const until = interval.to === null ? "on" : `to ${interval.to}`;
    const text = `${interval.status} from ${interval.from} ${until}${interval.enforceable ? ", enforceable" : ", not enforceable"}`;
    const bar = `<rect class="interval" data-status="${interval.status}" data-from="${interval.from}" data-to="${interval.to ?? ""}" x="${x1}" y="${top + BAR.y}" width="${w}" height="${BAR.h}" fill="${STATUS_COLORS[interval.status]}"><title>${escapeHtml(text)}</title></rect>`;
    const strip = interval.enforceable
      ? `<rect class="enforceable" x="${x1}" y="${top + ENFORCEABLE.y}" width="${w}" height="${ENFORCEABLE.h}"><title>enforceable</title></rect>`
      : "";
    return bar + strip;
  });
  const effects = lane.effects.map((band) => effectSvg(band, top, x, clip));
  const seenOnDay = new Map<string, number>();
  const markers = lane.timeline.steps.map((step, stepIndex) => {
    const { event } = step;
    const repeat = seenOnDay.get(event.effective) ?? 0;
    seenOnDay.set(event.effective, repeat + 1);
    const informational = !isLifecycleEventType(event.type) || isInformational(event.type);
    const r = informational ? 3.5 : 6;
    const cx = round(x(event.effective) + repeat * 5);
    const classes = `marker ${informational ? "informational" : "lifecycle"}${event.precision === "month" ? " month" : ""}`;
    const aria = `${event.effective}${event.precision === "month" ? " (month only)" : ""} ${event.type}: ${event.data.description}`;
    // Informational markers sit on the bar's lower edge, so that they never cover the centre of
    // a status-changing marker a day or two away.
    const cy = top + BAR.y + (informational ? BAR.h : BAR.h / 2);
    const svg = `<circle class="${classes}" tabindex="0" role="button" aria-label="${escapeHtml(aria)}" data-event="${escapeHtml(event.id)}" data-date="${event.effective}" data-card="${cardId(index, stepIndex)}" cx="${cx}" cy="${cy}" r="${r}"/>`;
    return svg;
  });
  return `<g class="lane${simulated ? " simulated" : ""}" data-lane="${index}" data-stream="${escapeHtml(lane.stream)}" data-world="${lane.world}">
<rect class="lane-bg" x="0" y="${top}" width="${LANE_GEOMETRY.width}" height="${LANE_HEIGHT}"/>
<text class="lane-label" tabindex="0" role="button" data-lane="${index}" x="8" y="${top + 17}"><title>${escapeHtml(`${lane.companyName} on ${lane.program}${simulated ? " (simulated)" : ""}: show its states and events`)}</title>${escapeHtml(name)}</text>
<text class="lane-program" x="8" y="${top + 32}">${escapeHtml(label)}</text>
<line class="lane-start" x1="${plotLeft}" x2="${plotLeft}" y1="${top}" y2="${top + LANE_HEIGHT}"/>
${intervals.join("\n")}
${effects.join("\n")}
${markers.join("\n")}
</g>`;
}

function effectSvg(
  band: EffectBand,
  top: number,
  x: Scale,
  clip: (date: IsoDate | null) => number,
): string {
  const row = EFFECT_ROWS[band.kind] ?? 0;
  const x1 = x(band.from);
  const w = round(Math.max(1, clip(band.to) - x1));
  const color = EFFECT_COLORS[band.kind] ?? "#000";
  const fill = band.inForce ? color : "url(#suspended)";
  return `<rect class="effect" data-kind="${escapeHtml(band.kind)}" data-in-force="${band.inForce}" data-from="${band.from}" data-to="${band.to ?? ""}" x="${x1}" y="${top + 31 + row * 6}" width="${w}" height="5" fill="${fill}" stroke="${color}"><title>${escapeHtml(band.note)}</title></rect>`;
}
