import type { Company } from "../domain/companySchema.js";
import type { DesignationEvent } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import { RecentMap } from "../domain/recentMap.js";
import { effectsOf } from "../query/effectsOf.js";
import { matchScreenName, type ScreenMatch } from "../query/screenMatch.js";
import type { ScreenRecordView, ScreenStream } from "../report/screenAnswer.js";
import { companyStreamFiles, type StreamFile } from "../store/streamFiles.js";
import { knownCompanies } from "./companies.js";
import { timelinesOf } from "./loadTimelines.js";
import { cacheDirFor, foldedTimeline, TimelineCache } from "./timelineCache.js";

/** How many answers (names matched, streams as known on a date) a record keeps at most. */
const MAX_KEPT = 20_000;
/** How many stream files' events a record keeps read, for views as known on a date. */
const MAX_FILES_READ = 2_000;

/**
 * The whole record as a screen reads it, loaded once: every company's streams with their effects
 * (the log as it stands), the registry's names and parent links. The streams as known on a date
 * are folded on first need and kept by the date their knowledge last changed (so a million rows
 * on a thousand dates fold each stream a few times), at most `MAX_KEPT` of them (then forgotten
 * together); of the names matched, those used lately are kept (`RecentMap`, `MAX_KEPT` a
 * generation), so memory does not grow with the rows.
 *
 * @example
 * const record = new ScreenRecord("events");
 * record.match("XIAOMI CORP-CLASS B").company?.id; // "xiaomi"
 */
export class ScreenRecord implements ScreenRecordView {
  readonly companies: readonly Company[];
  private readonly byId: Map<string, Company>;
  private readonly children = new Map<string, string[]>();
  private readonly streams = new Map<string, ScreenStream[]>();
  private readonly files = new Map<string, StreamFile[]>();
  private readonly cache: TimelineCache;
  private readonly knownViews = new Map<StreamFile, FileViews>();
  private viewsFolded = 0;
  private readonly matches = new RecentMap<string, ScreenMatch>(MAX_KEPT);
  private readonly changeDates = new Map<string, IsoDate[]>();
  private readonly learntDates = new Map<string, IsoDate[]>();
  private readonly events = new RecentMap<string, readonly DesignationEvent[]>(MAX_FILES_READ);

  constructor(dir: string, options: { cacheDir?: string } = {}) {
    const cacheDir = options.cacheDir ?? cacheDirFor(dir);
    this.cache = new TimelineCache(cacheDir);
    this.companies = knownCompanies(dir);
    this.byId = new Map(this.companies.map((company) => [company.id, company]));
    for (const company of this.companies) {
      if (company.parent === undefined) continue;
      this.children.set(company.parent, [...(this.children.get(company.parent) ?? []), company.id]);
    }
    for (const timeline of timelinesOf(dir, { cacheDir })) {
      const streams = this.streams.get(timeline.company) ?? [];
      streams.push({ timeline, effects: effectsOf(timeline) });
      this.streams.set(timeline.company, streams);
    }
    for (const file of companyStreamFiles(dir)) {
      this.files.set(file.company, [...(this.files.get(file.company) ?? []), file]);
    }
  }

  /**
   * Which company a screened name is (`matchScreenName`), remembered.
   *
   * @example
   * record.match("CHINA MOBILE LTD").how; // "name"
   */
  match(name: string): ScreenMatch {
    let match = this.matches.get(name);
    if (match === undefined) {
      match = matchScreenName(name, this.companies);
      this.matches.set(name, match);
    }
    return match;
  }

  /**
   * A registry entry by id.
   *
   * @example
   * record.company("xiaomi")?.name; // "Xiaomi Corporation"
   */
  company(id: string): Company | undefined {
    return this.byId.get(id);
  }

  /**
   * The registry's companies that name `id` as their parent.
   *
   * @example
   * record.childrenOf("smic"); // ["semiconductor-manufacturing-international-beijing", ...]
   */
  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /**
   * A company's streams with their effects: as the log stands, or as known on `knownAt`.
   *
   * @example
   * record.streamsOf("xiaomi", "2021-02-01")[0]?.timeline.intervals.length; // 2
   */
  streamsOf(id: string, knownAt?: IsoDate): readonly ScreenStream[] {
    if (knownAt === undefined) return this.streams.get(id) ?? [];
    const streams: ScreenStream[] = [];
    for (const file of this.files.get(id) ?? []) {
      const stream = this.streamAsKnown(file, knownAt);
      if (stream !== undefined) streams.push(stream);
    }
    return streams;
  }

