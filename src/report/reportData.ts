import type { Company } from "../domain/companySchema.js";
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
  const builder = new ReportDataBuilder(report.companies ?? []);
  for (const lane of report.lanes) builder.addLane(lane);
  return builder.data(report);
}

/**
 * The report's data built one lane at a time: each lane's events become compact arrays as it is
 * added, so its steps can be let go (a report of a whole large log need not hold every event).
 * `data` then takes the report with the same lanes in the same order, their steps no longer
 * needed.
 *
 * @example
 * const builder = new ReportDataBuilder(companies);
 * for (const lane of lanes) builder.addLane(lane);
 * builder.data({ ...report, lanes: lanes.map(withoutSteps) });
 */
export class ReportDataBuilder {
  readonly #registry: Map<string, Company>;
  readonly #companies = new Table<CompanyData>((entry) => entry[0]);
  readonly #sources = new Table<SourceData>((entry) => entry.join("\n"));
  readonly #rules = new Table<string>((rule) => rule);
  readonly #lanes: LaneData[] = [];

  constructor(companies: readonly Company[]) {
    this.#registry = new Map(companies.map((company) => [company.id, company]));
  }

  addLane(lane: ReportLane): void {
    const company = this.#companyIndex(lane.company, lane.companyName);
    const events = lane.timeline.steps.map((step) =>
      eventData(step.event, lane, step.after, (source) => this.#sources.index(source)),
    );
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
      band.rule === undefined ? -1 : this.#rules.index(band.rule),
    ]);
    this.#lanes.push([
      lane.stream,
      company,
      lane.program,
      lane.world === "simulated" ? 1 : 0,
      intervals,
      lane.timeline.uncertainMonths,
      events,
      effects,
    ]);
  }

  data(report: Report): ReportData {
    const groups = laneGroups(report.lanes, report.companies ?? []).map(
      ({ head, members }): GroupData => [
        this.#companyIndex(head),
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
      companies: this.#companies.entries,
      sources: this.#sources.entries,
      rules: this.#rules.entries,
      lanes: this.#lanes,
      groups,
    };
  }

  #companyIndex(id: string, name?: string): number {
    const entry = this.#registry.get(id);
    return this.#companies.index([id, name ?? entry?.name ?? id, entry?.aliases ?? []]);
  }
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
