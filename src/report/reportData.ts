import type { FactEvent } from "../domain/eventSchema.js";
import { isInformational, isLifecycleEventType } from "../domain/eventTypes.js";
import { laneGroups } from "./laneGroups.js";
import {
  defaultEventId,
  type CompanyData,
  type EffectData,
  type EventData,
  type EventDetails,
  type GroupData,
  type IntervalData,
  type LaneData,
  type ReportData,
  type SourceData,
} from "./reportDataFormat.js";
import type { Report, ReportLane } from "./reportModel.js";
import { STATUS_COLORS } from "./statusColors.js";
import { EFFECT_COLORS, EFFECT_ROWS, LANE_GEOMETRY } from "./swimlanes.js";

export type {
  CompanyData,
  EffectData,
  EventData,
  EventDetails,
  GroupData,
  IntervalData,
  LaneData,
  ReportData,
  SourceData,
} from "./reportDataFormat.js";

/**
 * The report's data for the page's script (its format in `reportDataFormat`): each lane's
 * intervals, events and effects as arrays,
 * the sources and rule texts stored once, the companies with what the filter searches, and the
 * lanes grouped by parent.
 *
 * @example
 * reportData(report).lanes[0]; // ["xiaomi/dod-1237", 0, "dod-1237", 0, [["2021-01-14", null, "listed", 1, 0]], ...]
 */
export function reportData(report: Report): ReportData {
  const registry = new Map((report.companies ?? []).map((company) => [company.id, company]));
  const companies = new Table<CompanyData>((entry) => entry[0]);
  const sources = new Table<SourceData>((entry) => entry.join("\n"));
  const rules = new Table<string>((rule) => rule);
  const companyIndex = (id: string, name?: string) => {
    const entry = registry.get(id);
    return companies.index([id, name ?? entry?.name ?? id, entry?.aliases ?? []]);
  };
  const lanes = report.lanes.map((lane): LaneData => {
    const company = companyIndex(lane.company, lane.companyName);
    const events = lane.timeline.steps.map((step) => {
      const event = step.event;
      return eventData(event, lane, step.after, (source) => sources.index(source));
    });
    const byId = new Map(lane.timeline.steps.map((step, index) => [step.event.id, index]));
    const intervals = lane.timeline.intervals.map((interval): IntervalData => [
      interval.from,
      interval.to,
      interval.status,
      interval.enforceable ? 1 : 0,
      byId.get(interval.event.id) ?? `${interval.event.type} ${interval.event.id}`,
    ]);
    const effects = lane.effects.map((band): EffectData => [
      band.kind,
      band.from,
      band.to,
      band.inForce ? 1 : 0,
      band.note,
      band.rule === undefined ? -1 : rules.index(band.rule),
    ]);
    return [
      lane.stream,
      company,
      lane.program,
      lane.world === "simulated" ? 1 : 0,
      intervals,
      lane.timeline.uncertainMonths,
      events,
      effects,
    ];
  });
  const groups = laneGroups(report.lanes, report.companies ?? []).map(
    ({ head, members }): GroupData => [
      companyIndex(head),
      members.map((member) => member.lane),
      members.map((member) => member.depth),
    ],
  );
  return {
    cursor: report.cursor,
    range: [report.range.from, report.range.to],
    simulated: report.lanes.some((lane) => lane.world === "simulated"),
    hasEffects: report.lanes.some((lane) => lane.effects.length > 0),
    geometry: LANE_GEOMETRY,
    statusColors: STATUS_COLORS,
    effectColors: EFFECT_COLORS,
    effectRows: EFFECT_ROWS,
    companies: companies.entries,
    sources: sources.entries,
    rules: rules.entries,
    lanes,
    groups,
  };
}

/**
 * The data as JSON that can sit in a `<script type="application/json">`: no `<` (so no
 * `</script>` or `<!--`) and no line separators.
 */
export function embeddedJson(data: ReportData): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function eventData(
  event: FactEvent,
  lane: ReportLane,
  after: ReportLane["timeline"]["steps"][number]["after"],
  source: (entry: SourceData) => number,
): EventData {
  const data = event.data as Record<string, unknown>;
  const field = (name: string) => (typeof data[name] === "string" ? (data[name] as string) : "");
  const details: EventDetails = [
    field("court"),
    field("docket"),
    field("judge"),
    field("document"),
    field("listedAs"),
  ];
  const defaultId = defaultEventId(lane.stream, event.seq);
  const entry: EventData = [
    event.effective,
    event.type,
    event.precision === "month" ? 1 : 0,
    !isLifecycleEventType(event.type) || isInformational(event.type) ? 1 : 0,
    event.data.description,
    event.confidence,
    event.known !== undefined && event.known !== event.effective ? event.known : null,
    event.id === defaultId ? event.seq : event.id,
    after.state.listing,
    after.state.litigation,
    after.status,
    event.sources.map((s) => source([s.publisher, s.title, s.url])),
  ];
  if (details.some((text) => text !== "")) entry.push(details);
  return entry;
}

/** Entries stored once each, by key, in the order first met. */
class Table<T> {
  readonly entries: T[] = [];
  readonly #indexes = new Map<string, number>();
  readonly #key: (entry: T) => string;

  constructor(key: (entry: T) => string) {
    this.#key = key;
  }

  index(entry: T): number {
    const key = this.#key(entry);
    let index = this.#indexes.get(key);
    if (index === undefined) {
      index = this.entries.push(entry) - 1;
      this.#indexes.set(key, index);
    }
    return index;
  }
}
