/**
 * One row of the swimlanes, drawn at the top of its own group, which the view then moves into
 * place: a lane, with its `[from, to)` intervals coloured by status, a dark strip under the
 * enforceable ones, thin bands for the effects of program rules, and a focusable marker per
 * event (informational ones smaller, those dated only to the month with a dashed rim); or the
 * heading of a group of lanes by parent. Subsidiaries' labels are indented by their depth under
 * the group's head.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import { svgEl } from "./dom.js";
import type { Group, Lane } from "./laneData.js";
import { dayOf, round } from "./scale.js";
import { laneAt, type PageState } from "./state.js";

const BAR = { y: 6, h: 16 };
const INDENT = 14;

/**
 * The row of a lane, `depth` levels under its group's head.
 *
 * @example
 * rowsLayer.appendChild(drawLane(state, lane, 0));
 */
export function drawLane(state: PageState, lane: Lane, depth: number): SVGGElement {
  const { data, scale } = state;
  const geometry = data.geometry;
  // The axis spans what is drawn: a stretch or an event off it (an axis narrowed by --from or
  // --to) is cut at its ends or left out. Dates compare as day numbers: a year past 9999 sorts
  // before "2021" as text.
  const onAxis = (day: number) => day >= scale.start && day <= scale.end;
  const stretch = (from: IsoDate, to: IsoDate | null) => {
    const start = dayOf(from);
    const end = to === null ? scale.end : dayOf(to);
    // [from, to): one that ends on the axis's first day holds no day of it.
    if (start > scale.end || end < scale.start || (end === scale.start && start < end)) {
      return undefined;
    }
    const left = scale.xOfDay(Math.max(start, scale.start));
    // At least 1 unit wide (a stretch of a day on a long axis), and never past the plot's end.
    const width = round(Math.max(1, scale.xOfDay(Math.min(end, scale.end)) - left));
    return { x: round(Math.min(left, geometry.plotRight - width)), width };
  };
  const classes = ["lane"];
  if (lane.simulated) classes.push("simulated");
  if (depth > 0) classes.push("subsidiary");
  if (lane.index === state.selected) classes.push("selected");
  const g = svgEl("g", {
    class: classes.join(" "),
    "data-lane": lane.index,
    "data-stream": lane.stream,
    "data-world": lane.simulated ? "simulated" : "actual",
  });
  svgEl(
    "rect",
    { class: "lane-bg", x: 0, y: 0, width: geometry.width, height: geometry.laneHeight },
    g,
  );
  const indent = INDENT * Math.min(depth, 3);
  if (depth > 0) svgEl("path", { class: "lane-branch", d: `M${indent - 3},0v13h6` }, g);
  const room = 34 - Math.round(indent / 7);
  const name = lane.name.length > room ? `${lane.name.slice(0, room - 1)}…` : lane.name;
  const label = svgEl(
    "text",
    {
      class: "lane-label",
      tabindex: 0,
      role: "button",
      "data-lane": lane.index,
      x: 8 + indent,
      y: 17,
    },
    g,
  );
  const world = lane.simulated ? " (simulated)" : "";
  titled(label, `${lane.name} on ${lane.program}${world}: show its states and events`);
  label.appendChild(document.createTextNode(name));
  svgEl("text", { class: "lane-program", x: 8 + indent, y: 32 }, g).textContent =
    (lane.simulated ? "simulated · " : "") + lane.program;

  for (const interval of lane.intervals) {
    const drawn = stretch(interval.from, interval.to);
    if (drawn === undefined) continue;
    const { x, width } = drawn;
    const until = interval.to === null ? "on" : `to ${interval.to}`;
    const enforceable = interval.enforceable ? "enforceable" : "not enforceable";
    const attributes = {
      class: "interval",
      "data-status": interval.status,
      "data-from": interval.from,
      "data-to": interval.to ?? "",
      x,
      y: BAR.y,
      width,
      height: BAR.h,
      fill: data.statusColors[interval.status],
    };
    titled(
      svgEl("rect", attributes, g),
      `${interval.status} from ${interval.from} ${until}, ${enforceable}`,
    );
    if (interval.enforceable) {
      titled(svgEl("rect", { class: "enforceable", x, y: 23, width, height: 4 }, g), "enforceable");
    }
  }
  for (const band of lane.effects) {
    const drawn = stretch(band.from, band.to);
    if (drawn === undefined) continue;
    const { x, width } = drawn;
    const color = data.effectColors[band.kind] ?? "#000";
    const attributes = {
      class: "effect",
      "data-kind": band.kind,
      "data-in-force": String(band.inForce),
      "data-from": band.from,
      "data-to": band.to ?? "",
      x,
      y: 31 + (data.effectRows[band.kind] ?? 0) * 6,
      width,
      height: 5,
      fill: band.inForce ? color : "url(#suspended)",
      stroke: color,
    };
    titled(svgEl("rect", attributes, g), band.note);
  }
  const onDay = new Map<IsoDate, number>();
  lane.events.forEach((event, step) => {
    if (!onAxis(dayOf(event.date))) return;
    const repeat = onDay.get(event.date) ?? 0;
    onDay.set(event.date, repeat + 1);
    const month = event.month ? " (month only)" : "";
    // Informational markers sit on the bar's lower edge, so that they never cover the centre
    // of a status-changing marker a day or two away.
    svgEl(
      "circle",
      {
        class: `marker ${event.informational ? "informational" : "lifecycle"}${event.month ? " month" : ""}`,
        tabindex: 0,
        role: "button",
        "aria-label": `${event.date}${month} ${event.type}: ${event.description}`,
        "data-event": event.id,
        "data-date": event.date,
        "data-step": step,
        cx: round(scale.xOf(event.date) + repeat * 5),
        cy: BAR.y + (event.informational ? BAR.h : BAR.h / 2),
        r: event.informational ? 3.5 : 6,
      },
      g,
    );
  });
  return g;
}

/**
 * The heading row of a group of lanes: its head company, and how many companies it has below.
 *
 * @example
 * rowsLayer.appendChild(drawHeading(state, group));
 */
export function drawHeading(state: PageState, group: Group): SVGGElement {
  const geometry = state.data.geometry;
  const [headId, headName] = group.head;
  const g = svgEl("g", {
    class: "group-heading",
    "data-group": group.index,
    "data-company": headId,
  });
  svgEl(
    "rect",
    { class: "heading-bg", x: 0, y: 0, width: geometry.width, height: geometry.headingHeight },
    g,
  );
  const text = svgEl("text", { class: "group-name", x: 8, y: 17 }, g);
  text.textContent = headName;
  const companies = new Set(group.lanes.map((index) => laneAt(state, index).company));
  const listed = companies.has(headId);
  const count = companies.size - (listed ? 1 : 0);
  const note = svgEl("tspan", { class: "group-note", dx: 10 }, text);
  note.textContent =
    `· parent${listed ? "" : " (no stream in this report)"} of ${count}` +
    `${count === 1 ? " company" : " companies"} below`;
  return g;
}

function titled<T extends SVGElement>(node: T, text: string): T {
  svgEl("title", {}, node).textContent = text;
  return node;
}
