import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, isIsoDate, lastDayOfMonth } from "../../src/domain/isoDate.js";

const DAY_MS = 86_400_000;

/** Milliseconds of UTC midnight of a proleptic Gregorian date, for any year 1..9999. */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0..99 as 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The oracle: calendar days between two YYYY-MM-DD dates, by JS Date in UTC. */
function oracleDays(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return Math.round((utc(y2, m2, d2) - utc(y1, m1, d1)) / DAY_MS);
}

function isoOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

const FIRST_DAY = utc(1, 1, 1) / DAY_MS;
const LAST_DAY = utc(9999, 12, 31) / DAY_MS;

/** A day number (days since 1970-01-01) in years 0001 to 9999. */
const dayNumber = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
/** A YYYY-MM-DD date in years 0001 to 9999. */
const isoDate = dayNumber.map(isoOfDay);
/** A date of the years around which leap-year rules bite, often near the end of February. */
const leapishDate = fc
  .record({
    year: fc.constantFrom(1600, 1700, 1900, 1999, 2000, 2001, 2020, 2021, 2023, 2024, 2100, 2400),
    offset: fc.integer({ min: -40, max: 40 }),
  })
  .map(({ year, offset }) => isoOfDay(utc(year, 3, 1) / DAY_MS + offset));

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

describe("daysBetween", () => {
  it.each([
    ["2021-01-14", "2021-03-15", 60],
    ["2021-01-14", "2021-01-29", 15],
    ["2021-01-29", "2021-05-25", 116],
    ["2024-01-31", "2024-08-14", 196],
    ["2024-01-31", "2025-01-06", 341],
    ["2021-05-25", "2021-05-25", 0],
    ["2021-05-26", "2021-05-25", -1],
    ["2021-03-15", "2021-01-14", -60],
    ["1970-01-01", "1970-01-02", 1],
    ["1969-12-31", "1970-01-01", 1],
    ["2023-02-28", "2023-03-01", 1],
    ["2024-02-28", "2024-03-01", 2],
    ["1900-02-28", "1900-03-01", 1],
    ["2000-02-28", "2000-03-01", 2],
    ["2024-01-01", "2025-01-01", 366],
    ["2023-01-01", "2024-01-01", 365],
    ["2000-01-01", "2400-01-01", 146_097],
  ])("from %s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("agrees with Date.UTC on random dates (either order, so spans are often negative)", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (from, to) => {
        expect(daysBetween(from, to)).toBe(oracleDays(from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with Date.UTC on dates around leap days", () => {
    fc.assert(
      fc.property(leapishDate, leapishDate, (from, to) => {
        expect(daysBetween(from, to)).toBe(oracleDays(from, to));
      }),
      { numRuns: 1000 },
    );
  });

  it("counts the difference of the day numbers the dates were made from", () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, (a, b) => {
        expect(daysBetween(isoOfDay(a), isoOfDay(b))).toBe(b - a);
      }),
    );
  });

  it("is antisymmetric and adds up along a chain of dates", () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, c) => {
        // 0 - 0 is +0 while -(0) is -0: compare as numbers, not with Object.is.
        expect(daysBetween(b, a) === -daysBetween(a, b)).toBe(true);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });

  it("gives each year 365 days, or 366 in a leap year (every 4th, not centuries, but every 400th)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9998 }), (year) => {
        const y = String(year).padStart(4, "0");
        const next = String(year + 1).padStart(4, "0");
        expect(daysBetween(`${y}-01-01`, `${next}-01-01`)).toBe(isLeap(year) ? 366 : 365);
        expect(daysBetween(`${y}-02-28`, `${y}-03-01`)).toBe(isLeap(year) ? 2 : 1);
      }),
    );
  });
});

describe("lastDayOfMonth", () => {
  it.each([
    ["2021-06-01", "2021-06-30"],
    ["2021-06-30", "2021-06-30"],
    ["2021-01-14", "2021-01-31"],
    ["2021-04-15", "2021-04-30"],
    ["2021-09-01", "2021-09-30"],
    ["2021-11-01", "2021-11-30"],
    ["2021-12-31", "2021-12-31"],
    ["2021-02-01", "2021-02-28"],
    ["2024-02-01", "2024-02-29"],
    ["2024-02-29", "2024-02-29"],
    ["1900-02-10", "1900-02-28"],
    ["2000-02-10", "2000-02-29"],
    ["2100-02-10", "2100-02-28"],
  ])("of %s is %s", (date, last) => {
    expect(lastDayOfMonth(date)).toBe(last);
  });

  it("is a real date in the same month, the day before the next month's 1st (by Date.UTC)", () => {
    fc.assert(
      fc.property(fc.oneof(isoDate, leapishDate), (date) => {
        const last = lastDayOfMonth(date);
        expect(isIsoDate(last)).toBe(true);
        expect(last.slice(0, 7)).toBe(date.slice(0, 7));
        expect(last >= date).toBe(true);
        const [year, month] = date.split("-").map(Number) as [number, number];
        // Day 0 of the next month is the last day of this one.
        expect(last).toBe(isoOfDay(utc(year, month + 1, 0) / DAY_MS));
      }),
      { numRuns: 1000 },
    );
  });
});
