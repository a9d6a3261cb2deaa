/**
 * The filtered, virtualised view of the lanes. The lanes' SVG is given the height of every shown
 * row and only the rows in view (and a few around them) are drawn, each in its own group moved
 * into place; a row that holds the focus stays drawn. In print every shown row is drawn, and
 * every shown lane's events are listed. The cursor's table lists the shown lanes in the same
 * order.
 */
import type { EventCards } from "./cards.js";
import { cursorTable } from "./cursorTable.js";
import { byId } from "./dom.js";
import { eventsSection } from "./eventsTable.js";
import { filterSummary } from "./filters.js";
import { drawHeading, drawLane } from "./lanes.js";
import { firstRowBelow, layoutRows, type Row } from "./rows.js";
import { laneAt, type PageState } from "./state.js";

const OVERSCAN = 4;

/** The lanes as the filters show them, and the tables that follow them. */
export interface LaneView {
  /** The shown lanes' indexes, in order. */
  readonly shown: readonly number[];
  /** Picks the shown rows and places them; redraws the rows in view and the cursor's table. */
  layout(): void;
  /** Says each shown lane's status on the cursor's date. */
  updateTable(): void;
  /** Marks the selected lane among those drawn. */
  markSelected(): void;
  /** Scrolls the lanes' box so that the lane's row is in view, under the axis. */
  scrollToLane(index: number): void;
  /** Lists the events of the selected lane; in print, of every shown lane. */
  showEvents(): void;
  /** Draws the page for print (every shown row and its events), or for the screen. */
  setPrinting(on: boolean): void;
}

/**
 * The view of the page's lanes, redrawn as the lanes' box or the window scrolls.
 *
 * @example
 * const view = laneView(state, cards);
 * view.layout();
 */
export function laneView(state: PageState, cards: EventCards): LaneView {
  const { geometry } = state.data;
  const lanesSvg = byId("lanes", SVGSVGElement);
  const rowsLayer = byId("lane-rows", SVGGElement);
  const scroller = byId("lane-scroller", HTMLElement);
  const table = cursorTable(state, byId("cursor-table", HTMLTableElement));
  let rows: Row[] = [];
  let rowsByKey = new Map<string, Row>();
  let shown: number[] = [];
  const drawn = new Map<string, SVGGElement>();
  let printing = false;

  /** The rows in view, and OVERSCAN rows either side, found by the rows' fixed heights. */
  const rowsInView = (): Row[] => {
    if (rows.length === 0) return [];
    const box = lanesSvg.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    const scale = box.width / geometry.width || 1;
    const from = (Math.max(frame.top, 0) - box.top) / scale;
    const to = (Math.min(frame.bottom, window.innerHeight) - box.top) / scale;
    const first = firstRowBelow(rows, from);
    let last = first;
    while (last < rows.length - 1 && (rows[last + 1] as Row).top < to) last += 1;
    return rows.slice(Math.max(0, first - OVERSCAN), Math.min(rows.length, last + 1 + OVERSCAN));
  };

  /** Draws the rows in view (every row in print), keeping those already drawn. */
  const draw = () => {
    const wanted = printing ? rows : rowsInView();
    const keep = new Set(wanted.map((row) => row.key));
    const active = document.activeElement;
    for (const [key, node] of drawn) {
      if (keep.has(key)) continue;
      // A row out of view that holds the focus stays, in its place, while it is shown at all.
      const row = rowsByKey.get(key);
      if (active && node.contains(active) && row) {
        node.setAttribute("transform", `translate(0,${row.top})`);
        continue;
      }
      node.remove();
      drawn.delete(key);
    }
    let next: SVGGElement | null = null;
    for (let i = wanted.length - 1; i >= 0; i -= 1) {
      const row = wanted[i] as Row;
      let node = drawn.get(row.key);
      if (!node) {
        node =
          row.kind === "lane"
            ? drawLane(state, laneAt(state, row.lane), row.depth)
            : drawHeading(state, row.group);
        drawn.set(row.key, node);
      }
      // Rows stay in the page's order, which is the order Tab walks them in.
      if (node.parentNode !== rowsLayer || node.nextSibling !== next) {
        rowsLayer.insertBefore(node, next);
      }
      node.setAttribute("transform", `translate(0,${row.top})`);
      if (row.kind === "lane") {
        node.classList.toggle("even", row.even);
        node.classList.toggle("selected", row.lane === state.selected);
      }
      next = node;
    }
  };

  let drawPending = false;
  const drawSoon = () => {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      draw();
      cards.place();
    });
  };
  scroller.addEventListener("scroll", drawSoon, { passive: true });
  window.addEventListener("scroll", drawSoon, { passive: true });
  window.addEventListener("resize", drawSoon);

  const view: LaneView = {
    get shown() {
      return shown;
    },
    layout() {
      const placed = layoutRows(state);
      rows = placed.rows;
      shown = placed.shown;
      rowsByKey = new Map(rows.map((row) => [row.key, row]));
      const height = placed.height + 8;
      lanesSvg.setAttribute("viewBox", `0 0 ${geometry.width} ${height}`);
      for (const line of lanesSvg.querySelectorAll("#lane-grid line, #lane-cursor")) {
        line.setAttribute("y2", String(height));
      }
      const noun = state.data.simulated ? " lanes" : " streams";
      byId("filter-count", HTMLOutputElement).textContent =
        `${shown.length} of ${state.lanes.length}${noun} shown`;
      byId("no-lanes", HTMLElement).hidden = shown.length > 0;
      byId("print-filters", HTMLElement).textContent = filterSummary(state, shown.length, noun);
      draw();
      table.fill(shown);
      if (printing) view.showEvents();
    },
    updateTable() {
      table.update(shown);
    },
    markSelected() {
      for (const g of rowsLayer.querySelectorAll<SVGGElement>(".lane")) {
        g.classList.toggle("selected", g.dataset.lane === String(state.selected));
      }
    },
    scrollToLane(index) {
      const row = rows.find((r) => r.kind === "lane" && r.lane === index);
      if (!row) return;
      const box = lanesSvg.getBoundingClientRect();
      const frame = scroller.getBoundingClientRect();
      const axis = byId("lane-axis", SVGSVGElement).getBoundingClientRect().height;
      const scale = box.width / geometry.width || 1;
      const rowTop = box.top - frame.top + scroller.scrollTop + row.top * scale;
      const rowBottom = rowTop + row.height * scale;
      if (
        rowTop < scroller.scrollTop + axis ||
        rowBottom > scroller.scrollTop + scroller.clientHeight
      ) {
        scroller.scrollTop = rowTop - axis - 2 * geometry.laneHeight * scale;
      }
      draw();
      // The box may reach past the window's bottom: bring the lane into the window too.
      const node = drawn.get(row.key);
      if (node && node.getBoundingClientRect().bottom > window.innerHeight) {
        node.scrollIntoView({ block: "nearest" });
      }
    },
    showEvents() {
      const box = byId("lane-events", HTMLElement);
      box.textContent = "";
      const list = printing ? shown : state.lanes[state.selected] ? [state.selected] : [];
      const fragment = document.createDocumentFragment();
      for (const index of list) {
        const section = eventsSection(laneAt(state, index));
        section.classList.add("shown");
        fragment.appendChild(section);
      }
      box.appendChild(fragment);
    },
    setPrinting(on) {
      if (on === printing) return;
      printing = on;
      draw();
      view.showEvents();
    },
  };
  return view;
}
