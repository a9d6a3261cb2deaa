import type { Company } from "../domain/companySchema.js";
import { readCompanies } from "../log/readCompanies.js";
import { readLog } from "../log/readLog.js";
import { resolveCompany } from "../query/resolveCompany.js";
import { replayLogStrict } from "../replay/replayLog.js";
import type { Timeline } from "../replay/timeline.js";
import type { CliIo, OptionValues } from "./command.js";
import { stringOption, viewOption } from "./optionValues.js";

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
