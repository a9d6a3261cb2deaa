import type { Company } from "../domain/companySchema.js";
import { AmbiguousCompanyError, UnknownCompanyError } from "./queryErrors.js";
import { type RankedHit, rankedHits } from "./searchCompanies.js";

/** How much better than the next a lone near spelling must score to be taken as meant. */
export const CLEAR_FUZZY_MARGIN = 0.1;
/** The most candidates an `AmbiguousCompanyError` offers. */
const MAX_CANDIDATES = 10;

/**
 * The company id a user means, by `searchCompanies`: an id as given; else the one entry with
 * that id, name or alias once both are normalised (written alike before normalising wins: "CNOOC
 * Limited" is `cnooc-limited`, not `cnooc`); else the one entry whose names hold the words
 * given; else the one near spelling that scores clearly better (by `CLEAR_FUZZY_MARGIN`) than
 * any other. Ids of the log that the registry does not describe are matched by id. Throws
 * `AmbiguousCompanyError` (with at most 10 candidates, best first) or `UnknownCompanyError`.
 *
 * @example
 * resolveCompany("Xiaomi Corporation", companies, ["xiaomi"]); // "xiaomi"
 * resolveCompany("Xiaomy", companies, ["xiaomi"]); // "xiaomi"
 */
export function resolveCompany(
  query: string,
  companies: readonly Company[],
  logIds: readonly string[],
): string {
  // An exact id needs no search (and a log of thousands of companies stays fast).
  if (logIds.includes(query) || companies.some((company) => company.id === query)) return query;
  const all = withLogIds(companies, logIds);
  const hits = rankedHits(query, all);
  const byTier = (tier: number) => hits.filter((hit) => hit.tier === tier);
  for (const tier of [0, 1, 2, 3]) {
    const [first, ...others] = byTier(tier);
    if (first !== undefined && others.length === 0) return first.id;
    if (first !== undefined) throw ambiguous(query, [first, ...others]);
  }
  const [best, next] = byTier(4);
  if (best === undefined) {
    throw new UnknownCompanyError(query, all.map((company) => company.id).sort());
  }
  if (next === undefined || next.score - best.score >= CLEAR_FUZZY_MARGIN) return best.id;
  throw ambiguous(query, byTier(4));
}

function ambiguous(query: string, hits: readonly RankedHit[]): AmbiguousCompanyError {
  return new AmbiguousCompanyError(
    query,
    hits.slice(0, MAX_CANDIDATES).map(({ id, name }) => ({ id, name })),
    hits.length,
  );
}

/** The registry, and a bare entry (its id for a name) per id of the log it does not describe. */
const registries = new WeakMap<readonly Company[], { key: string; all: Company[] }>();

function withLogIds(companies: readonly Company[], logIds: readonly string[]): Company[] {
  const key = logIds.join("\n");
  const cached = registries.get(companies);
  // The same array for the same ids: the search index built for it is reused.
  if (cached !== undefined && cached.key === key) return cached.all;
  const described = new Set(companies.map((company) => company.id));
  const bare = [...new Set(logIds)]
    .filter((id) => !described.has(id))
    .map((id): Company => ({ id, name: id, aliases: [], identifiers: {} }));
  const all = [...companies, ...bare];
  registries.set(companies, { key, all });
  return all;
}
