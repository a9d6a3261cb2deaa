import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastStartOnOrBefore, packedDate, packedStarts } from "../../src/query/intervalSearch.js";

/** The date `offset` days after 2020-01-01, by UTC arithmetic. */
function dateOf(offset: number): string {
  return new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);
}

describe("packedDate", () => {
  it("packs a date into YYYYMMDD, in the same order as the dates", () => {
    expect(packedDate("2021-04-01")).toBe(20210401);
    expect(packedDate("1999-12-31")).toBeLessThan(packedDate("2000-01-01"));
  });
});

describe("lastStartOnOrBefore", () => {
  const starts = packedStarts([
    { from: "2021-01-14" },
    { from: "2021-01-29" },
    { from: "2021-03-12" },
  ]);

  it("finds the last start on or before a day, the whole day counting", () => {
    expect(lastStartOnOrBefore(starts, packedDate("2021-01-13"))).toBe(-1);
    expect(lastStartOnOrBefore(starts, packedDate("2021-01-14"))).toBe(0);
    expect(lastStartOnOrBefore(starts, packedDate("2021-01-28"))).toBe(0);
    expect(lastStartOnOrBefore(starts, packedDate("2021-01-29"))).toBe(1);
    expect(lastStartOnOrBefore(starts, packedDate("2026-11-23"))).toBe(2);
    expect(lastStartOnOrBefore([], packedDate("2021-01-14"))).toBe(-1);
  });

  it("answers as a linear scan over sorted start dates does, with ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 3000 }), { maxLength: 40 }),
        fc.nat({ max: 3100 }),
        (offsets, day) => {
          const from = [...offsets].sort((a, b) => a - b).map(dateOf);
          const date = dateOf(day);
          let linear = -1;
          for (let i = 0; i < from.length && (from[i] as string) <= date; i += 1) linear = i;
          const starts = packedStarts(from.map((start) => ({ from: start })));
          expect(lastStartOnOrBefore(starts, packedDate(date))).toBe(linear);
        },
      ),
    );
  });
});