  /**
   * The days `[from, to)` around `date` on which nothing an answer about `id` reads changes: a
   * status, an effect or a month's certainty of the company (`family`: of its parent and its
   * subsidiaries too), as the log stands or (`asKnown`) as known on each day: then between two
   * dates the record learnt something of them, and only the views known on `date` are read.
   * `from` is "" before the first such date, `to` null after the last.
   *
   * @example
   * record.stretchAround("xiaomi", "2021-04-01", { family: false, asKnown: false }); // { from: "2021-03-15", to: "2021-05-11" }
   */
  stretchAround(
    id: string,
    date: IsoDate,
    options: { family: boolean; asKnown: boolean },
  ): { from: IsoDate; to: IsoDate | null } {
    const subjects = options.family ? this.familyOf(id) : [id];
    const key = subjects.join("\0");
    if (!options.asKnown) {
      let dates = this.changeDates.get(key);
      if (dates === undefined) {
        const streams = subjects.flatMap((subject) => this.streamsOf(subject));
        dates = sortedUnique(streams.flatMap(changeDatesOfStream));
        this.changeDates.set(key, dates);
      }
      return stretchIn(dates, date);
    }
    // As known: the days between two dates the record learnt something of these companies, on
    // which the views known on `date` do not change either.
    let learnt = this.learntDates.get(key);
    if (learnt === undefined) {
      const files = subjects.flatMap((subject) => this.files.get(subject) ?? []);
      learnt = sortedUnique(files.flatMap((file) => this.knownDatesOf(file)));
      this.learntDates.set(key, learnt);
    }
    let { from, to } = stretchIn(learnt, date);
    for (const subject of subjects) {
      for (const stream of this.streamsOf(subject, date)) {
        const around = stretchIn(changeDatesOfStream(stream), date);
        if (around.from > from) from = around.from;
        if (around.to !== null && (to === null || around.to < to)) to = around.to;
      }
    }
    return { from, to };
  }

  /** The company, its parent and its subsidiaries. */
  private familyOf(id: string): string[] {
    const parent = this.byId.get(id)?.parent;
    return [id, ...(parent === undefined ? [] : [parent]), ...this.childrenOf(id)];
  }

  /** Writes back what the timeline cache learnt. */
  close(): void {
    this.cache.flush();
  }

  /** The dates on which the stream's knowledge changed, in order. */
  private knownDatesOf(file: StreamFile): IsoDate[] {
    return this.viewsOf(file).dates;
  }

  /** A stream file's knowledge dates and the views folded as known on them (on need). */
  private viewsOf(file: StreamFile): FileViews {
    let views = this.knownViews.get(file);
    if (views === undefined) {
      const events = this.eventsOf(file);
      const dates = [...new Set(events.map((event) => event.known ?? event.effective))].sort();
      views = { dates, views: [] };
      this.knownViews.set(file, views);
    }
    return views;
  }

  /** A stream file's events, read once (while used lately) for the views folded of them. */
  private eventsOf(file: StreamFile): readonly DesignationEvent[] {
    let events = this.events.get(file.file);
    if (events === undefined) {
      events = this.cache.events(file.file, file.company, file.program);
      this.events.set(file.file, events);
    }
    return events;
  }

  /** The stream as known on `knownAt` (its view as of the last date it learnt something), if known then. */
  private streamAsKnown(file: StreamFile, knownAt: IsoDate): ScreenStream | undefined {
    const { dates, views } = this.viewsOf(file);
    const epoch = datesUpTo(dates, knownAt) - 1;
    if (epoch < 0) return undefined;
    let stream = views[epoch];
    if (stream === undefined) {
      if (this.viewsFolded >= MAX_KEPT) {
        for (const kept of this.knownViews.values()) kept.views = [];
        this.viewsFolded = 0;
      }
      const name = `${file.company}/${file.program}`;
      const timeline = foldedTimeline(file.file, name, this.eventsOf(file), {
        view: { knownAt: dates[epoch] as IsoDate },
      });
      stream = { timeline, effects: effectsOf(timeline) };
      this.viewsOf(file).views[epoch] = stream;
      this.viewsFolded += 1;
    }
    return stream;
  }
}

/** A stream file's knowledge dates, in order, and its views as known on each (folded on need). */
interface FileViews {
  dates: IsoDate[];
  views: (ScreenStream | undefined)[];
}

/** The first day of the month after `YYYY-MM`. */
function nextMonth(month: string): IsoDate {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01-01` : `${year}-${String(number + 1).padStart(2, "0")}-01`;
}

/** The answer-changing dates of a stream, sorted: its statuses, effects and uncertain months. */
const streamDates = new WeakMap<ScreenStream, IsoDate[]>();
function changeDatesOfStream(stream: ScreenStream): IsoDate[] {
  let dates = streamDates.get(stream);
  if (dates === undefined) {
    const all: IsoDate[] = [];
    for (const interval of stream.timeline.intervals) {
      all.push(interval.from);
      if (interval.to !== null) all.push(interval.to);
    }
    for (const effect of stream.effects) {
      for (const date of [effect.from, effect.to, effect.due.from, effect.due.to]) {
        if (date !== null) all.push(date);
      }
    }
    for (const month of stream.timeline.uncertainMonths) all.push(`${month}-01`, nextMonth(month));
    dates = sortedUnique(all);
    streamDates.set(stream, dates);
  }
  return dates;
}

function sortedUnique(dates: readonly IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort();
}

/** The days `[from, to)` between the dates of `dates` (sorted) around `date`. */
function stretchIn(
  dates: readonly IsoDate[],
  date: IsoDate,
): { from: IsoDate; to: IsoDate | null } {
  const low = datesUpTo(dates, date);
  return { from: dates[low - 1] ?? "", to: dates[low] ?? null };
}

/** How many of `dates` (sorted) fall on or before `date`. */
function datesUpTo(dates: readonly IsoDate[], date: IsoDate): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((dates[middle] as IsoDate) <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}
