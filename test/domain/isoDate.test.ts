import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInMonth, isIsoDate, isoDateProblem } from "../../src/domain/isoDate.js";

describe("isIsoDate", () => {
  it.each([
    ["2021-05-25", true],
    ["2021-01-01", true],
    ["2021-12-31", true],
    // leap years: every 4th, except centuries, except every 4th century
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2100-02-29", false],
    ["2023-02-28", true],
    // days that do not exist
    ["2021-02-30", false],
    ["2021-04-31", false],
    ["2021-06-31", false],
    ["2021-09-31", false],
    ["2021-11-31", false],
    ["2021-01-32", false],
    ["2021-01-00", false],
    ["2021-00-10", false],
    ["2021-13-01", false],
    // shapes that are not YYYY-MM-DD
    ["2021-1-5", false],
    ["20210105", false],
    ["2021-01-05T00:00", false],
    ["2021-01-05 ", false],
    [" 2021-01-05", false],
    ["2021/01/05", false],
    ["21-01-05", false],
    ["", false],
    ["２０２１-01-05", false],
    ["2021-0a-05", false],
    ["2021-01-0/", false],
  ] as const)("%j is %s", (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });

  it("agrees with the calendar read through a regular expression, on any text", () => {
    const reference = (text: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (match === null) return false;
      const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
      return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    };
    const dateLike = fc
      .tuple(
        fc.stringMatching(/^[0-9]{4}$/),
        fc.stringMatching(/^[0-9]{2}$/),
        fc.stringMatching(/^[0-9]{2}$/),
      )
      .map((parts) => parts.join("-"));
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDate(text)).toBe(reference(text));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("isoDateProblem", () => {
  it("is undefined for a valid date", () => {
    expect(isoDateProblem("2024-02-29")).toBeUndefined();
  });

  it.each(["2021-1-5", "20210105", "2021-01-05T00:00", "", "not a date"])(
    "says %j is not of the form YYYY-MM-DD",
    (text) => {
      expect(isoDateProblem(text)).toBe(`"${text}" is not a date of the form YYYY-MM-DD`);
    },
  );

  it.each(["2021-02-30", "2021-04-31", "2023-02-29", "1900-02-29", "2021-13-01", "2021-00-01"])(
    "says %j is not a real calendar date",
    (text) => {
      expect(isoDateProblem(text)).toBe(`"${text}" is not a real calendar date`);
    },
  );
});

describe("daysInMonth", () => {
  it.each([
    [2021, 1, 31],
    [2021, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2021, 3, 31],
    [2021, 4, 30],
    [2021, 5, 31],
    [2021, 6, 30],
    [2021, 7, 31],
    [2021, 8, 31],
    [2021, 9, 30],
    [2021, 10, 31],
    [2021, 11, 30],
    [2021, 12, 31],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
