import { existsSync, statSync } from "node:fs";
import type { LogView } from "../domain/logView.js";
import { neverListed, type Timeline } from "../domain/timeline.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import {
  allStreamFiles,
  companyStreamFiles,
  programsOf,
  type StreamFile,
  ownStreamFile,
} from "../store/streamFiles.js";
import { cacheDirFor, TimelineCache } from "./timelineCache.js";

/** Which timelines to load, and how. */
export interface LoadOptions {
  /** Which part of the log to see (`--known-at`, `--recorded-at`); default: all of it. */
  view?: LogView;
  /** Keep each fold's steps (the events, for reports, statistics and exports); default false. */
  steps?: boolean;
  /** Only the streams of this program. */
  program?: string;
  /** Where the verified timelines are cached; default `cacheDirFor(dir)`. */
  cacheDir?: string;
  /** Told after each stream file is read: its size in bytes, and its events when steps are kept. */
  onFile?: (bytes: number, events: number) => void;
}

/**
 * Every company stream's timeline, one stream at a time, in stream order (`company/program`):
 * the one way every command reads the log. Each file is verified in full the first time it is
 * read (and again whenever it changes), then trusted through the timeline cache. After the
 * first stream that fails it yields nothing more, but reads on, and at the end throws a
 * `LogError` naming the file and line of every problem. Nothing but the current
 * stream's events is held, so a caller that consumes the timelines as they come stays small.
 *
 * @example
 * for (const timeline of timelinesOf("events", { program: "dod-1260h" })) console.log(timeline.company);
 */
export function* timelinesOf(dir: string, options: LoadOptions = {}): Generator<Timeline> {
  const files = orderedStreamFiles(dir, options.program);
  const cache = new TimelineCache(options.cacheDir ?? cacheDirFor(dir));
  const problems: LogIssue[] = [];
  try {
    for (const { file, company, program } of files) {
      let timeline: Timeline;
      try {
        timeline = cache.timeline(file, company, program, options);
      } catch (error) {
        if (!(error instanceof LogError)) throw error;
        problems.push(...error.issues);
        continue;
      }
      options.onFile?.(statSync(file).size, timeline.steps.length);
      if (problems.length === 0) yield timeline;
    }
  } finally {
    cache.flush();
  }
  if (problems.length > 0) throw new LogError(problems);
}

/**
 * Every company stream's timeline, as `timelinesOf` yields them.
 *
 * @example
 * loadTimelines("events", { view: { knownAt: "2021-03-01" } }).length; // 372
 */
export function loadTimelines(dir: string, options: LoadOptions = {}): Timeline[] {
  return [...timelinesOf(dir, options)];
}

/**
 * A company's timelines, read from its own stream files only (on one program or all): a status
 * query reads nothing else. Asked for one program, a company with no stream there gets an empty
 * timeline (never listed). Throws `UnknownProgramError` for a program the log does not have.
 *
 * @example
 * loadCompanyTimelines("events", "xiaomi", { program: "dod-1237" })[0]?.intervals.length; // 4
 */
export function loadCompanyTimelines(
  dir: string,
  company: string,
  options: LoadOptions = {},
): Timeline[] {
  const { program } = options;
  const programs = programsOf(dir);
  if (program !== undefined && !programs.includes(program)) {
    throw new UnknownProgramError(program, programs);
  }
  const cache = new TimelineCache(options.cacheDir ?? cacheDirFor(dir));
  let timelines: Timeline[];
  try {
    timelines = (program === undefined ? programs : [program])
      .map((p) => ({ program: p, ...ownStreamFile(dir, company, p) }))
      .filter(({ exists }) => exists)
      .map(({ program: p, file }) => cache.timeline(file, company, p, options));
  } finally {
    cache.flush();
  }
  if (timelines.length > 0 || program === undefined) return timelines;
  return [neverListed(company, program)];
}

/**
 * The ids of every company with a stream in the log, without reading the streams.
 *
 * @example
 * companyIdsOf("events").includes("xiaomi"); // true
 */
export function companyIdsOf(dir: string): string[] {
  const files = allStreamFiles(dir);
  let ids = companyIdsByListing.get(files);
  if (ids === undefined) {
    const companies = files.filter((stream) => stream.company !== EDITIONS_COMPANY);
    ids = Object.freeze([...new Set(companies.map((stream) => stream.company))].sort()) as string[];
    companyIdsByListing.set(files, ids);
  }
  return ids;
}

/**
 * The total size in bytes of the company streams' files: the work a whole-log read has to do.
 *
 * @example
 * logBytes("events"); // 1234567
 */
export function logBytes(dir: string): number {
  return companyStreamFiles(dir).reduce((sum, { file }) => sum + statSync(file).size, 0);
}

/**
 * The company stream files in stream order (`company/program`), as the answers list them; none
 * for a program the log does not have.
 *
 * @example
 * orderedStreamFiles("events", "dod-1237")[0]?.company; // "aviation-industry-corporation-of-china"
 */
export function orderedStreamFiles(dir: string, program: string | undefined): StreamFile[] {
  if (program !== undefined && !(existsSync(dir) && programsOf(dir).includes(program))) return [];
  const key = (file: StreamFile) => `${file.company}/${file.program}`;
  return companyStreamFiles(dir, program).sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
}

/** The companies of a listing of the log's files (the same array while the folders are unchanged). */
const companyIdsByListing = new WeakMap<readonly StreamFile[], string[]>();
