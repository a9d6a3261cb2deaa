/**
 * The report's axis in Chromium: it spans what the page draws. Given --from and --to, the page
 * draws only what falls within them (stretches cut at the axis's ends, events off it left out);
 * by default the axis grows to every date drawn, even one of 9999-12-15.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANE_GEOMETRY } from "../../src/report/swimlanes.js";
import { launchChromium } from "../../scripts/chromium.js";
import { staleReportScript } from "../../scripts/reportScriptBundle.js";
import { runInProcess } from "../cli/support/inProcess.js";
import { REPO_ROOT } from "../cli/support/runCli.js";
import { makeEvent, writeStream } from "../store/support/logFixtures.js";
import { settle } from "./support/reportPage.js";

const EVENTS = join(REPO_ROOT, "events");
let browser: Browser;
let dir: string;

beforeAll(async () => {
  expect(await staleReportScript()).toBeUndefined();
  dir = mkdtempSync(join(tmpdir(), "report-axis-"));
  mkdirSync(dir, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Makes a report with `args` and opens it; fails on any error of the page. */
async function open(name: string, args: string[], events = EVENTS): Promise<Page> {
  const out = join(dir, `${name}.html`);
  const made = runInProcess(["report", ...args, "--out", out], { events });
  expect(made.err).toBe("");
  expect(made.code).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`file://${out}`);
  await settle(page);
  expect(errors).toEqual([]);
  return page;
}

/** Every stretch (interval, enforceable strip, effect band) and marker drawn. */
async function drawn(page: Page) {
  return page.evaluate(() => ({
    stretches: [
      ...document.querySelectorAll(
        "#lane-rows .interval, #lane-rows .enforceable, #lane-rows .effect",
      ),
    ].map((rect) => ({
      x: Number(rect.getAttribute("x")),
      right: Number(rect.getAttribute("x")) + Number(rect.getAttribute("width")),
    })),
    markers: [...document.querySelectorAll("#lane-rows .marker")].map((circle) => ({
      date: circle.getAttribute("data-date") ?? "",
      cx: Number(circle.getAttribute("cx")),
    })),
  }));
}

describe("the axis in Chromium", () => {
  it("with --from and --to, draws only what falls within them, nothing over the labels", async () => {
    const page = await open("narrow", [
      "xiaomi",
      "--program",
      "dod-1237",
      "--from",
      "2021-03-01",
      "--to",
      "2021-04-30",
    ]);
    const { stretches, markers } = await drawn(page);
    const { plotLeft, plotRight } = LANE_GEOMETRY;
    expect(stretches.length).toBeGreaterThan(0);
    for (const stretch of stretches) {
      expect(stretch.x).toBeGreaterThanOrEqual(plotLeft);
      expect(stretch.right).toBeLessThanOrEqual(plotRight + 0.1);
    }
    // Xiaomi's 1237 case: the injunction of 2021-03-12 and the notes of 03-14 and 03-15 are on
    // the axis; the listing, the suit and the settlement are not.
    expect(markers.map((marker) => marker.date)).toEqual([
      "2021-03-09",
      "2021-03-12",
      "2021-03-14",
      "2021-03-15",
    ]);
    for (const marker of markers) {
      expect(marker.cx).toBeGreaterThanOrEqual(plotLeft);
      expect(marker.cx).toBeLessThanOrEqual(plotRight);
    }
    // The events table still lists the whole case.
    await page.locator('.lane-label[data-lane="0"]').click();
    expect(await page.locator("#lane-events tbody tr").count()).toBeGreaterThan(markers.length);
    await page.close();
  });

  it("grows to an event of 9999-12-15: its marker is at the axis's end, every stretch on the plot", async () => {
    const events = join(dir, "far-future");
    writeStream(events, "ofac-ns-cmic", "acme", [
      makeEvent("acme/ofac-ns-cmic", 1, "Listed", "2021-12-16"),
      makeEvent("acme/ofac-ns-cmic", 2, "Delisted", "2022-06-01"),
      makeEvent("acme/ofac-ns-cmic", 3, "Listed", "9999-12-15"),
    ]);
    const page = await open("far-future", [], events);
    const { stretches, markers } = await drawn(page);
    const { plotLeft, plotRight } = LANE_GEOMETRY;
    expect(markers.map((marker) => marker.date)).toEqual([
      "2021-12-16",
      "2022-06-01",
      "9999-12-15",
    ]);
    expect(markers[0]?.cx).toBeCloseTo(plotLeft, -1);
    expect(markers[2]?.cx).toBeGreaterThan(plotRight - 1);
    expect(markers[2]?.cx).toBeLessThanOrEqual(plotRight);
    for (const stretch of stretches) {
      expect(stretch.x).toBeGreaterThanOrEqual(plotLeft);
      expect(stretch.right).toBeLessThanOrEqual(plotRight + 0.1);
    }
    await page.close();
  });
});
