/**
 * The format of the data a report page embeds for its script (`<script type="application/json"
 * id="report-data">`): written by `reportData` on the server, read by the page's script
 * (`src/report/browser/`). Both sides import these types, so that a change on one side that the
 * other does not follow fails the type check. Entries are arrays rather than objects to keep the
 * page small. Nothing here touches the DOM or Node.
 */
import type { IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";

/** The id of the element that holds the page's data. */
export const REPORT_DATA_ID = "report-data";

/**
 * The geometry of the lanes, in the SVG's own units: the drawing's width, the plot's left and
 * right edges, the axis's height, and the fixed heights of a lane row and of a group's heading.
 */
export interface LaneGeometry {
  readonly width: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axisHeight: number;
  readonly laneHeight: number;
  readonly headingHeight: number;
}

/** A source, stored once however many events cite it. */
export type SourceData = [publisher: string, title: string, url: string];

/**
 * A company: its id, the name its lanes show, and its other names. The page's filter finds it by
 * a case-insensitive substring of any one of them.
 */
export type CompanyData = [id: string, name: string, aliases: string[]];

/** An interval `[from, to)`: its status, whether enforceable, and the event that opened it. */
export type IntervalData = [
  from: IsoDate,
  to: IsoDate | null,
  status: HeadlineStatus,
  enforceable: 0 | 1,
  /** Its index in the lane's events; the event's type and id when it is not one of them. */
  event: number | string,
];

/** The court, docket, judge and document of an event, and the name a list used ("" if none). */
export type EventDetails = [
  court: string,
  docket: string,
  judge: string,
  document: string,
  listedAs: string,
];

/** An event of a lane, with the states the machine was in after it. */
export type EventData = [
  effective: IsoDate,
  type: string,
  /** 1 when the date is known only to the month (the effective date is then the 1st). */
  month: 0 | 1,
  /** 1 for an event that does not change the state (drawn smaller). */
  informational: 0 | 1,
  description: string,
  confidence: string,
  /** When the event became known, if not on its effective date. */
  known: IsoDate | null,
  /** Its id; a number n stands for the default id `<company>-<program>-<n, four digits>`. */
  id: string | number,
  listing: string,
  litigation: string,
  statusAfter: HeadlineStatus,
  /** Indexes in the report's sources. */
  sources: number[],
  details?: EventDetails,
];

/** An effect band: what, from, to, in force or suspended, its note, and its rule (or -1). */
export type EffectData = [
  kind: string,
  from: IsoDate,
  to: IsoDate | null,
  inForce: 0 | 1,
  note: string,
  rule: number,
];

/** A lane: its stream, company (an index in the companies), program and world, and its history. */
export type LaneData = [
  stream: string,
  company: number,
  program: string,
  simulated: 0 | 1,
  intervals: IntervalData[],
  uncertainMonths: string[],
  events: EventData[],
  effects: EffectData[],
];

/** A group of lanes by parent: its head (an index in the companies), lanes and their depths. */
export type GroupData = [head: number, lanes: number[], depths: number[]];

/** Everything the page's script needs, in arrays rather than objects to keep the page small. */
export interface ReportData {
  cursor: IsoDate;
  range: [from: IsoDate, to: IsoDate];
  simulated: boolean;
  hasEffects: boolean;
  geometry: LaneGeometry;
  statusColors: Readonly<Record<HeadlineStatus, string>>;
  effectColors: Readonly<Record<string, string>>;
  effectRows: Readonly<Record<string, number>>;
  companies: CompanyData[];
  sources: SourceData[];
  /** The text of each effect rule, once. */
  rules: string[];
  lanes: LaneData[];
  groups: GroupData[];
}

/**
 * The id an event gets when its draft names none, `<company>-<program>-<seq, four digits>`: the
 * page stores such ids as their sequence number (see `EventData`) and spells them out again.
 *
 * @example
 * defaultEventId("xiaomi/dod-1237", 3); // "xiaomi-dod-1237-0003"
 */
export function defaultEventId(stream: string, seq: number): string {
  return `${stream.replace("/", "-")}-${String(seq).padStart(4, "0")}`;
}
