/**
 * The rows of the lanes' SVG, with fixed heights: a row per shown lane, in the data's order or,
 * grouped by parent, in the groups' order with a heading above each group that has
 * subsidiaries. Knowing every row's top lets the view draw only the rows in view.
 */
import type { Group } from "./laneData.js";
import { laneFilter } from "./filters.js";
import { laneAt, type PageState } from "./state.js";

interface RowPlace {
  /** Stays the same while the row is drawn, as long as its lane and depth do not change. */
  key: string;
  top: number;
  height: number;
}

/** The row of a lane (its index), `depth` levels under its group's head. */
export interface LaneRow extends RowPlace {
  kind: "lane";
  lane: number;
  depth: number;
  /** Every other lane row is shaded. */
  even: boolean;
}

/** The heading of a group of lanes. */
export interface HeadingRow extends RowPlace {
  kind: "heading";
  group: Group;
}

/** A row of the lanes' SVG. */
export type Row = LaneRow | HeadingRow;

/** The shown rows, the shown lanes' indexes, and the height of every row. */
export interface RowLayout {
  rows: Row[];
  shown: number[];
  height: number;
}

/**
 * The rows that the filters of `state` show, placed from the top.
 *
 * @example
 * layoutRows(state).shown; // [0, 2, 3]
 */
export function layoutRows(state: PageState): RowLayout {
  const { laneHeight, headingHeight } = state.data.geometry;
  const shownLane = laneFilter(state);
  const rows: Row[] = [];
  const shown: number[] = [];
  let top = 0;
  const addLane = (lane: number, depth: number) => {
    const even = shown.length % 2 === 1;
    rows.push({
      kind: "lane",
      key: `lane-${lane}-${depth}`,
      top,
      height: laneHeight,
      lane,
      depth,
      even,
    });
    shown.push(lane);
    top += laneHeight;
  };
  if (state.filters.grouped) {
    for (const group of state.groups) {
      const members: [lane: number, depth: number][] = [];
      group.lanes.forEach((index, i) => {
        if (shownLane(laneAt(state, index))) members.push([index, group.depths[i] ?? 0]);
      });
      if (members.some(([, depth]) => depth > 0)) {
        rows.push({
          kind: "heading",
          key: `group-${group.index}`,
          top,
          height: headingHeight,
          group,
        });
        top += headingHeight;
      }
      for (const [lane, depth] of members) addLane(lane, depth);
    }
  } else {
    for (const lane of state.lanes) if (shownLane(lane)) addLane(lane.index, 0);
  }
  return { rows, shown, height: top };
}

/**
 * The index of the first row that reaches below `y`, by binary search over the rows' tops (the
 * last row when none does).
 *
 * @example
 * firstRowBelow(rows, 100); // 2, for lane rows 44 high
 */
export function firstRowBelow(rows: readonly Row[], y: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    const row = rows[middle] as Row;
    if (row.top + row.height <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}
