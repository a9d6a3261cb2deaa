/**
 * The cursor's table: each shown lane's status, whether enforceable, since when, because of
 * which event, and (when the report has effects) its effects in force, on the cursor's date.
 * A lane's row is made once and kept; the table holds the shown lanes' rows in order.
 */
import { htmlEl } from "./dom.js";
import type { Lane } from "./laneData.js";
import { laneAt, type PageState } from "./state.js";
import { effectsOn, statusOn } from "./status.js";

/** The table under the lanes. */
export interface CursorTable {
  /** Puts these lanes' rows in the table, in order, and fills them in. */
  fill(shown: readonly number[]): void;
  /** Says each of these lanes' status on the cursor's date. */
  update(shown: readonly number[]): void;
}

interface TableRow {
  tr: HTMLTableRowElement;
  status: HTMLTableCellElement;
  enforceable: HTMLTableCellElement;
  since: HTMLTableCellElement;
  event: HTMLTableCellElement;
  effects: HTMLTableCellElement | null;
}

/**
 * The cursor's table, `element`, whose body it fills.
 *
 * @example
 * cursorTable(state, byId("cursor-table", HTMLTableElement)).fill([0, 1]);
 */
export function cursorTable(state: PageState, element: HTMLTableElement): CursorTable {
  const body = element.tBodies[0];
  if (body === undefined) throw new Error(`the report page's #${element.id} has no body`);
  const rows = new Map<number, TableRow>();
  const rowOf = (lane: Lane): TableRow => {
    const cached = rows.get(lane.index);
    if (cached) return cached;
    const tr = document.createElement("tr");
    tr.dataset.lane = String(lane.index);
    tr.dataset.stream = lane.stream;
    tr.dataset.world = lane.simulated ? "simulated" : "actual";
    htmlEl("td", lane.name, tr);
    htmlEl("td", lane.program + (lane.simulated ? " (simulated)" : ""), tr);
    const row = {
      tr,
      status: htmlEl("td", null, tr, "status"),
      enforceable: htmlEl("td", null, tr, "enforceable"),
      since: htmlEl("td", null, tr),
      event: htmlEl("td", null, tr),
      effects: state.data.hasEffects ? htmlEl("td", null, tr) : null,
    };
    rows.set(lane.index, row);
    return row;
  };
  const table: CursorTable = {
    fill(shown) {
      const fragment = document.createDocumentFragment();
      for (const index of shown) fragment.appendChild(rowOf(laneAt(state, index)).tr);
      body.textContent = "";
      body.appendChild(fragment);
      table.update(shown);
    },
    update(shown) {
      for (const index of shown) {
        const lane = laneAt(state, index);
        const row = rowOf(lane);
        const status = statusOn(lane, state.cursor);
        row.status.textContent = status.status + (status.uncertain ? " ~" : "");
        row.status.dataset.status = status.status;
        row.enforceable.textContent = status.enforceable ? "yes" : "no";
        row.since.textContent = status.since ?? "-";
        row.event.textContent = status.event ?? "-";
        if (row.effects) {
          row.effects.textContent = effectsOn(lane, state.cursor).join(", ") || "none";
        }
      }
    },
  };
  return table;
}
