/**
 * The filter bar: a text field (a substring of a company's id, name or aliases), a list, a
 * status on the cursor's date, and grouping by parent. Any change lays the lanes out again from
 * the top, and is kept in the page's address.
 */
import { remember } from "./address.js";
import type { DateCursor } from "./cursor.js";
import { byId } from "./dom.js";
import type { PageState } from "./state.js";
import type { LaneView } from "./view.js";

/** The filter bar's controls. */
export interface FilterBar {
  /** Sets the controls as the page's address says (values they do not offer are dropped). */
  restore(saved: URLSearchParams): void;
}

/**
 * The page's filter bar, listening to its controls.
 *
 * @example
 * filterBar(state, view, cursor).restore(savedView());
 */
export function filterBar(state: PageState, view: LaneView, cursor: DateCursor): FilterBar {
  const textInput = byId("filter-text", HTMLInputElement);
  const programSelect = byId("filter-program", HTMLSelectElement);
  const statusSelect = byId("filter-status", HTMLSelectElement);
  const groupBox = byId("group-parent", HTMLInputElement);
  const scroller = byId("lane-scroller", HTMLElement);

  const readControls = () => {
    state.filters.text = textInput.value.trim();
    state.filters.program = programSelect.value;
    state.filters.status = statusSelect.value;
    state.filters.grouped = groupBox.checked;
  };
  const applyFilters = () => {
    readControls();
    scroller.scrollTop = 0;
    view.layout();
    cursor.sayHeading();
    remember(state);
  };
  textInput.addEventListener("input", applyFilters);
  for (const control of [programSelect, statusSelect, groupBox]) {
    control.addEventListener("change", applyFilters);
  }

  return {
    restore(saved) {
      textInput.value = saved.get("q") ?? "";
      programSelect.value = offered(programSelect, saved.get("list") ?? "");
      statusSelect.value = offered(statusSelect, saved.get("status") ?? "");
      groupBox.checked = saved.get("group") === "1" && !groupBox.disabled;
      readControls();
    },
  };
}

function offered(select: HTMLSelectElement, value: string): string {
  return [...select.options].some((option) => option.value === value) ? value : "";
}
