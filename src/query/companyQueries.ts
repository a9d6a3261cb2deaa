import type { IsoDate } from "../domain/isoDate.js";
import { neverListed, type Timeline } from "../domain/timeline.js";
import { UnknownCompanyError, UnknownProgramError } from "./queryErrors.js";
import { statusAt } from "./statusAt.js";
import type { StreamStatus } from "./streamStatus.js";

/**
 * A company's timelines, one per program, optionally on one program only. A company with no
 * stream on a program the log knows has an empty timeline there: it was never listed on it.
 * Throws `UnknownCompanyError` or `UnknownProgramError` for ids the log does not have.
 *
 * @example
 * companyTimelines(timelines, "xiaomi").map((t) => t.program); // ["dod-1237"]
 */
export function companyTimelines(
  timelines: readonly Timeline[],
  company: string,
  program?: string,
): Timeline[] {
  const own = timelines.filter((timeline) => timeline.company === company);
  if (own.length === 0)
    throw new UnknownCompanyError(company, distinct(timelines.map((t) => t.company)));
  if (program === undefined) return own;
  assertKnownProgram(timelines, program);
  const onProgram = own.filter((timeline) => timeline.program === program);
  if (onProgram.length > 0) return onProgram;
  return [neverListed(company, program)];
}

/**
 * A company's status on `date` on each of its programs (or on one).
 *
 * @example
 * companyStatus(timelines, "xiaomi", "2021-04-01")[0]?.status; // "enjoined"
 */
export function companyStatus(
  timelines: readonly Timeline[],
  company: string,
  date: IsoDate,
  program?: string,
): StreamStatus[] {
  return companyTimelines(timelines, company, program).map((timeline) => statusAt(timeline, date));
}

export interface ListFilter {
  status?: string;
  program?: string;
}

/**
 * Every stream's status on `date`, optionally only those on one program or with one status.
 *
 * @example
 * listStreams(timelines, "2021-04-01", { status: "enjoined" }).map((s) => s.company); // ["xiaomi"]
 */
export function listStreams(
  timelines: readonly Timeline[],
  date: IsoDate,
  filter: ListFilter = {},
): StreamStatus[] {
  if (filter.program !== undefined) assertKnownProgram(timelines, filter.program);
  return timelines
    .filter((timeline) => filter.program === undefined || timeline.program === filter.program)
    .map((timeline) => statusAt(timeline, date))
    .filter((status) => filter.status === undefined || status.status === filter.status);
}

function assertKnownProgram(timelines: readonly Timeline[], program: string): void {
  const programs = distinct(timelines.map((t) => t.program));
  if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
