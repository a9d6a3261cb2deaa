/**
 * The page's embedded data (see `reportDataFormat`), read once: each lane's compact arrays
 * turned into objects, its events' ids spelled out, its sources and effect rules looked up, and
 * its intervals' start dates packed for the status lookup.
 */
import type { IsoDate } from "../../domain/isoDate.js";
import type { HeadlineStatus } from "../../domain/lifecycleState.js";
import { packedStarts } from "../../query/intervalSearch.js";
import {
  defaultEventId,
  type CompanyData,
  type EventData,
  type EventDetails,
  type LaneData,
  type ReportData,
  type SourceData,
} from "../reportDataFormat.js";

/** An event of a lane, drawn as a marker, shown as a card and in the lane's table. */
export interface LaneEvent {
  date: IsoDate;
  type: string;
  /** Dated only to the month. */
  month: boolean;
  /** An event that does not change the state. */
  informational: boolean;
  description: string;
  confidence: string;
  known: IsoDate | null;
  id: string;
  /** The machine's listing and litigation states after the event. */
  listing: string;
  litigation: string;
  after: HeadlineStatus;
  sources: SourceData[];
  details: EventDetails | null;
}

/** An interval `[from, to)` of a lane, and the event that opened it (`<type> <id>`). */
export interface LaneInterval {
  from: IsoDate;
  to: IsoDate | null;
  status: HeadlineStatus;
  enforceable: boolean;
  cause: string;
}

/** An effect band of a lane; `note` ends with its rule, if it has one. */
export interface LaneEffect {
  kind: string;
  from: IsoDate;
  to: IsoDate | null;
  inForce: boolean;
  note: string;
}

/** A lane: a stream in the actual world or in a simulated one. */
export interface Lane {
  /** Its index in the page's data, and its value in the Stream control. */
  index: number;
  stream: string;
  company: string;
  name: string;
  /** What the text filter searches: the company's id, name and aliases, in lower case. */
  search: string;
  program: string;
  simulated: boolean;
  uncertainMonths: string[];
  events: LaneEvent[];
  intervals: LaneInterval[];
  /** The intervals' packed start dates, for `lastStartOnOrBefore`. */
  starts: Int32Array;
  effects: LaneEffect[];
}

/** A group of lanes by parent: its head company, its lanes (indexes) and their depths. */
export interface Group {
  index: number;
  head: CompanyData;
  lanes: number[];
  depths: number[];
}

/**
 * The entry of `list` at `index`; the page's data refers to its entries by index, so a missing
 * one is a bug, reported at once.
 *
 * @example
 * entryAt(data.companies, 0, "company"); // ["xiaomi", "Xiaomi Corporation", [...]]
 */
export function entryAt<T>(list: readonly T[], index: number, what: string): T {
  const entry = list[index];
  if (entry === undefined) throw new Error(`the report's data has no ${what} ${index}`);
  return entry;
}

/**
 * A lane of the data as an object.
 *
 * @example
 * decodeLane(data, data.lanes[0], 0).events[0].id; // "xiaomi-dod-1237-0001"
 */
export function decodeLane(data: ReportData, entry: LaneData, index: number): Lane {
  const [stream, companyIndex, program, simulated, intervals, uncertainMonths, events, effects] =
    entry;
  const [company, name, aliases] = entryAt(data.companies, companyIndex, "company");
  const laneEvents = events.map((event) => decodeEvent(data, stream, event));
  const laneIntervals = intervals.map(([from, to, status, enforceable, ref]): LaneInterval => {
    const opened = typeof ref === "number" ? laneEvents[ref] : undefined;
    const cause = opened ? `${opened.type} ${opened.id}` : String(ref);
    return { from, to, status, enforceable: enforceable === 1, cause };
  });
  return {
    index,
    stream,
    company,
    name,
    search: [company, name, ...aliases].join("\n").toLowerCase(),
    program,
    simulated: simulated === 1,
    uncertainMonths,
    events: laneEvents,
    intervals: laneIntervals,
    starts: packedStarts(laneIntervals),
    effects: effects.map(([kind, from, to, inForce, note, rule]) => ({
      kind,
      from,
      to,
      inForce: inForce === 1,
      note: rule >= 0 ? `${note}: ${entryAt(data.rules, rule, "rule")}` : note,
    })),
  };
}

function decodeEvent(data: ReportData, stream: string, event: EventData): LaneEvent {
  const [date, type, month, informational, description, confidence, known, id] = event;
  const [, , , , , , , , listing, litigation, after, sources, details] = event;
  return {
    date,
    type,
    month: month === 1,
    informational: informational === 1,
    description,
    confidence,
    known,
    id: typeof id === "number" ? defaultEventId(stream, id) : id,
    listing,
    litigation,
    after,
    sources: sources.map((source) => entryAt(data.sources, source, "source")),
    details: details ?? null,
  };
}

/**
 * The groups of the data as objects.
 *
 * @example
 * decodeGroups(data)[0].head[1]; // "Xiaomi Corporation"
 */
export function decodeGroups(data: ReportData): Group[] {
  return data.groups.map(([head, lanes, depths], index) => ({
    index,
    head: entryAt(data.companies, head, "company"),
    lanes,
    depths,
  }));
}
