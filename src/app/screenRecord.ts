import type { Company } from "../domain/companySchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import { effectsOf } from "../query/effectsOf.js";
import { matchScreenName, type ScreenMatch } from "../query/screenMatch.js";
import type { ScreenRecordView, ScreenStream } from "../report/screenAnswer.js";
import { companyStreamFiles, type StreamFile } from "../store/streamFiles.js";
import { knownCompanies } from "./companies.js";
import { timelinesOf } from "./loadTimelines.js";
import { cacheDirFor, TimelineCache } from "./timelineCache.js";

/** How many answers (names matched, streams as known on a date) a record keeps at most. */
const MAX_KEPT = 20_000;

/**
 * The whole record as a screen reads it, loaded once: every company's streams with their effects
 * (the log as it stands), the registry's names and parent links. The streams as known on a date
 * are folded on first need and kept by the date their knowledge last changed (so a million rows
 * on a thousand dates fold each stream a few times), as are the names matched; both are kept to
 * `MAX_KEPT` entries, so memory does not grow with the rows.
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
  private readonly knownDates = new Map<string, string[]>();
  private readonly views = new Map<string, ScreenStream>();
  private readonly matches = new Map<string, ScreenMatch>();

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
      if (this.matches.size >= MAX_KEPT) this.matches.clear();
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
    return (this.files.get(id) ?? []).flatMap((file) => {
      const epoch = this.lastKnownDate(file, knownAt);
      return epoch === undefined ? [] : [this.streamAsKnown(file, epoch)];
    });
  }

  /** Writes back what the timeline cache learnt. */
  close(): void {
    this.cache.flush();
  }

  /** The last date on or before `knownAt` on which the stream's knowledge changed. */
  private lastKnownDate(file: StreamFile, knownAt: IsoDate): IsoDate | undefined {
    let dates = this.knownDates.get(file.file);
    if (dates === undefined) {
      const events = this.cache.events(file.file, file.company, file.program);
      dates = [...new Set(events.map((event) => event.known ?? event.effective))].sort();
      this.knownDates.set(file.file, dates);
    }
    let low = 0;
    let high = dates.length - 1;
    let found: IsoDate | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const date = dates[middle] as IsoDate;
      if (date <= knownAt) {
        found = date;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  private streamAsKnown(file: StreamFile, knownAt: IsoDate): ScreenStream {
    const key = `${file.file}\0${knownAt}`;
    let stream = this.views.get(key);
    if (stream === undefined) {
      if (this.views.size >= MAX_KEPT) this.views.clear();
      const timeline = this.cache.timeline(file.file, file.company, file.program, {
        view: { knownAt },
      });
      stream = { timeline, effects: effectsOf(timeline) };
      this.views.set(key, stream);
    }
    return stream;
  }
}
