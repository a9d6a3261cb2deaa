/**
 * The report page's script, bundled into the page at build time (see
 * `scripts/bundle-report-script.ts`): it reads the data the page embeds, draws the lanes in
 * view, and follows the date cursor, the selected lane and the filter bar, whose choices it
 * keeps in the page's address.
 */
import { savedView } from "./address.js";
import { eventCards } from "./cards.js";
import { dateCursor } from "./cursor.js";
import { filterBar } from "./filterBar.js";
import { isDateShaped } from "./scale.js";
import { laneSelection } from "./selection.js";
import { readPageState } from "./state.js";
import { laneView } from "./view.js";

const state = readPageState();
const cards = eventCards(state);
const view = laneView(state, cards);
const cursor = dateCursor(state, view);
const selection = laneSelection(state, view, cards, cursor);
const filters = filterBar(state, view, cursor);

const printQuery = window.matchMedia("print");
printQuery.addEventListener("change", (event) => view.setPrinting(event.matches));
window.addEventListener("beforeprint", () => view.setPrinting(true));
window.addEventListener("afterprint", () => view.setPrinting(printQuery.matches));

const saved = savedView();
filters.restore(saved);
const at = saved.get("at");
if (at && isDateShaped(at)) state.cursor = at;
view.layout();
performance.mark("report-lanes-drawn");
selection.select(view.shown[0] ?? 0, false);
cursor.set(state.cursor);
if (printQuery.matches) view.setPrinting(true);
