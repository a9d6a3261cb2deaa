/**
 * The selected lane, chosen in the Stream control or by a click (or Enter) on a lane's label or
 * marker; a marker also moves the date cursor to its event and shows its card. Markers and
 * labels come and go as the lanes scroll, so their events are handled on the lanes' SVG.
 */
import type { EventCards } from "./cards.js";
import type { DateCursor } from "./cursor.js";
import { highlightDiagram } from "./diagram.js";
import { byId, htmlEl } from "./dom.js";
import type { PageState } from "./state.js";
import type { LaneView } from "./view.js";

/** Selects lanes. */
export interface LaneSelection {
  /** Selects the lane at `index`, scrolling it into view if `reveal`. */
  select(index: number, reveal: boolean): void;
}

/**
 * The page's lane selection, listening to the Stream control and to the lanes' SVG.
 *
 * @example
 * laneSelection(state, view, cards, cursor).select(0, false);
 */
export function laneSelection(
  state: PageState,
  view: LaneView,
  cards: EventCards,
  cursor: DateCursor,
): LaneSelection {
  const laneSelect = byId("lane-select", HTMLSelectElement);
  const lanesSvg = byId("lanes", SVGSVGElement);

  const selection: LaneSelection = {
    select(index, reveal) {
      state.selected = index;
      laneSelect.value = String(index);
      view.markSelected();
      view.showEvents();
      highlightDiagram(state);
      if (reveal) view.scrollToLane(index);
    },
  };
  const chooseMarker = (marker: SVGElement) => {
    selection.select(Number(marker.closest<SVGElement>(".lane")?.dataset.lane), false);
    cursor.set(marker.dataset.date ?? "");
    if (marker.isConnected) cards.show(marker);
  };
  const closest = (event: Event, selector: string): SVGElement | null =>
    event.target instanceof Element ? event.target.closest<SVGElement>(selector) : null;
  const markerOf = (event: Event) => closest(event, ".marker");
  const labelOf = (event: Event) => closest(event, ".lane-label");

  const showCardOf = (event: Event) => {
    const marker = markerOf(event);
    if (marker) cards.show(marker);
  };
  const hideCardOf = (event: Event) => {
    if (markerOf(event)) cards.hideSoon();
  };
  lanesSvg.addEventListener("mouseover", showCardOf);
  lanesSvg.addEventListener("mouseout", hideCardOf);
  lanesSvg.addEventListener("focusin", showCardOf);
  lanesSvg.addEventListener("focusout", hideCardOf);
  lanesSvg.addEventListener("click", (event) => {
    const marker = markerOf(event);
    const label = labelOf(event);
    if (marker) chooseMarker(marker);
    else if (label) selection.select(Number(label.dataset.lane), false);
  });
  lanesSvg.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const marker = markerOf(event);
    const label = labelOf(event);
    if (marker) {
      event.preventDefault();
      chooseMarker(marker);
    } else if (label) {
      event.preventDefault();
      selection.select(Number(label.dataset.lane), false);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") cards.hide();
  });

  const options = document.createDocumentFragment();
  for (const lane of state.lanes) {
    const world = lane.simulated ? " (simulated)" : "";
    const option = htmlEl("option", `${lane.name} · ${lane.program}${world}`, options);
    option.value = String(lane.index);
  }
  laneSelect.appendChild(options);
  laneSelect.addEventListener("change", () => selection.select(Number(laneSelect.value), true));
  return selection;
}
