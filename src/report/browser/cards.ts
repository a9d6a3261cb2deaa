/**
 * An event's card, shown in `#tooltip` on pointing at or focusing a marker: date, type,
 * description, court, docket, judge, document, the name the list used, confidence, when it
 * became known, its id, and its sources as links. Everything is built with DOM calls: nothing
 * from the log is parsed as HTML.
 */
import type { SourceData } from "../reportDataFormat.js";
import { byId, htmlEl } from "./dom.js";
import type { Lane, LaneEvent } from "./laneData.js";
import { laneAt, type PageState } from "./state.js";

/** The card of the event under the pointer or the focus. */
export interface EventCards {
  /** Shows the card of a marker's event under it. */
  show(marker: SVGElement): void;
  /** Hides the card after a moment, unless the pointer comes back to it. */
  hideSoon(): void;
  /** Hides the card at once. */
  hide(): void;
  /** Puts the card under its marker again, or hides it when the marker is no longer drawn. */
  place(): void;
}

/**
 * A link to a source, opened in a new tab; only web addresses are followed.
 *
 * @example
 * sourceLink(["Federal Register", "Notice", "https://..."], "Federal Register", cell);
 */
export function sourceLink(source: SourceData, text: string, parent: Node): HTMLAnchorElement {
  const a = htmlEl("a", text, parent);
  if (/^https?:\/\//i.test(source[2])) a.href = source[2];
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

/**
 * The cards of the page's markers, shown in `#tooltip`.
 *
 * @example
 * const cards = eventCards(state);
 * cards.show(marker);
 */
export function eventCards(state: PageState): EventCards {
  const tooltip = byId("tooltip", HTMLElement);
  let cardMarker: Element | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const cards: EventCards = {
    show(marker) {
      clearTimeout(hideTimer);
      const laneNode = marker.closest<SVGElement>(".lane");
      if (!laneNode) return;
      const lane = laneAt(state, Number(laneNode.dataset.lane));
      const event = lane.events[Number(marker.dataset.step)];
      if (!event) return;
      tooltip.textContent = "";
      tooltip.appendChild(cardContent(lane, event));
      tooltip.hidden = false;
      cardMarker = marker;
      cards.place();
    },
    hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => {
        tooltip.hidden = true;
      }, 400);
    },
    hide() {
      tooltip.hidden = true;
    },
    place() {
      if (tooltip.hidden || !cardMarker) return;
      if (!cardMarker.isConnected) {
        tooltip.hidden = true;
        return;
      }
      const box = cardMarker.getBoundingClientRect();
      const x = box.right + window.scrollX + 8;
      const maxX = window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8;
      tooltip.style.left = `${Math.max(window.scrollX + 8, Math.min(x, maxX))}px`;
      tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
    },
  };
  tooltip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  tooltip.addEventListener("mouseleave", cards.hideSoon);
  return cards;
}

function cardContent(lane: Lane, event: LaneEvent): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const head = htmlEl("p", null, fragment, "card-head");
  htmlEl("strong", event.month ? `${event.date.slice(0, 7)} (month only)` : event.date, head);
  head.appendChild(document.createTextNode(" · "));
  htmlEl("span", event.type, head, "card-type");
  if (lane.simulated && event.id.startsWith("simulated-")) {
    head.appendChild(document.createTextNode(" "));
    htmlEl("span", "hypothetical", head, "tag");
  }
  const world = lane.simulated ? " · simulated" : "";
  htmlEl("p", `${lane.name} · ${lane.program}${world}`, fragment, "card-stream");
  htmlEl("p", event.description, fragment, "card-description");
  const list = htmlEl("dl", null, fragment);
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    htmlEl("dt", label, list);
    htmlEl("dd", value, list);
  };
  const [court, docket, judge, documentTitle, listedAs] = event.details ?? [];
  field("Court", court);
  field("Docket", docket);
  field("Judge", judge);
  field("Document", documentTitle);
  field("Listed as", listedAs);
  field("Confidence", event.confidence);
  field("Known", event.known);
  htmlEl("dt", "Event", list);
  htmlEl("code", event.id, htmlEl("dd", null, list));
  const sources = htmlEl("ul", null, fragment, "sources");
  for (const source of event.sources) {
    sourceLink(source, `${source[0]}: ${source[1]}`, htmlEl("li", null, sources));
  }
  return fragment;
}
