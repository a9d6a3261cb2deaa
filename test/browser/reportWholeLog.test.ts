import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { launchChromium } from "../../scripts/chromium.js";
import { staleReportScript } from "../../scripts/reportScriptBundle.js";
import { REPO_ROOT, runCli } from "../cli/support/runCli.js";
import {
  type DrawnRow,
  drawnRows,
  rowsWhileScrolling,
  settle,
  showLane,
} from "./support/reportPage.js";
import { type WholeLog, writeWholeLog } from "./support/wholeLog.js";

// The report of a log the size the repository's is growing to (some 450 streams of 300
// companies, subsidiaries naming their parents), opened in Debian's Chromium: it draws only the
// lanes in view, and its filters and grouping pick and order the lanes as the data says.
const OUTPUT = join(REPO_ROOT, "test-output");
const AT = "2021-06-15";
/** Far below the number of streams: about as many lane rows as fit in the window, and a few. */
const MOST_LANES_IN_THE_DOM = 60;

let dir: string;
let report: string;
let log: WholeLog;
let browser: Browser;
let page: Page;
const errors: string[] = [];
let opening: { domContentLoaded: number; lanesDrawn: number } | undefined;

beforeAll(async () => {
  // The page runs the bundle of src/report/browser: it must be of the sources as they are.
  expect(await staleReportScript()).toBeUndefined();
  dir = mkdtempSync(join(tmpdir(), "designations-whole-log-"));
  const events = join(dir, "events");
  mkdirSync(events);
  log = writeWholeLog(events);
  report = join(dir, "report.html");
  const made = await runCli(["report", "--events", events, "--out", report, "--at", AT]);
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`file://${report}`);
  opening = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const drawn = performance.getEntriesByName("report-lanes-drawn")[0];
    return {
      domContentLoaded: navigation.domContentLoadedEventEnd,
      lanesDrawn: drawn?.startTime ?? Number.NaN,
    };
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const registry = () => new Map(log.companies.map((company) => [company.id, company]));
const companyOf = (stream: string) => stream.split("/")[0] as string;
const programOf = (stream: string) => stream.split("/")[1] as string;

/** The streams whose company's id, name or aliases contain `query`, ignoring case. */
function streamsNamed(query: string): string[] {
  const companies = registry();
  const q = query.toLowerCase();
  return log.streams.filter((stream) => {
    const company = companies.get(companyOf(stream)) as Company;
    return [company.id, company.name, ...company.aliases].some((text) =>
      text.toLowerCase().includes(q),
    );
  });
}

/** Each stream's status on `at`, from the CLI. */
async function statusesOn(at: string): Promise<Map<string, string>> {
  const cli = await runCli(["list", "--at", at, "--json", "--events", join(dir, "events")]);
  const { streams } = JSON.parse(cli.stdout) as {
    streams: { company: string; program: string; status: string }[];
  };
  return new Map(streams.map((s) => [`${s.company}/${s.program}`, s.status]));
}

async function tableStreams(): Promise<string[]> {
  return page
    .locator("#cursor-table tbody tr")
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.stream ?? ""));
}

async function lanesDrawn(): Promise<number> {
  return page.locator("#lanes .lane").count();
}

async function setFilters(filters: {
  text?: string;
  program?: string;
  status?: string;
  grouped?: boolean;
}): Promise<void> {
  await page.fill("#filter-text", filters.text ?? "");
  await page.selectOption("#filter-program", filters.program ?? "");
  await page.selectOption("#filter-status", filters.status ?? "");
  await page.setChecked("#group-parent", filters.grouped ?? false);
  await settle(page);
}

/** The streams of the lanes shown, found by scrolling through them, in the page's order. */
async function shownLanes(): Promise<{ lanes: string[]; rows: DrawnRow[]; most: number }> {
  const { rows, mostLanesAtOnce } = await rowsWhileScrolling(page);
  const lanes = rows.filter((row) => row.kind === "lane").map((row) => row.id);
  return { lanes, rows, most: mostLanesAtOnce };
}

