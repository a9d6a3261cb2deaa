/**
 * What the page's script knows: the embedded data, read once, and what the reader has chosen
 * (the cursor's date, the selected lane, the filters). Every part of the script shares one.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import { REPORT_DATA_ID, type ReportData } from "../reportDataFormat.js";
import { byId } from "./dom.js";
import { decodeGroups, decodeLane, entryAt, type Group, type Lane } from "./laneData.js";
import { plotScale, type PlotScale } from "./scale.js";

/** The filter bar's choices; empty strings choose nothing. */
export interface Filters {
  /** A substring of a company's id, name or aliases, as typed (trimmed). */
  text: string;
  program: string;
  /** A status on the cursor's date. */
  status: string;
  grouped: boolean;
}

/** The page's data and the reader's choices. */
export interface PageState {
  readonly data: ReportData;
  readonly scale: PlotScale;
  readonly lanes: readonly Lane[];
  readonly groups: readonly Group[];
  cursor: IsoDate;
  /** The index of the selected lane. */
  selected: number;
  readonly filters: Filters;
}

/**
 * The state of a page as it opens: its data read from `#report-data`, the cursor on the data's
 * date, the first lane selected, no filter.
 *
 * @example
 * const state = readPageState();
 */
export function readPageState(): PageState {
  const data = JSON.parse(byId(REPORT_DATA_ID, HTMLScriptElement).text) as ReportData;
  return {
    data,
    scale: plotScale(data.geometry, data.range),
    lanes: data.lanes.map((lane, index) => decodeLane(data, lane, index)),
    groups: decodeGroups(data),
    cursor: data.cursor,
    selected: 0,
    filters: { text: "", program: "", status: "", grouped: false },
  };
}

/**
 * The lane at `index`.
 *
 * @example
 * laneAt(state, state.selected).name; // "Xiaomi Corporation"
 */
export function laneAt(state: PageState, index: number): Lane {
  return entryAt(state.lanes, index, "lane");
}

/**
 * True when a filter hides lanes that have no match.
 *
 * @example
 * isFiltered({ text: "", program: "dod-1237", status: "", grouped: false }); // true
 */
export function isFiltered(filters: Filters): boolean {
  return Boolean(filters.text || filters.program || filters.status);
}
