/**
 * The report's time axis over any range the date flags accept (1900-01-01 to 9999-12-31) and any
 * date a log holds: the page is made without hanging, its axis has a bounded number of lines, and
 * it spans every date drawn, or exactly --from to --to when they are given (the page then draws
 * only what falls within them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedData } from "../report/support/embeddedData.js";
import { MAX_YEAR_LINES } from "../../src/report/swimlanes.js";
import { makeEvent, makeTempDir, removeDir, writeStream } from "../store/support/logFixtures.js";
import { runInProcess } from "./support/inProcess.js";
import { REPO_ROOT } from "./support/runCli.js";

const EVENTS = join(REPO_ROOT, "events");
let dir: string;
beforeAll(() => {
  dir = makeTempDir("designations-report-range-");
});
afterAll(() => {
  removeDir(dir);
});

/** What the page's axis says: its range, the SVG's span, and the years labelled on it. */
function axisOf(html: string) {
  const data = embeddedData(html);
  const svg = /<svg id="lanes"[^>]*data-start="([^"]+)" data-end="([^"]+)"/.exec(html);
  const axis = /<svg id="lane-axis".*?<\/svg>/s.exec(html)?.[0] ?? "";
  return {
    range: data.range,
    svg: [svg?.[1], svg?.[2]],
    years: [...axis.matchAll(/class="year-label"[^>]*>(\d{4})</g)].map((m) => Number(m[1])),
    labelXs: [...axis.matchAll(/class="year-label" x="([\d.]+)"/g)].map((m) => Number(m[1])),
    yearLines: [...axis.matchAll(/<line class="year"/g)].length,
    monthLines: [...axis.matchAll(/<line class="month"/g)].length,
  };
}

/** Year labels at least 30 of the SVG's units apart: four digits never run into the next. */
function expectReadable(xs: readonly number[]): void {
  expect(xs.length).toBeGreaterThan(1);
  for (let i = 1; i < xs.length; i += 1) {
    expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(30);
  }
}

function report(args: string[], events = EVENTS) {
  const out = join(dir, `${args.join("_").replaceAll(/[^\w.-]/g, "")}.html`);
  const run = runInProcess(["report", ...args, "--out", out], { events, today: "2026-11-30" });
  return { ...run, html: run.code === 0 ? readFileSync(out, "utf8") : "" };
}

describe("report: an axis to the year 9999", () => {
  it("xiaomi --to 9999-12-01 is made, its axis from before the case to 9999-12-01, with few lines", () => {
    const { code, out, err, html } = report(["xiaomi", "--to", "9999-12-01"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/: 2 streams, \d+ events, 2020-12-01 to 9999-12-01$/);
    const axis = axisOf(html);
    expect(axis.range).toEqual(["2020-12-01", "9999-12-01"]);
    expect(axis.svg).toEqual(["2020-12-01", "9999-12-01"]);
    // A line every 200 years, from 2200 to 9800, and a label on every other one: 2400 to 9600.
    expect(axis.yearLines).toBe(39);
    expect(axis.yearLines).toBeLessThanOrEqual(MAX_YEAR_LINES + 1);
    expect(axis.monthLines).toBe(0);
    expect(axis.years).toEqual(Array.from({ length: 19 }, (_, i) => 2400 + 400 * i));
    expectReadable(axis.labelXs);
  });

  it("the widest range the flags take, 1900-01-01 to 9999-12-31, is made too", () => {
    const { code, html } = report(["xiaomi", "--from", "1900-01-01", "--to", "9999-12-31"]);
    expect(code).toBe(0);
    const axis = axisOf(html);
    expect(axis.range).toEqual(["1900-01-01", "9999-12-31"]);
    // 8,099 years: more than 40 lines every 200 years, so a line every 500 years.
    expect(axis.years).toEqual(Array.from({ length: 16 }, (_, i) => 2000 + 500 * i));
    expectReadable(axis.labelXs);
    expect(axis.yearLines).toBeLessThanOrEqual(MAX_YEAR_LINES + 1);
  });

  it("an axis under four years keeps a line a month, and one of a few decades a line a year", () => {
    const months = axisOf(report(["xiaomi", "--from", "2021-01-01", "--to", "2022-12-31"]).html);
    expect(months.monthLines + months.yearLines).toBe(24);
    const years = axisOf(report(["xiaomi", "--from", "1990-01-01", "--to", "2029-12-31"]).html);
    expect(years.yearLines).toBe(40);
    // Forty labels would run into each other: every other year is labelled.
    expect(years.years).toEqual(Array.from({ length: 20 }, (_, i) => 1990 + 2 * i));
    expectReadable(years.labelXs);
    const decade = axisOf(report(["xiaomi", "--from", "2016-01-01", "--to", "2029-12-31"]).html);
    expect(decade.years).toEqual(Array.from({ length: 14 }, (_, i) => 2016 + i));
  });
});

describe("report: the axis spans every date drawn", () => {
  it("an event dated 9999-12-15 (and effects due after it) is on the axis, which ends on 9999-12-31", () => {
    const events = join(dir, "far-future");
    // On NS-CMIC, a listing starts a purchase ban 60 days later: for 9999-12-15, in the year 10000.
    writeStream(events, "ofac-ns-cmic", "acme", [
      makeEvent("acme/ofac-ns-cmic", 1, "Listed", "2021-12-16"),
      makeEvent("acme/ofac-ns-cmic", 2, "Delisted", "2022-06-01"),
      makeEvent("acme/ofac-ns-cmic", 3, "Listed", "9999-12-15"),
    ]);
    const { code, out, err, html } = report([], events);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/1 stream, 3 events, 2021-11-01 to 9999-12-31$/);
    const axis = axisOf(html);
    expect(axis.range).toEqual(["2021-11-01", "9999-12-31"]);
    expect(axis.svg).toEqual(["2021-11-01", "9999-12-31"]);
    const [lane] = embeddedData(html).lanes;
    const dates = lane?.[6].map((event) => event[0]) ?? [];
    expect(dates).toEqual(["2021-12-16", "2022-06-01", "9999-12-15"]);
    for (const date of dates) {
      expect(date >= (axis.range[0] as string) && date <= (axis.range[1] as string)).toBe(true);
    }
  });

  it("an event of 9999-12-15 with nothing due after it: the axis still ends on 9999-12-31", () => {
    const events = join(dir, "far-future-note");
    writeStream(events, "dod-1260h", "acme", [
      makeEvent("acme/dod-1260h", 1, "Listed", "2024-01-31"),
      makeEvent("acme/dod-1260h", 2, "Noted", "9999-12-15"),
    ]);
    const { code, html } = report([], events);
    expect(code).toBe(0);
    expect(axisOf(html).range).toEqual(["2024-01-01", "9999-12-31"]);
  });

  it("the cursor starts on the axis: today when on it, else its nearer end", () => {
    const before = embeddedData(report(["xiaomi", "--to", "2021-06-30"]).html);
    expect(before.cursor).toBe("2021-06-30");
    const after = embeddedData(report(["xiaomi", "--from", "2030-01-01"]).html);
    expect(after.range).toEqual(["2030-01-01", "2030-02-01"]);
    expect(after.cursor).toBe("2030-01-01");
  });

  it("--to alone before every date drawn gives the month before it, not an axis of its own", () => {
    const { code, html } = report(["xiaomi", "--to", "2020-06-01"]);
    expect(code).toBe(0);
    expect(embeddedData(html).range).toEqual(["2020-05-01", "2020-06-01"]);
  });
});

describe("report: flags that cannot both hold", () => {
  it.each([
    [["--from", "2021-03-01", "--at", "2021-02-01"], "--at 2021-02-01 is before --from 2021-03-01"],
    [["--to", "2021-03-01", "--at", "2021-04-01"], "--at 2021-04-01 is after --to 2021-03-01"],
  ])("%j is bad usage: exit 2, nothing written", (args, message) => {
    const out = join(dir, "never.html");
    const run = runInProcess(["report", "xiaomi", ...args, "--out", out], { events: EVENTS });
    expect(run.code).toBe(2);
    expect(run.err).toContain(`error: ${message}: the cursor would be off the axis`);
    expect(() => readFileSync(out)).toThrow();
  });
});
