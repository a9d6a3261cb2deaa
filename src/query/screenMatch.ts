import { distance } from "fastest-levenshtein";
import type { Company } from "../domain/companySchema.js";
import { normalizeCompanyName } from "./companyNames.js";
import { issuerNameOf } from "./issuerName.js";
import { type MatchHow, type RankedHit, rankedHits } from "./searchCompanies.js";

/** A company a screened name may be, with its score (0 exact, up to 1; lower is better). */
export interface ScreenCandidate {
  id: string;
  name: string;
  score: number;
}

/** Which company a screened row names, and how sure that is. */
export interface ScreenMatch {
  /** How the best candidate fits: its id, its name or an alias exactly, its words, or a near spelling. */
  how: MatchHow | "none";
  /** The best candidate, with the registry name or alias that matched; none when nothing fits. */
  company?: ScreenCandidate & { matched: string };
  /** True for an id, or an exact name or alias of exactly one company: nothing to review. */
  certain: boolean;
  /** The issuer's name read off a security's name ("XIAOMI CORP" of "XIAOMI CORP-CLASS B"), when that is what matched. */
  read?: string;
  /** The other companies it may be, best first: for an uncertain match only. */
  candidates: ScreenCandidate[];
}

/** The most other candidates a match offers. */
const MAX_CANDIDATES = 5;
/**
 * How alike a near spelling must be to the name it is near, as a whole (1 minus the edit
 * distance over the longer length, both normalised): Fuse.js scores word by word, so "Apple"
 * is near "Appliance" in "Guizhou Space Appliance"; a screen offers only names misspelt as a
 * whole ("Xiaomy Corp" for "Xiaomi Corporation": 0.83).
 */
export const MIN_FUZZY_LIKENESS = 0.75;

/**
 * Which company of `companies` a name in a screened file is: a registry id as written; else an
 * exact name or alias (case, punctuation and legal forms aside) of one company, certain, or of
 * several, uncertain; else, read as it is or as the issuer of a security (`issuerNameOf`), the
 * best partial or near-spelling hit of `rankedHits` (a near spelling only when the whole name is
 * alike: `MIN_FUZZY_LIKENESS`), uncertain, with the others as candidates.
 *
 * @example
 * matchScreenName("XIAOMI CORP-CLASS B", companies); // { how: "alias", certain: true, read: "XIAOMI CORP", company: { id: "xiaomi", ... } }
 * matchScreenName("Xiaomy Corp", companies); // { how: "fuzzy", certain: false, company: { id: "xiaomi", score: 0.2, ... } }
 */
export function matchScreenName(text: string, companies: readonly Company[]): ScreenMatch {
  const written = text.trim();
  const issuer = issuerNameOf(written);
  const readings = issuer === written ? [written] : [written, issuer];
  const found = readings.map((reading) => ({
    reading,
    hits: rankedHits(reading, companies).filter(
      (hit) => hit.how !== "fuzzy" || likeness(reading, hit.matched) >= MIN_FUZZY_LIKENESS,
    ),
  }));
  for (const { reading, hits } of found) {
    const exact = hits.filter((hit) => hit.tier <= 1);
    const best = exact.filter((hit) => hit.tier === exact[0]?.tier);
    const [first, ...others] = best;
    if (first === undefined) continue;
    return {
      ...matched(first, reading, written),
      certain: others.length === 0,
      candidates: others.slice(0, MAX_CANDIDATES).map(candidate),
    };
  }
  // No exact name: the reading whose best hit fits best.
  const [best] = found
    .filter(({ hits }) => hits.length > 0)
    .sort((a, b) => rank(a.hits[0] as RankedHit) - rank(b.hits[0] as RankedHit));
  if (best === undefined) return { how: "none", certain: false, candidates: [] };
  const [first, ...others] = best.hits as [RankedHit, ...RankedHit[]];
  return {
    ...matched(first, best.reading, written),
    certain: false,
    candidates: others.slice(0, MAX_CANDIDATES).map(candidate),
  };
}

function matched(hit: RankedHit, reading: string, written: string) {
  // An id is what the row wrote only when it wrote the id itself, not a name that folds alike.
  const how = hit.how === "id" && reading !== hit.id ? "name" : hit.how;
  return {
    how,
    company: { ...candidate(hit), matched: hit.matched },
    ...(reading === written ? {} : { read: reading }),
  };
}

function candidate(hit: RankedHit): ScreenCandidate {
  return { id: hit.id, name: hit.name, score: hit.score };
}

/** 1 for names alike once normalised, down to 0 for names with nothing in common. */
function likeness(a: string, b: string): number {
  const [left, right] = [normalizeCompanyName(a), normalizeCompanyName(b)];
  const longer = Math.max(left.length, right.length);
  return longer === 0 ? 0 : 1 - distance(left, right) / longer;
}

/** Tier first, then score: a partial hit (tiers 2 and 3) before a near spelling (tier 4). */
function rank(hit: RankedHit): number {
  return hit.tier + hit.score;
}
