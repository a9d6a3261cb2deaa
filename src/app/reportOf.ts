import type { IsoDate } from "../domain/isoDate.js";
import type { LogView } from "../domain/logView.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { effectBands } from "../report/effectBands.js";
import { reportHtml } from "../report/reportHtml.js";
import { reportLanes } from "../report/reportLanes.js";
import { ReportDataBuilder } from "../report/reportData.js";
import { DateBounds, type Report, type ReportLane } from "../report/reportModel.js";
import { programsOf } from "../store/streamFiles.js";
import { readCompanies } from "../store/readCompanies.js";
import { companyNamed } from "./companies.js";
import { companyIdsOf, timelinesOf } from "./loadTimelines.js";

/** Which report to make. */
export interface ReportRequest {
  /** Ids or names of companies; none for every stream. */
  companies?: readonly string[];
  program?: string;
  view?: LogView;
  /** Where the date cursor starts; default today, or the axis's nearer end when off it. */
  at?: IsoDate;
  /**
   * The axis's first and last days; by default, around what is drawn (every event, interval and
   * effect). Given, they win: the page draws only what falls within them.
   */
  from?: IsoDate;
  to?: IsoDate;
  /** Today, for the page's date and the cursor. */
  today: IsoDate;
  /** Told what the subtitle says after the count of streams (the view, for example). */
  subtitleSuffix?: string;
}

/** The report page and what it holds. */
export interface ReportPage {
  html: string;
  streams: number;
  events: number;
  range: { from: IsoDate; to: IsoDate };
}

/**
 * The HTML report of the log (or some companies, or one program) as the view sees it: one lane
 * per stream with the effects of its program's rules, the date cursor, and the lifecycle diagram.
 * Throws `UnknownProgramError`, `UnknownCompanyError` or `LogError`.
 *
 * @example
 * reportOf("events", { companies: ["xiaomi"], today: "2026-11-30" }).streams; // 2
 */
export function reportOf(dir: string, request: ReportRequest): ReportPage {
  const companies = readCompanies(dir);
  const wanted = wantedCompanies(dir, request.companies ?? [], request.program);
  const builder = new ReportDataBuilder(companies);
  const bounds = new DateBounds();
  const lanes: ReportLane[] = [];
  let events = 0;
  // One stream at a time: each lane's events become the page's data as it comes, and only the
  // lane without its steps is kept.
  for (const timeline of timelinesOf(dir, {
    view: request.view,
    steps: true,
    program: request.program,
  })) {
    if (wanted !== undefined && !wanted.has(timeline.company)) continue;
    const [lane] = reportLanes([timeline], companies, "actual", effectBands) as [ReportLane];
    builder.addLane(lane);
    bounds.addLane(lane);
    events += timeline.steps.length;
    lanes.push({ ...lane, timeline: { ...timeline, steps: [] } });
  }
  const { at, today } = request;
  const range = bounds.range(
    [at ?? today],
    { from: request.from, to: request.to },
    at === undefined,
  );
  const names = [...new Set(lanes.map((lane) => lane.companyName))];
  const count = `${lanes.length} ${lanes.length === 1 ? "stream" : "streams"}`;
  const report: Report = {
    title: `Designations: ${titleOf(names, wanted === undefined)}`,
    subtitle: `${count} from the event log${request.subtitleSuffix ?? ""}`,
    generated: today,
    cursor: at ?? (today < range.from ? range.from : today < range.to ? today : range.to),
    range,
    lanes,
    companies,
  };
  return {
    html: reportHtml(report, builder.embeddedJson(report)),
    streams: lanes.length,
    events,
    range,
  };
}

/** The ids of the companies asked for (none: every company); the program must be the log's. */
function wantedCompanies(
  dir: string,
  companies: readonly string[],
  program: string | undefined,
): Set<string> | undefined {
  if (program !== undefined) {
    const programs = programsOf(dir);
    if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
  }
  if (companies.length === 0) return undefined;
  const ids = companyIdsOf(dir);
  return new Set(companies.map((name) => companyNamed(dir, name, ids).id));
}

function titleOf(names: string[], everyStream: boolean): string {
  if (everyStream) return "every stream";
  return names.length <= 2 ? names.join(" and ") : `${names.length} companies`;
}
