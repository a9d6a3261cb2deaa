import type { Company } from "../domain/companySchema.js";
import { AmbiguousCompanyError, UnknownCompanyError } from "./queryErrors.js";

/**
 * The company id a user means: an id, the full name or any alias, compared without case or
 * punctuation; failing that, the one company whose names contain the words given. Ids of the log
 * that the registry does not describe are matched by id. Throws `AmbiguousCompanyError` (with the
 * candidates) or `UnknownCompanyError`.
 *
 * @example
 * resolveCompany("Xiaomi Corporation", companies, ["xiaomi"]); // "xiaomi"
 */
export function resolveCompany(
  query: string,
  companies: readonly Company[],
  logIds: readonly string[],
): string {
  // An exact id needs no search (and a log of thousands of companies stays fast).
  if (logIds.includes(query) || companies.some((company) => company.id === query)) return query;
  const all = [
    ...companies,
    ...logIds.filter((id) => !companies.some((c) => c.id === id)).map(bare),
  ];
  const wanted = normalize(query);
  const names = (company: Company) => [company.id, company.name, ...company.aliases].map(normalize);
  const exact = all.filter((company) => names(company).includes(wanted));
  const partial =
    exact.length > 0 || wanted === ""
      ? exact
      : all.filter((c) => names(c).some((n) => n.includes(wanted)));
  if (partial.length === 1) return (partial[0] as Company).id;
  if (partial.length > 1)
    throw new AmbiguousCompanyError(
      query,
      partial.map((c) => ({ id: c.id, name: c.name })),
    );
  throw new UnknownCompanyError(query, all.map((company) => company.id).sort());
}

function bare(id: string): Company {
  return { id, name: id, aliases: [], identifiers: {} };
}

function normalize(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
