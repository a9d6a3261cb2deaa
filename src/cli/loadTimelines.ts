import type { Company } from "../domain/companySchema.js";
import { existsSync, statSync } from "node:fs";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import { join } from "node:path";
import { folderEntries } from "../log/folderEntries.js";
import { LogError } from "../log/logError.js";
import { readCompanies } from "../log/readCompanies.js";
import { cachedTimeline, cacheDirFor } from "../log/timelineCache.js";
import { companyTimelines } from "../query/companyQueries.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { readLog } from "../log/readLog.js";
import { resolveCompany } from "../query/resolveCompany.js";
import { replayLogStrict } from "../replay/replayLog.js";
import type { Timeline } from "../replay/timeline.js";
import type { CliIo, OptionValues } from "./command.js";
import { stringOption, viewOption } from "./optionValues.js";
import { type Progress, progressBar } from "./progressBar.js";

/**
 * Reads and replays the log named by `--events` (or the default), as `--known-at` and
 * `--recorded-at` see it; throws `LogError` on any problem.
 */
export function loadTimelines(values: OptionValues, io: CliIo): Timeline[] {
  return replayLogStrict(readLog(eventsDirOf(values, io)), viewOption(values));
}

export function eventsDirOf(values: OptionValues, io: CliIo): string {
  return stringOption(values, "events") ?? io.defaultEventsDir;
}

/** The company a user named (by id, name or alias), with its registry entry if it has one. */
export function companyNamed(
  query: string,
  companyIds: readonly string[],
  values: OptionValues,
  io: CliIo,
): { id: string; company: Company | undefined } {
  const companies = readCompanies(eventsDirOf(values, io));
  const id = resolveCompany(query, companies, companyIds);
  return { id, company: companies.find((company) => company.id === id) };
}

/** `Xiaomi Corporation (xiaomi)`, or the bare id when the registry does not name it. */
export function companyLabel(id: string, company: Company | undefined): string {
  return company === undefined ? id : `${company.name} (${id})`;
}

/** Every stream file of the events folder, by program and company, without reading them. */
export function streamFilesOf(dir: string): { file: string; company: string; program: string }[] {
  if (!existsSync(dir)) throw new LogError([{ file: dir, message: "no such events folder" }]);
  return folderEntries(dir, "directory").flatMap((program) =>
    folderEntries(join(dir, program), "file")
      .filter((name) => name.endsWith(".jsonl") && name !== `${EDITIONS_COMPANY}.jsonl`)
      .map((name) => ({ file: join(dir, program, name), company: name.slice(0, -6), program })),
  );
}

/**
 * A company's timelines (without steps) from its own stream files only, through the timeline
 * cache: a status query reads only what changed since the last one. The rest of the log is not
 * read; `verify` checks it whole.
 */
export function companyTimelinesCached(dir: string, company: string, program?: string): Timeline[] {
  const programs = folderEntries(dir, "directory");
  if (program !== undefined && !programs.includes(program)) {
    throw new UnknownProgramError(program, programs);
  }
  const cacheDir = cacheDirFor(dir);
  const timelines = (program === undefined ? programs : [program])
    .map((p) => ({ program: p, file: join(dir, p, `${company}.jsonl`) }))
    .filter(({ file }) => existsSync(file))
    .map(({ program: p, file }) => cachedTimeline(file, company, p, cacheDir));
  if (timelines.length > 0 || program === undefined) return timelines;
  return [
    {
      stream: `${company}/${program}`,
      company,
      program,
      intervals: [],
      steps: [],
      uncertainMonths: [],
    },
  ];
}

/** A progress bar for reading the whole log in a terminal (see progressBar). */
export function logProgress(dir: string): Progress {
  if (!process.stderr.isTTY || !existsSync(dir)) return progressBar(0);
  const total = streamFilesOf(dir).reduce((sum, { file }) => sum + statSync(file).size, 0);
  return progressBar(total);
}

/**
 * The timelines of the company a user named, on one program or all: as the log stands now
 * through the cache (its own files only), or, for a view of the past (`--known-at`,
 * `--recorded-at`), from the whole log replayed.
 */
export function companyTimelinesOf(
  query: string,
  values: OptionValues,
  io: CliIo,
): { company: string; label: string; timelines: Timeline[] } {
  const program = stringOption(values, "program");
  const view = viewOption(values);
  const dir = eventsDirOf(values, io);
  const now = view.knownAt === undefined && view.recordedAt === undefined;
  const all = now ? undefined : loadTimelines(values, io);
  const ids = all?.map((t) => t.company) ?? streamFilesOf(dir).map((f) => f.company);
  const { id, company } = companyNamed(query, ids, values, io);
  const timelines =
    all === undefined
      ? companyTimelinesCached(dir, id, program)
      : companyTimelines(all, id, program);
  return { company: id, label: companyLabel(id, company), timelines };
}
