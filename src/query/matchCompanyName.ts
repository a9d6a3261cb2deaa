import type { Company } from "../domain/companySchema.js";
import {
  foldCompanyName,
  type NameSource,
  namePartsOf,
  normalizeCompanyName,
} from "./companyNames.js";
import {
  byPreference,
  FUZZY_MAX_SCORE,
  type IndexedName,
  rankedHits,
  registryIndexOf,
} from "./searchCompanies.js";

/** The worst score of a candidate `matchCompanyName` still offers. */
export const UNCERTAIN_MAX_SCORE = FUZZY_MAX_SCORE;
const MAX_CANDIDATES = 10;

/** What `matchCompanyName` makes of a printed name. */
export type CompanyNameMatch =
  | { kind: "certain"; id: string; how: NameSource }
  | { kind: "uncertain"; candidates: { id: string; name: string; score: number }[] }
  | { kind: "none" };

/**
 * Which registry entry a name printed on a list (with the other names printed for it) is, for
 * the edition importer. `certain` when the names, compared as written (case and punctuation
 * aside) or else normalised, are an id, name or alias of exactly one entry; `uncertain` with the
 * candidates, best first (at most 10), when they fit two or more entries exactly, or none exactly
 * but some partially or by a near spelling with a score up to `UNCERTAIN_MAX_SCORE` (near
 * spellings: up to `options.fuzzyMaxScore`, when given); else `none`.
 * Each printed "X (Y)" counts as X and Y as well (see `namePartsOf`).
 *
 * @example
 * matchCompanyName("XIAOMI CORP", companies); // { kind: "certain", id: "xiaomi", how: "alias" }
 * matchCompanyName("Hesai Technology Co., Ltd.", companies); // { kind: "uncertain", candidates: [{ id: "hesai", ... }] }
 */
export function matchCompanyName(
  name: string,
  companies: readonly Company[],
  aliases: readonly string[] = [],
  options: { fuzzyMaxScore?: number } = {},
): CompanyNameMatch {
  const fuzzyMaxScore = options.fuzzyMaxScore ?? UNCERTAIN_MAX_SCORE;
  const index = registryIndexOf(companies);
  const printed = [name, ...aliases].flatMap(namePartsOf);
  const exactKeys = [
    [foldCompanyName, index.byFolded],
    [normalizeCompanyName, index.byNormalized],
  ] as const;
  for (const [key, names] of exactKeys) {
    const exact = new Map<number, IndexedName>();
    for (const text of printed) {
      for (const hit of byPreference(names.get(key(text)) ?? [], printed)) {
        if (!exact.has(hit.company)) exact.set(hit.company, hit);
      }
    }
    const [first, ...others] = exact.values();
    if (first !== undefined && others.length === 0) {
      return {
        kind: "certain",
        id: (companies[first.company] as Company).id,
        how: first.entry.source,
      };
    }
    if (first !== undefined) {
      return {
        kind: "uncertain",
        candidates: [...exact.keys()].map((c) => candidate(companies, c, 0)),
      };
    }
  }
  const best = new Map<number, number>();
  for (const text of printed) {
    // A short name such as "AVIC" or "S-SEA" is one company or another, never "close to" one.
    if (isShortName(text)) continue;
    for (const hit of rankedHits(text, companies)) {
      if (hit.how === "fuzzy" && hit.score > fuzzyMaxScore) continue;
      if (hit.score <= (best.get(hit.company) ?? UNCERTAIN_MAX_SCORE))
        best.set(hit.company, hit.score);
    }
  }
  const candidates = [...best.entries()]
    .sort(([companyA, a], [companyB, b]) => a - b || companyA - companyB)
    .slice(0, MAX_CANDIDATES)
    .map(([company, score]) => candidate(companies, company, score));
  return candidates.length > 0 ? { kind: "uncertain", candidates } : { kind: "none" };
}

/** At most six letters or digits in all: an acronym or a short name ("CH UAV", "S-SEA"). */
function isShortName(text: string): boolean {
  return normalizeCompanyName(text).replace(/ /g, "").length <= 6;
}

function candidate(companies: readonly Company[], company: number, score: number) {
  const { id, name } = companies[company] as Company;
  return { id, name, score };
}
