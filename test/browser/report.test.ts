import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEditionStream } from "../../src/domain/editionStream.js";
import { STATUS_COLORS } from "../../src/report/statusColors.js";
import { REPO_ROOT, runCli } from "../cli/support/runCli.js";
import { launchChromium } from "../../scripts/chromium.js";
import { staleReportScript } from "../../scripts/reportScriptBundle.js";
import { rowsWhileScrolling, settle, showLane } from "./support/reportPage.js";

// The generated report for the repository's own log, opened in Debian's Chromium. The page draws
// only the lanes in view: tests about one lane scroll to it first (showLane), tests about every
// lane scroll through them all (rowsWhileScrolling).
const OUTPUT = join(REPO_ROOT, "test-output");
const REPORT = join(OUTPUT, "report.html");
const EVENTS = join(REPO_ROOT, "events");

let browser: Browser;
let page: Page;

/** Every company stream of the repository's log, as `company/program`, from its files. */
function repositoryStreams(): string[] {
  return readdirSync(EVENTS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((program) =>
      readdirSync(join(EVENTS, program.name))
        .filter((name) => name.endsWith(".jsonl"))
        .map((name) => `${name.slice(0, -6)}/${program.name}`),
    )
    .filter((stream) => !isEditionStream(stream))
    .sort();
}

function cursorRow(stream: string, world = "actual") {
  return page.locator(`#cursor-table tbody tr[data-stream="${stream}"][data-world="${world}"]`);
}

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  // The page runs the bundle of src/report/browser: it must be of the sources as they are.
  expect(await staleReportScript()).toBeUndefined();
  const made = await runCli(["report", "--out", REPORT]);
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`file://${REPORT}`);
  expect(errors).toEqual([]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("the report of the repository's log, in Chromium", () => {
  it("has a lane for every stream of the log, and nothing else", async () => {
    const { rows } = await rowsWhileScrolling(page);
    const lanes = rows.filter((row) => row.kind === "lane").map((row) => row.id);
    expect(lanes).toEqual(repositoryStreams());
    const count = repositoryStreams().length;
    expect(await page.locator("#filter-count").textContent()).toBe(
      `${count} of ${count} streams shown`,
    );
  });

  it("colours every interval by its status, as the legend says", async () => {
    const { rows } = await rowsWhileScrolling(page);
    const fills = rows.flatMap((row) => row.intervals);
    expect(fills.length).toBeGreaterThan(repositoryStreams().length);
    for (const [status, fill] of fills) {
      expect(fill).toBe(rgb(STATUS_COLORS[status as keyof typeof STATUS_COLORS]));
    }
    const legend = await page
      .locator(".legend li")
      .evaluateAll((items) =>
        items.map((li) => [
          li.textContent,
          getComputedStyle(li.querySelector(".swatch") as Element).backgroundColor,
        ]),
      );
    expect(legend).toContainEqual(["enjoined", rgb(STATUS_COLORS.enjoined)]);
    expect(legend).toContainEqual(["vacated", rgb(STATUS_COLORS.vacated)]);
  });

  it("shows Xiaomi as enjoined when the date cursor is moved to 2021-04-01", async () => {
    await showLane(page, "xiaomi/dod-1237");
    await page.fill("#cursor-date", "2021-04-01");
    await expect.poll(() => page.locator("#cursor-heading").textContent()).toContain("2021-04-01");
    const row = cursorRow("xiaomi/dod-1237");
    expect(await row.locator("td.status").textContent()).toBe("enjoined");
    expect(await row.locator("td.enforceable").textContent()).toBe("no");
    const x = Number(await page.locator("#cursor-line").getAttribute("x1"));
    const marker = page.locator(
      '#lanes .lane[data-stream="xiaomi/dod-1237"] .marker[data-date="2021-03-12"]',
    );
    expect(x).toBeGreaterThan(Number(await marker.getAttribute("cx")));
  });

  it("draws Xiaomi's suspended purchase ban as a band under its lane, and lists it on the cursor's date", async () => {
    await showLane(page, "xiaomi/dod-1237");
    await page.fill("#cursor-date", "2021-04-01");
    const band = page.locator(
      '#lanes .lane[data-stream="xiaomi/dod-1237"] .effect[data-kind="purchase-ban"]',
    );
    expect(await band.count()).toBe(1);
    expect(await band.getAttribute("data-in-force")).toBe("false");
    expect(await band.locator("title").textContent()).toContain(
      "suspended by InjunctionGranted xiaomi-dod-1237-0006",
    );
    const box = await band.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(2);
    const cells = await cursorRow("xiaomi/dod-1237").locator("td").allTextContents();
    expect(cells.at(-1)).toBe("divestment-window (suspended), purchase-ban (suspended)");
  });

  it("moves the cursor a day with the arrow key on the slider", async () => {
    await page.fill("#cursor-date", "2021-03-11");
    await page.focus("#cursor-slider");
    await page.keyboard.press("ArrowRight");
    expect(await page.inputValue("#cursor-date")).toBe("2021-03-12");
    expect(await cursorRow("xiaomi/dod-1237").locator("td.status").textContent()).toBe("enjoined");
  });

  it("gives every stream the same answer as `list --at` on several dates", async () => {
    for (const at of ["2020-12-31", "2021-03-11", "2021-05-20", "2021-06-15", "2025-06-01"]) {
      const cli = await runCli(["list", "--at", at, "--json"]);
      const expected = (JSON.parse(cli.stdout) as { streams: CliStatus[] }).streams
        .map((s) => [
          `${s.company}/${s.program}`,
          s.status + (s.uncertain ? " ~" : ""),
          s.enforceable ? "yes" : "no",
          s.since ?? "-",
        ])
        .sort();
      await page.fill("#cursor-date", at);
      const shown = await page.locator("#cursor-table tbody tr").evaluateAll((rows) =>
        rows.map((row) => {
          const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
          return [(row as HTMLElement).dataset.stream, cells[2], cells[3], cells[4]];
        }),
      );
      expect(shown.sort(), `on ${at}`).toEqual(expected);
    }
  });

  it("shows the 2021-03-12 event of Xiaomi, with Judge Contreras and its sources, on hovering its marker", async () => {
    await showLane(page, "xiaomi/dod-1237");
    await page.fill("#cursor-date", "2021-04-01");
    const marker = page.locator(
      '#lanes .lane[data-stream="xiaomi/dod-1237"] .marker[data-date="2021-03-12"]',
    );
    await marker.hover();
    const tooltip = page.locator("#tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.textContent();
    expect(text).toContain("2021-03-12");
    expect(text).toContain("InjunctionGranted");
    expect(text).toContain("Rudolph Contreras");
    expect(text).toContain("1:21-cv-00280");
    const links = await tooltip
      .locator(".sources a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    await page.screenshot({ path: join(OUTPUT, "report.png"), fullPage: false });
  });

  it("shows an event's card on focusing its marker with the keyboard, and hides it on Escape", async () => {
    await page.mouse.move(0, 0);
    await showLane(page, "xiaomi/dod-1237");
    const marker = page.locator(
      '#lanes .lane[data-stream="xiaomi/dod-1237"] .marker[data-date="2021-05-25"]',
    );
    await marker.focus();
    await expect.poll(() => page.locator("#tooltip").textContent()).toContain("DesignationVacated");
    await page.keyboard.press("Enter");
    expect(await page.inputValue("#cursor-date")).toBe("2021-05-25");
    expect(await page.inputValue("#lane-select")).toBe(
      await page.locator('#lanes .lane[data-stream="xiaomi/dod-1237"]').getAttribute("data-lane"),
    );
    await page.keyboard.press("Escape");
    expect(await page.locator("#tooltip").isHidden()).toBe(true);
  });

  it("highlights in the lifecycle diagram the states Xiaomi passed through, and the one it is in", async () => {
    await page.fill("#cursor-date", "2021-04-01");
    await page.selectOption("#lane-select", "0");
    await showLane(page, "xiaomi/dod-1237");
    const lane = await page
      .locator('#lanes .lane[data-stream="xiaomi/dod-1237"]')
      .getAttribute("data-lane");
    expect(await page.inputValue("#lane-select")).toBe(lane);
    const visited = await page
      .locator(".lifecycle .state.visited")
      .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.state));
    expect(visited.sort()).toEqual(
      [
        "listing.unlisted",
        "listing.listed",
        "listing.removed",
        "listing.removed.vacated",
        "litigation.none",
        "litigation.pending",
        "litigation.enjoined",
        "litigation.settled",
        "litigation.settled.withInjunction",
        "litigation.closed",
        "litigation.closed.won",
      ].sort(),
    );
    const current = await page
      .locator(".lifecycle .state.current")
      .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.state));
    expect(current.sort()).toEqual(["listing.listed", "litigation.enjoined"]);
  });

  it("moves the cursor to the day clicked on the time axis", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator("#axis-hit").boundingBox();
    if (box === null) throw new Error("the axis is not drawn");
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    const end = await page.locator("#lanes").getAttribute("data-end");
    const date = await page.inputValue("#cursor-date");
    // 2 px from the end of an axis of about six years: within a few days of its last day.
    expect(date > "2026-11-01" && date <= (end as string)).toBe(true);
  });

  it("prints every lane and the events of every lane", async () => {
    const onScreen = await page.locator("#lanes .lane").count();
    await page.emulateMedia({ media: "print" });
    await expect
      .poll(() =>
        page
          .locator(".lane-events")
          .evaluateAll(
            (sections) => sections.filter((s) => getComputedStyle(s).display !== "none").length,
          ),
      )
      .toBe(repositoryStreams().length);
    const printed = await page
      .locator("#lanes .lane")
      .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.stream ?? ""));
    expect([...printed].sort()).toEqual(repositoryStreams());
    expect(await page.locator(".controls").isHidden()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    await settle(page);
    expect(await page.locator("#lanes .lane").count()).toBeLessThanOrEqual(Math.max(onScreen, 40));
  });
});

interface CliStatus {
  company: string;
  program: string;
  status: string;
  enforceable: boolean;
  since: string | null;
  uncertain?: boolean;
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
