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
  return JSON.parse(reportDataJson(report)) as ReportData;
}

/**
 * `reportData` as the page embeds it (see `embeddedJson`), built lane by lane.
 *
 * @example
 * reportDataJson(report).startsWith('{"cursor":'); // true
 */
export function reportDataJson(report: Report): string {
  const builder = new ReportDataBuilder(report.companies ?? []);
  for (const lane of report.lanes) builder.addLane(lane);
  return builder.embeddedJson(report);
}

/**
 * The report's data built one lane at a time: each lane becomes its embedded JSON text as it is
 * added (about a tenth of the memory of its events), so its steps can be let go and a report of
 * a whole large log need not hold every event. `embeddedJson` then takes the report with the same
 * lanes in the same order, their steps no longer needed, and hands the text over: the builder is
 * empty afterwards.
 *
 * @example
 * const builder = new ReportDataBuilder(companies);
 * for (const lane of lanes) builder.addLane(lane);
 * builder.embeddedJson({ ...report, lanes: lanes.map(withoutSteps) });
 */
export class ReportDataBuilder {
  readonly #registry: Map<string, Company>;
  readonly #companies = new Table<CompanyData>((entry) => entry[0]);
  readonly #sources = new Table<SourceData>((entry) => entry.join("\n"));
  readonly #rules = new Table<string>((rule) => rule);
  #lanes: string[] = [];

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
    const data: LaneData = [
      lane.stream,
      company,
      lane.program,
      lane.world === "simulated" ? 1 : 0,
      intervals,
      lane.timeline.uncertainMonths,
      events,
      effects,
    ];
    this.#lanes.push(embeddable(JSON.stringify(data)));
  }

  /** The whole data as the page embeds it (see `embeddedJson`), its keys in `ReportData`'s order. */
  embeddedJson(report: Report): string {
    const groups = laneGroups(report.lanes, report.companies ?? []).map(
      ({ head, members }): GroupData => [
        this.#companyIndex(head),
        members.map((member) => member.lane),
        members.map((member) => member.depth),
      ],
    );
    const rest: Omit<ReportData, "lanes"> = {
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
      groups,
    };
    const lanes = `[${this.#handOver().join(",")}]`;
    const json = embeddable(JSON.stringify(rest));
    // The lanes go in before the groups, where ReportData has them.
    const at = json.lastIndexOf(',"groups":');
    return `${json.slice(0, at)},"lanes":${lanes}${json.slice(at)}`;
  }

  #handOver(): string[] {
    const lanes = this.#lanes;
    this.#lanes = [];
    return lanes;
  }

  #companyIndex(id: string, name?: string): number {
    const entry = this.#registry.get(id);
    return this.#companies.index([id, name ?? entry?.name ?? id, entry?.aliases ?? []]);
  }
}

/**
 * The data as JSON that can sit in a `<script type="application/json">`: no `<` (so no
 * `</script>` or `<!--`), and nothing but ASCII (every other character as `\\uXXXX`, line
 * separators too), so that a large page's text takes one byte a character.
 *
 * @example
 * embeddedJson(reportData(report)); // '{"cursor":"2021-04-01",...}'
 */
export function embeddedJson(data: ReportData): string {
  return embeddable(JSON.stringify(data));
}

function embeddable(json: string): string {
  return json.replace(
    /[<\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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
