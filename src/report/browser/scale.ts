/**
 * Dates on the report's time axis: days since 1970 (the slider's values) and the x of a date on
 * the plot, in the lanes' SVG units.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import type { LaneGeometry } from "../reportDataFormat.js";

const DAY = 86_400_000;

/**
 * The day number of a date, counted from 1970-01-01.
 *
 * @example
 * dayOf("1970-01-02"); // 1
 */
export function dayOf(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number);
  // setUTCFullYear, unlike Date.UTC, reads a year under 100 as that year, not as 19xx.
  const time = new Date(0);
  time.setUTCFullYear(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
  return time.getTime() / DAY;
}

/**
 * The date of a day number.
 *
 * @example
 * dateOf(1); // "1970-01-02"
 */
export function dateOf(day: number): IsoDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * A number to one decimal, as the SVG's coordinates are written.
 *
 * @example
 * round(290.04); // 290
 */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The time axis: its first and last days, and the x of a date on the plot. */
export interface PlotScale {
  readonly start: number;
  readonly end: number;
  /** The x of a date on the plot, in the SVG's units. */
  xOf(date: IsoDate): number;
  /** The x of a day number on the plot, in the SVG's units. */
  xOfDay(day: number): number;
  /** The day at an x on the plot, kept within the axis. */
  dayAt(x: number): number;
}

/**
 * The scale of an axis that spans `range` from the plot's left edge to its right.
 *
 * @example
 * plotScale(geometry, ["2020-12-01", "2021-07-04"]).xOf("2020-12-01"); // 290
 */
export function plotScale(geometry: LaneGeometry, range: readonly [IsoDate, IsoDate]): PlotScale {
  const start = dayOf(range[0]);
  const end = dayOf(range[1]);
  const width = geometry.plotRight - geometry.plotLeft;
  const xOfDay = (day: number) =>
    round(geometry.plotLeft + ((day - start) * width) / Math.max(1, end - start));
  return {
    start,
    end,
    xOf: (date) => xOfDay(dayOf(date)),
    xOfDay,
    dayAt: (x) => {
      const day = start + Math.round(((x - geometry.plotLeft) * (end - start)) / width);
      return Math.max(start, Math.min(end, day));
    },
  };
}

/**
 * True when `text` has the shape of a date, `YYYY-MM-DD`.
 *
 * @example
 * isDateShaped("2021-04-01"); // true
 */
export function isDateShaped(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}
