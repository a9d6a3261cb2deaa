/**
 * The date cursor: a slider, a date field and a click on the time axis move it; the lanes'
 * cursor line, the cursor's table, the status filter and the lifecycle diagram follow it.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import { remember } from "./address.js";
import { highlightDiagram } from "./diagram.js";
import { byId } from "./dom.js";
import { dateOf, dayOf, isDateShaped } from "./scale.js";
import { isFiltered, type PageState } from "./state.js";
import type { LaneView } from "./view.js";

/** The date cursor. */
export interface DateCursor {
  /** Moves the cursor to `date` (ignored unless it is shaped `YYYY-MM-DD`). */
  set(date: IsoDate): void;
  /** Says in the table's heading whose status it shows, on which date. */
  sayHeading(): void;
}

/**
 * The page's date cursor, listening to its controls.
 *
 * @example
 * dateCursor(state, view).set("2021-04-01");
 */
export function dateCursor(state: PageState, view: LaneView): DateCursor {
  const { geometry } = state.data;
  const slider = byId("cursor-slider", HTMLInputElement);
  const dateInput = byId("cursor-date", HTMLInputElement);
  const lines = [byId("cursor-line", SVGLineElement), byId("lane-cursor", SVGLineElement)];

  const cursor: DateCursor = {
    set(date) {
      if (!isDateShaped(date)) return;
      state.cursor = date;
      slider.value = String(dayOf(date));
      dateInput.value = date;
      const x = String(
        Math.min(geometry.plotRight, Math.max(geometry.plotLeft, state.scale.xOf(date))),
      );
      for (const line of lines) {
        line.setAttribute("x1", x);
        line.setAttribute("x2", x);
      }
      cursor.sayHeading();
      byId("filter-status-date", HTMLElement).textContent = date;
      if (state.filters.status) view.layout();
      else view.updateTable();
      highlightDiagram(state);
      remember(state);
    },
    sayHeading() {
      byId("cursor-heading", HTMLHeadingElement).textContent =
        `Status of every ${isFiltered(state.filters) ? "shown " : ""}stream on ${state.cursor}`;
    },
  };

  slider.addEventListener("input", () => cursor.set(dateOf(Number(slider.value))));
  dateInput.addEventListener("change", () => {
    if (dateInput.value) cursor.set(dateInput.value);
  });
  const axis = byId("lane-axis", SVGSVGElement);
  byId("axis-hit", SVGRectElement).addEventListener("click", (event) => {
    const matrix = axis.getScreenCTM();
    if (!matrix) return;
    const local = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    cursor.set(dateOf(state.scale.dayAt(local.x)));
  });
  return cursor;
}