describe("the report of a log of 450 streams, in Chromium", () => {
  it("is one page of about a kilobyte a stream, and opens without errors", () => {
    expect(log.streams.length).toBeGreaterThanOrEqual(400);
    const bytes = statSync(report).size;
    console.info(
      `report of ${log.streams.length} streams, ${log.events} events: ${(bytes / 1024).toFixed(0)} KiB; ` +
        `lanes drawn ${opening?.lanesDrawn.toFixed(0)} ms, DOMContentLoaded done ${opening?.domContentLoaded.toFixed(0)} ms after navigation`,
    );
    expect(bytes).toBeLessThan(log.streams.length * 1024);
    expect(errors).toEqual([]);
    expect(opening?.lanesDrawn).toBeGreaterThan(0);
  });

  it("holds only the lanes in view, far fewer than the streams, and the last one once scrolled to the bottom", async () => {
    const initially = await lanesDrawn();
    expect(initially).toBeGreaterThan(5);
    expect(initially).toBeLessThanOrEqual(MOST_LANES_IN_THE_DOM);
    expect(await page.locator("#filter-count").textContent()).toBe(
      `${log.streams.length} of ${log.streams.length} streams shown`,
    );
    await page.evaluate(() => {
      const box = document.getElementById("lane-scroller") as HTMLElement;
      box.scrollTop = box.scrollHeight;
    });
    await settle(page);
    const last = page.locator(`#lanes .lane[data-stream="${log.streams.at(-1)}"]`);
    expect(await last.count()).toBe(1);
    const box = await last.boundingBox();
    const frame = await page.locator("#lane-scroller").boundingBox();
    if (box === null || frame === null) throw new Error("the last lane is not drawn");
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
    expect(box.y).toBeGreaterThan(frame.y);
    expect(await lanesDrawn()).toBeLessThanOrEqual(MOST_LANES_IN_THE_DOM);
  });

  it("draws every stream's lane, in order, while never holding more than a screenful and a few", async () => {
    const { lanes, most } = await shownLanes();
    expect(lanes).toEqual(log.streams);
    expect(most).toBeLessThanOrEqual(MOST_LANES_IN_THE_DOM);
    expect(await tableStreams()).toEqual(log.streams);
  });

  it("lets Tab walk on from marker to marker past the lanes first drawn", async () => {
    await page.evaluate(() => {
      (document.getElementById("lane-scroller") as HTMLElement).scrollTop = 0;
    });
    await settle(page);
    const firstDrawn = await drawnRows(page);
    await page.locator("#lanes .lane-label").first().focus();
    const visited = new Set<string>();
    for (let step = 0; step < 120; step += 1) {
      await page.keyboard.press("Tab");
      await settle(page);
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest("#lanes .lane")?.getAttribute("data-stream") ?? null;
      });
      expect(focused, `after ${step + 1} Tabs`).not.toBeNull();
      visited.add(focused as string);
    }
    // Each lane has a label and a marker or more: 120 Tabs go well past the first lanes drawn.
    expect(visited.size).toBeGreaterThan(firstDrawn.length);
    expect([...visited]).toEqual(log.streams.slice(0, visited.size));
    expect(await lanesDrawn()).toBeLessThanOrEqual(MOST_LANES_IN_THE_DOM);
    await page.keyboard.press("Escape");
  });

  it("narrows to the companies whose name, alias or id contains the text, whatever its case", async () => {
    for (const query of ["AeroSpace", "shenzhen-sat", "machinery g"]) {
      const expected = streamsNamed(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(log.streams.length / 3);
      await setFilters({ text: query });
      expect(await page.locator("#filter-count").textContent()).toBe(
        `${expected.length} of ${log.streams.length} streams shown`,
      );
      expect((await shownLanes()).lanes, query).toEqual(expected);
      expect(await tableStreams(), query).toEqual(expected);
    }
    // An alias that is in no name or id: the company is found by it alone.
    const aliased = log.companies.find(
      (c) =>
        c.aliases.some((a) => /-\d+$/.test(a)) && log.streams.some((s) => companyOf(s) === c.id),
    );
    const alias = aliased?.aliases.find((a) => /-\d+$/.test(a)) as string;
    await setFilters({ text: alias.toUpperCase() });
    expect(await tableStreams()).toEqual(streamsNamed(alias));
    expect(streamsNamed(alias).every((s) => companyOf(s) === aliased?.id)).toBe(true);
    await setFilters({ text: "no such company" });
    expect(await lanesDrawn()).toBe(0);
    expect(await page.locator("#no-lanes").isVisible()).toBe(true);
    expect(await page.locator("#filter-count").textContent()).toBe(
      `0 of ${log.streams.length} streams shown`,
    );
  });

  it("keeps the streams of one list, and of one status on the cursor's date", async () => {
    const statuses = await statusesOn(AT);
    expect(await page.inputValue("#cursor-date")).toBe(AT);

    await setFilters({ program: "dod-1237" });
    const onList = log.streams.filter((s) => programOf(s) === "dod-1237");
    expect((await shownLanes()).lanes).toEqual(onList);
    expect(await tableStreams()).toEqual(onList);

    for (const status of ["listed", "delisted", "vacated", "challenged", "unlisted"]) {
      await setFilters({ status });
      const expected = log.streams.filter((s) => statuses.get(s) === status);
      expect(expected.length, status).toBeGreaterThan(0);
      expect(await page.locator("#filter-count").textContent(), status).toBe(
        `${expected.length} of ${log.streams.length} streams shown`,
      );
      expect(await tableStreams(), status).toEqual(expected);
      expect((await shownLanes()).lanes, status).toEqual(expected);
    }

    await setFilters({ program: "ofac-ns-ccmc", status: "delisted" });
    const both = log.streams.filter(
      (s) => programOf(s) === "ofac-ns-ccmc" && statuses.get(s) === "delisted",
    );
    expect(both.length).toBeGreaterThan(0);
    expect(await tableStreams()).toEqual(both);
  });

  it("applies the status filter on the cursor's new date when the cursor moves", async () => {
    await setFilters({ status: "listed" });
    const later = "2025-06-01";
    await page.fill("#cursor-date", later);
    await settle(page);
    const statuses = await statusesOn(later);
    const expected = log.streams.filter((s) => statuses.get(s) === "listed");
    expect(await tableStreams()).toEqual(expected);
    expect(await page.locator("#filter-status-date").textContent()).toBe(later);
    await page.fill("#cursor-date", AT);
    await setFilters({});
  });

  it("groups by parent: a subsidiary's lanes right under its parent's, indented, the group headed by its top company's name", async () => {
    const companies = registry();
    const headOf = (id: string): string => {
      const parent = companies.get(id)?.parent;
      return parent === undefined ? id : headOf(parent);
    };
    await setFilters({ grouped: true });
    const { lanes, rows } = await shownLanes();
    expect([...lanes].sort()).toEqual(log.streams);

    // Every row under a heading, up to the next heading or the next company without a parent
    // of that group, belongs to the heading's group; a subsidiary's own parent comes before it.
    let heading: string | undefined;
    const placed = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      if (row.kind === "heading") {
        heading = row.id;
        continue;
      }
      const company = companyOf(row.id);
      const head = headOf(company);
      const parent = companies.get(company)?.parent;
      if (parent !== undefined) {
        expect(heading, row.id).toBe(head);
        expect(row.labelX, row.id).toBeGreaterThan(8);
        if (log.streams.some((s) => companyOf(s) === parent)) {
          expect(placed.has(parent), `${parent} before ${row.id}`).toBe(true);
        }
      } else if (heading !== company) {
        heading = undefined;
      }
      if (!placed.has(company)) placed.set(company, index);
    }
    const headings = rows.filter((row) => row.kind === "heading").map((row) => row.id);
    const expectedHeads = [
      ...new Set(
        log.companies
          .filter((c) => c.parent !== undefined && log.streams.some((s) => companyOf(s) === c.id))
          .map((c) => headOf(c.id)),
      ),
    ].sort();
    expect(headings).toEqual(expectedHeads);

    // One subsidiary of a group's head, shown by scrolling to it: its lane sits under its
    // parent's, indented, the group's heading above them.
    const sub = log.companies.find(
      (c) =>
        c.parent !== undefined &&
        companies.get(c.parent)?.parent === undefined &&
        log.streams.some((s) => companyOf(s) === c.parent) &&
        log.streams.some((s) => companyOf(s) === c.id),
    ) as Company;
    const subStream = log.streams.find((s) => companyOf(s) === sub.id) as string;
    const parentStream = log.streams.find((s) => companyOf(s) === sub.parent) as string;
    await showLane(page, subStream);
    await showLane(page, parentStream);
    const subRow = rows.find((row) => row.id === subStream) as DrawnRow;
    const parentRow = rows.find((row) => row.id === parentStream) as DrawnRow;
    expect(subRow.y).toBeGreaterThan(parentRow.y);
    expect(subRow.labelX).toBeGreaterThan(parentRow.labelX);
    const between = rows.filter((row) => row.y > parentRow.y && row.y < subRow.y);
    expect(
      between.every((row) => row.kind === "lane" && headOf(companyOf(row.id)) === headOf(sub.id)),
    ).toBe(true);
    const headingName = await page
      .locator(`#lanes .group-heading[data-company="${headOf(sub.id)}"] .group-name`)
      .textContent();
    expect(headingName).toContain(companies.get(headOf(sub.id))?.name);
  });

  it("prints every shown lane, and draws only those in view again after", async () => {
    await setFilters({ program: "dod-1260h" });
    const expected = log.streams.filter((s) => programOf(s) === "dod-1260h");
    expect(expected.length).toBeGreaterThan(MOST_LANES_IN_THE_DOM);
    await page.emulateMedia({ media: "print" });
    await expect.poll(lanesDrawn).toBe(expected.length);
    expect(await page.locator(".lane-events").count()).toBe(expected.length);
    await page.emulateMedia({ media: "screen" });
    await settle(page);
    expect(await lanesDrawn()).toBeLessThanOrEqual(MOST_LANES_IN_THE_DOM);
    await setFilters({});
  });

  it("reads well: the screenshot of a group with the card of a subsidiary's event", async () => {
    await setFilters({ grouped: true });
    const sub = log.companies.find(
      (c) => c.parent !== undefined && log.streams.some((s) => companyOf(s) === c.id),
    ) as Company;
    const stream = log.streams.find((s) => companyOf(s) === sub.id) as string;
    await showLane(page, stream);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`#lanes .lane[data-stream="${stream}"] .marker`).first().hover();
    await expect.poll(() => page.locator("#tooltip").isVisible()).toBe(true);
    await page.screenshot({ path: join(OUTPUT, "report-whole-log.png") });
    expect(errors).toEqual([]);
  });
});
