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
 * The dates an axis should span to show every event, interval start and effect of the lanes,
 * and `alsoShow` (the cursor): from the 1st of the month before the earliest to a month past the
 * latest. Explicit `from`/`to` win. With `optional`, `alsoShow` is left out when it would more
 * than double the span (today, for a case that ended years ago).
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

  add(date: IsoDate): void {
    if (this.first === undefined || date < this.first) this.first = date;
    if (this.last === undefined || date > this.last) this.last = date;
  }

  /** See `reportRange`. */
  range(
    alsoShow: readonly IsoDate[],
    explicit: { from?: IsoDate; to?: IsoDate } = {},
    optional = false,
  ): { from: IsoDate; to: IsoDate } {
    const dates = this.first === undefined ? [] : [this.first, this.last as IsoDate];
    return axisRange(dates, alsoShow, explicit, optional);
  }
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
  const from = explicit.from ?? `${addDays(first, -20).slice(0, 7)}-01`;
  const to = explicit.to ?? addDays(last, 31);
  return { from, to: to > from ? to : addDays(from, 31) };
}
