import type { Company } from "../domain/companySchema.js";
import { resolveCompany } from "../query/resolveCompany.js";
import { readCompanies } from "../store/readCompanies.js";
import { companyIdsOf } from "./loadTimelines.js";

/**
 * The company a user named (by id, name or alias, as `resolveCompany` matches), with its
 * registry entry if it has one. `ids` are the companies with streams (default: read from the
 * log's folders). Throws `UnknownCompanyError` or `AmbiguousCompanyError`.
 *
 * @example
 * companyNamed("events", "Xiaomi Corp").id; // "xiaomi"
 */
export function companyNamed(
  dir: string,
  query: string,
  ids: readonly string[] = companyIdsOf(dir),
): { id: string; company: Company | undefined } {
  const companies = readCompanies(dir);
  const id = resolveCompany(query, companies, ids);
  return { id, company: companies.find((company) => company.id === id) };
}

/**
 * The registry, and a bare entry (its id for a name) for each company of the log it does not
 * describe: every company a search can find.
 *
 * @example
 * knownCompanies("events").find((company) => company.id === "xiaomi")?.name; // "Xiaomi Corporation"
 */
export function knownCompanies(dir: string): Company[] {
  const companies = readCompanies(dir);
  const described = new Set(companies.map((company) => company.id));
  const bare = companyIdsOf(dir)
    .filter((id) => !described.has(id))
    .map((id): Company => ({ id, name: id, aliases: [], identifiers: {} }));
  return [...companies, ...bare];
}

export { readCompanies } from "../store/readCompanies.js";
