import { companyNamed } from "../app/companies.js";
import { loadCompanyTimelines, loadTimelines as loadAll, logBytes } from "../app/loadTimelines.js";
import type { Company } from "../domain/companySchema.js";
import type { Timeline } from "../domain/timeline.js";
import type { CliIo, OptionValues } from "./command.js";
import { stringOption, viewOption } from "./optionValues.js";
import { type Progress, progressBar } from "./progressBar.js";

/**
 * Every company stream's timeline of the log named by `--events` (or the default), as
 * `--known-at` and `--recorded-at` see it, with steps unless asked not to; throws `LogError` on
 * any problem.
 */
export function loadTimelines(
  values: OptionValues,
  io: CliIo,
  options: { steps?: boolean } = {},
): Timeline[] {
  return loadAll(eventsDirOf(values, io), {
    view: viewOption(values),
    steps: options.steps ?? true,
  });
}

export function eventsDirOf(values: OptionValues, io: CliIo): string {
  return stringOption(values, "events") ?? io.defaultEventsDir;
}

/** The company a user named (by id, name or alias) in the log of `--events`. */
export function companyNamedIn(
  query: string,
  values: OptionValues,
  io: CliIo,
  ids?: readonly string[],
): { id: string; company: Company | undefined } {
  return companyNamed(eventsDirOf(values, io), query, ids);
}

/** `Xiaomi Corporation (xiaomi)`, or the bare id when the registry does not name it. */
export function companyLabel(id: string, company: Company | undefined): string {
  return company === undefined ? id : `${company.name} (${id})`;
}

/** Logs under this many bytes are read too fast for a progress bar. */
const LOG_PROGRESS_MINIMUM = 1_000_000;

/** A progress bar for reading the whole log in a terminal, by bytes (see progressBar). */
export function logProgress(dir: string): Progress {
  if (!process.stderr.isTTY) return progressBar(0);
  try {
    return progressBar(logBytes(dir), { minimum: LOG_PROGRESS_MINIMUM });
  } catch {
    return progressBar(0); // no log: the command says so itself
  }
}

/**
 * The timelines of the company a user named, on `--program` or all, as `--known-at` and
 * `--recorded-at` see the log: read from its own stream files only.
 */
export function companyTimelinesOf(
  query: string,
  values: OptionValues,
  io: CliIo,
  options: { steps?: boolean } = {},
): { company: string; label: string; timelines: Timeline[] } {
  const dir = eventsDirOf(values, io);
  const { id, company } = companyNamed(dir, query);
  const timelines = loadCompanyTimelines(dir, id, {
    program: stringOption(values, "program"),
    view: viewOption(values),
    steps: options.steps,
  });
  return { company: id, label: companyLabel(id, company), timelines };
}
