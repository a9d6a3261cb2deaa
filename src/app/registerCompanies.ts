import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Company } from "../domain/companySchema.js";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import { SlugSchema } from "../domain/eventSchema.js";
import { AppendRejectedError } from "../store/appendErrors.js";
import { COMPANIES_FILE, readCompanies } from "../store/readCompanies.js";
import { updateCompanies } from "../store/writeCompanies.js";

/** A company that events are about to be appended for, with the name to register it under. */
export interface CompanyToAppend {
  company: string;
  program: string;
  /** Its full name, to create its registry entry if it has none. */
  name?: string;
  /** Which of the drafts it came from (for the error), when there are several. */
  index?: number;
}

/**
 * The registry entries that appending for these companies needs: none when the log has no
 * registry (then `verify` does not ask for one) or every company has an entry; a new entry for
 * each new company that comes with a name. Throws `AppendRejectedError` for a new company without
 * a name, with the hint to give one: a successful append never leaves a company `verify` rejects.
 *
 * @example
 * entriesNeeded("events", [{ company: "acme", program: "dod-1260h", name: "Acme Corp." }]); // [{ id: "acme", ... }]
 */
export function entriesNeeded(dir: string, companies: readonly CompanyToAppend[]): Company[] {
  if (!existsSync(join(dir, COMPANIES_FILE))) return [];
  const known = new Set(readCompanies(dir).map((company) => company.id));
  const needed: Company[] = [];
  for (const { company, program, name, index } of companies) {
    if (company === EDITIONS_COMPANY || known.has(company)) continue;
    // An id that is no slug is the append's to reject, with its own message.
    if (!SlugSchema.safeParse(company).success) continue;
    if (name === undefined || name.trim() === "") {
      throw new AppendRejectedError(
        `${company}/${program}`,
        `${company} is not in the company registry ${join(dir, COMPANIES_FILE)}: give its full name (append --name "...", or "companyName" in an import line) to add it, or use the id of a company the registry has`,
        "company",
        index,
      );
    }
    known.add(company);
    needed.push({ id: company, name: name.trim(), aliases: [], identifiers: {} });
  }
  return needed;
}

/**
 * Adds the entries to the registry (under its lock; an entry someone added meanwhile is kept).
 *
 * @example
 * addEntries("events", entriesNeeded("events", companies));
 */
export function addEntries(dir: string, entries: readonly Company[]): void {
  if (entries.length === 0) return;
  updateCompanies(dir, (current) => [
    ...current,
    ...entries.filter((entry) => !current.some((company) => company.id === entry.id)),
  ]);
}
