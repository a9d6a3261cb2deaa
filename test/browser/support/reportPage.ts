/**
 * Helpers for the report page in Chromium. The page draws only the lanes in view, so a test that
 * needs a lane first scrolls to it (`showLane`), and a test about every lane scrolls through the
 * lanes' box collecting what is drawn (`rowsWhileScrolling`).
 */
import type { Page } from "playwright-core";

/** A row of the lanes as drawn: a lane (`id` is its stream) or a group's heading (its company). */
export interface DrawnRow {
  kind: "lane" | "heading";
  id: string;
  world: string;
  /** Its top in the lanes' SVG. */
  y: number;
  /** The x of its label: subsidiaries' labels are indented. */
  labelX: number;
  /** Its intervals' statuses and computed fills. */
  intervals: [string, string][];
}

/** Resolves once the page has drawn two more frames (the page redraws on the frame after a scroll). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** The lane and heading rows drawn now, in the page's order. */
export async function drawnRows(page: Page): Promise<DrawnRow[]> {
  return page.locator("#lane-rows > g").evaluateAll((gs) =>
    gs.map((g) => {
      const heading = g.classList.contains("group-heading");
      const label = g.querySelector(heading ? ".group-name" : ".lane-label");
      return {
        kind: heading ? ("heading" as const) : ("lane" as const),
        id: (heading ? g.getAttribute("data-company") : g.getAttribute("data-stream")) ?? "",
        world: g.getAttribute("data-world") ?? "",
        y: Number(/translate\(0,\s*([\d.]+)\)/.exec(g.getAttribute("transform") ?? "")?.[1]),
        labelX: Number(label?.getAttribute("x")),
        intervals: [...g.querySelectorAll(".interval")].map(
          (r) =>
            [r.getAttribute("data-status") ?? "", getComputedStyle(r).fill] as [string, string],
        ),
      };
    }),
  );
}

/**
 * Scrolls the lanes' box from top to bottom, a screen at a time, and returns every row drawn on
 * the way, once each, in the order of the page, with the most lane rows the DOM held at once.
 */
export async function rowsWhileScrolling(
  page: Page,
): Promise<{ rows: DrawnRow[]; mostLanesAtOnce: number }> {
  const seen = new Map<string, DrawnRow>();
  let mostLanesAtOnce = 0;
  await page.evaluate(() => {
    (document.getElementById("lane-scroller") as HTMLElement).scrollTop = 0;
  });
  await settle(page);
  for (;;) {
    const rows = await drawnRows(page);
    mostLanesAtOnce = Math.max(mostLanesAtOnce, rows.filter((r) => r.kind === "lane").length);
    for (const row of rows) seen.set(`${row.kind} ${row.id} ${row.world} ${row.y}`, row);
    const moved = await page.evaluate(() => {
      const box = document.getElementById("lane-scroller") as HTMLElement;
      const before = box.scrollTop;
      box.scrollTop = before + box.clientHeight * 0.8;
      return box.scrollTop !== before;
    });
    if (!moved) break;
    await settle(page);
  }
  return { rows: [...seen.values()].sort((a, b) => a.y - b.y), mostLanesAtOnce };
}

/** The lane's index in the page's data (its value in `#lane-select`). */
export async function laneIndex(page: Page, stream: string, world = "actual"): Promise<number> {
  const index = await page.evaluate(
    ([wanted, wantedWorld]) => {
      const data = JSON.parse(document.getElementById("report-data")?.textContent ?? "{}") as {
        lanes: [string, number, string, number][];
      };
      return data.lanes.findIndex(
        (lane) => lane[0] === wanted && (lane[3] === 1 ? "simulated" : "actual") === wantedWorld,
      );
    },
    [stream, world],
  );
  if (index < 0) throw new Error(`no lane for ${stream} (${world})`);
  return index;
}

/** Selects the stream in the Stream control, which scrolls its lane into view, and waits for it. */
export async function showLane(page: Page, stream: string, world = "actual"): Promise<void> {
  await page.selectOption("#lane-select", String(await laneIndex(page, stream, world)));
  await settle(page);
  await page
    .locator(`#lanes .lane[data-stream="${stream}"][data-world="${world}"]`)
    .waitFor({ state: "attached" });
}
