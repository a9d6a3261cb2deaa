import type { Company } from "../domain/companySchema.js";
import { addDays, daysBetween, type IsoDate } from "../domain/isoDate.js";
import type { Timeline } from "../domain/timeline.js";

/** An effect of a program rule, as a thin band under a lane. */
export interface EffectBand {
  kind: string;
  from: IsoDate;
  to: IsoDate | null;
  inForce: boolean;
  /** What the band says when pointed at: the effect, its dates, and why it is suspended. */
  note: string;
  /**
   * The rule and its citation, shown after the note. Many bands share one rule, so the page
   * stores each rule's text once.
   */
  rule?: string;
}

/** One lane of the report: a stream in the actual world, or in a simulated one. */
export interface ReportLane {
  stream: string;
  company: string;
  /** The company's name from the registry, or its id. */
  companyName: string;
  program: string;
  world: "actual" | "simulated";
  /** With its steps: the events drawn as markers and the states the stream passed through. */
  timeline: Timeline;
  effects: EffectBand[];
}

/** Everything the report draws. */
export interface Report {
  title: string;
  /** A line under the title: the view of the log, or the scenario of a simulation. */
  subtitle: string;
  /** The day the report was made. */
  generated: IsoDate;
  /** Where the date cursor starts. */
  cursor: IsoDate;
  /** The dates the time axis spans. */
  range: { from: IsoDate; to: IsoDate };
  lanes: ReportLane[];
  /**
   * The company registry: the page's filter finds a company by its aliases too, and groups a
   * subsidiary's lanes under its `parent`. Without it, lanes are found by name and id only.
   */
  companies?: readonly Company[];
}

/**
 * The first and last days a report's axis can span: the dates a log can write (`YYYY-MM-DD`, a
 * four-digit year). A date past them (an effect due 60 days after an event of 9999-12-15) is drawn
 * at the axis's end.
 */
export const AXIS_FIRST_DAY: IsoDate = "0000-01-01";
export const AXIS_LAST_DAY: IsoDate = "9999-12-31";

/**
 * The dates an axis should span to show every event, interval start and effect of the lanes,
 * and `alsoShow` (the cursor): from the 1st of the month before the earliest to a month past the
 * latest, within `AXIS_FIRST_DAY`..`AXIS_LAST_DAY`. With `optional`, `alsoShow` is left out when
 * it would more than double the span (today, for a case that ended years ago). Explicit `from` and
 * `to` win: the axis is then theirs, and the page draws only what falls within it. With only one
 * of them, the other is chosen around what is drawn, or a month from the given one when nothing
 * drawn falls on its side.
 *
 * @example
 * reportRange(lanes, ["2021-04-01"]); // { from: "2020-12-01", to: "2021-06-25" } for Xiaomi
 */
export function reportRange(
  lanes: readonly ReportLane[],
  alsoShow: readonly IsoDate[],
  explicit: { from?: IsoDate; to?: IsoDate } = {},
  optional = false,
): { from: IsoDate; to: IsoDate } {
  const bounds = new DateBounds();
  for (const lane of lanes) bounds.addLane(lane);
  return bounds.range(alsoShow, explicit, optional);
}

/**
 * The earliest and latest date a report draws, gathered lane by lane (so that a report built one
 * stream at a time need not keep every lane's events), and the axis range they call for.
 *
 * @example
 * const bounds = new DateBounds();
 * bounds.addLane(lane);
 * bounds.range(["2021-04-01"]); // { from: "2020-12-01", to: "2021-06-25" } for Xiaomi
 */
export class DateBounds {
  first: IsoDate | undefined;
  last: IsoDate | undefined;

  /** The lane's events, interval starts and effect bands. */
  addLane(lane: ReportLane): void {
    for (const step of lane.timeline.steps) this.add(step.event.effective);
    for (const interval of lane.timeline.intervals) this.add(interval.from);
    for (const band of lane.effects) {
      this.add(band.from);
      if (band.to !== null) this.add(band.to);
    }
  }

  /** A date drawn; one past the dates an axis can span counts as the axis's first or last day. */
  add(date: IsoDate): void {
    const day = onAxis(date);
    if (this.first === undefined || day < this.first) this.first = day;
    if (this.last === undefined || day > this.last) this.last = day;
  }

  /** See `reportRange`. */
  range(
    alsoShow: readonly IsoDate[],
    explicit: { from?: IsoDate; to?: IsoDate } = {},
    optional = false,
  ): { from: IsoDate; to: IsoDate } {
    const dates = this.first === undefined ? [] : [this.first, this.last as IsoDate];
    return axisRange(dates, alsoShow.map(onAxis), explicit, optional);
  }
}

/**
 * A date as the axis can show it: `YYYY-MM-DD` with a four-digit year. Date arithmetic past
 * 9999-12-31 writes a longer year ("10000-02-13"), which sorts before "2021" as text: such a date
 * is the axis's last day, and one before year 0 its first.
 */
function onAxis(date: IsoDate): IsoDate {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return /^\d{5,}-/.test(date) ? AXIS_LAST_DAY : AXIS_FIRST_DAY;
}

/** `days` after `date` (before it when negative), kept within the axis's first and last days. */
function shifted(date: IsoDate, days: number): IsoDate {
  if (days > 0 && daysBetween(date, AXIS_LAST_DAY) <= days) return AXIS_LAST_DAY;
  if (days < 0 && daysBetween(AXIS_FIRST_DAY, date) <= -days) return AXIS_FIRST_DAY;
  return addDays(date, days);
}

/** The 1st of the month a little (20 days) before `date`. */
function monthBefore(date: IsoDate): IsoDate {
  const day = shifted(date, -20);
  return day === AXIS_FIRST_DAY ? day : `${day.slice(0, 7)}-01`;
}

function axisRange(
  dates: readonly IsoDate[],
  alsoShow: readonly IsoDate[],
  explicit: { from?: IsoDate; to?: IsoDate },
  optional: boolean,
): { from: IsoDate; to: IsoDate } {
  const span = (list: readonly IsoDate[]) =>
    list.length === 0 ? 0 : daysBetween(list[0] as IsoDate, list[list.length - 1] as IsoDate);
  const withExtra = [...dates, ...alsoShow].sort();
  const shown =
    optional && dates.length > 0 && span(withExtra) > 2 * span(dates) ? dates : withExtra;
  const first = shown[0] ?? "2021-01-01";
  const last = shown[shown.length - 1] ?? first;
  let from = explicit.from ?? monthBefore(first);
  let to = explicit.to ?? shifted(last, 31);
  if (to <= from) {
    // One end was given, and nothing drawn falls on the other side of it: a month's axis.
    if (explicit.to === undefined) to = shifted(from, 31);
    if (explicit.from === undefined || to <= from) from = monthBefore(shifted(to, -11));
  }
  return { from, to };
}
