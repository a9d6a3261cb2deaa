import type { IsoDate } from "../domain/isoDate.js";
import type { LogView } from "../domain/logView.js";
import type { Timeline } from "../domain/timeline.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { effectBands } from "../report/effectBands.js";
import { reportHtml } from "../report/reportHtml.js";
import { reportLanes } from "../report/reportLanes.js";
import { reportRange } from "../report/reportModel.js";
import { readCompanies } from "../store/readCompanies.js";
import { companyNamed } from "./companies.js";
import { loadTimelines } from "./loadTimelines.js";

/** Which report to make. */
export interface ReportRequest {
  /** Ids or names of companies; none for every stream. */
  companies?: readonly string[];
  program?: string;
  view?: LogView;
  /** Where the date cursor starts; default today, or the axis's end if earlier. */
  at?: IsoDate;
  /** The axis's first and last days; by default, around what is drawn. */
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
  const all = loadTimelines(dir, { view: request.view, steps: true });
  const timelines = selected(dir, all, request.companies ?? [], request.program);
  const companies = readCompanies(dir);
  const lanes = reportLanes(timelines, companies, "actual", effectBands);
  const { at, today } = request;
  const explicit = { from: request.from, to: request.to };
  const range = reportRange(lanes, [at ?? today], explicit, at === undefined);
  const names = [...new Set(lanes.map((lane) => lane.companyName))];
  const everyStream = (request.companies ?? []).length === 0;
  const count = `${lanes.length} ${lanes.length === 1 ? "stream" : "streams"}`;
  const html = reportHtml({
    title: `Designations: ${titleOf(names, everyStream)}`,
    subtitle: `${count} from the event log${request.subtitleSuffix ?? ""}`,
    generated: today,
    cursor: at ?? (today < range.to ? today : range.to),
    range,
    lanes,
    companies,
  });
  const events = lanes.reduce((sum, lane) => sum + lane.timeline.steps.length, 0);
  return { html, streams: lanes.length, events, range };
}

function selected(
  dir: string,
  all: Timeline[],
  companies: readonly string[],
  program: string | undefined,
): Timeline[] {
  if (program !== undefined && !all.some((timeline) => timeline.program === program)) {
    throw new UnknownProgramError(program, [...new Set(all.map((t) => t.program))].sort());
  }
  const ids = all.map((timeline) => timeline.company);
  const wanted = companies.map((name) => companyNamed(dir, name, ids).id);
  return all.filter(
    (timeline) =>
      (wanted.length === 0 || wanted.includes(timeline.company)) &&
      (program === undefined || timeline.program === program),
  );
}

function titleOf(names: string[], everyStream: boolean): string {
  if (everyStream) return "every stream";
  return names.length <= 2 ? names.join(" and ") : `${names.length} companies`;
}
