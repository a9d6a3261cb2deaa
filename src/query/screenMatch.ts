import { distance } from "fastest-levenshtein";
import type { Company } from "../domain/companySchema.js";
import { foldCompanyName, normalizeCompanyName } from "./companyNames.js";
import { issuerNameOf } from "./issuerName.js";
import {
  byPreference,
  type MatchHow,
  namedHits,
  type RankedHit,
  registryIndexOf,
} from "./searchCompanies.js";

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
 * distance over the longer length, both normalised): "Xiaomy Corp" is 0.83 like "Xiaomi
 * Corporation". Unlike a search (Fuse.js, word by word, where "Apple" is near "Appliance" in
 * "Guizhou Space Appliance"), a screen offers only names misspelt as a whole.
 */
export const MIN_FUZZY_LIKENESS = 0.75;

/**
 * Which company of `companies` a name in a screened file is: a registry id as written; else an
 * exact name or alias (case, punctuation and legal forms aside) of one company, certain, or of
 * several, uncertain; else, read as it is or as the issuer of a security (`issuerNameOf`), the
 * best partial hit (every word of the name in a company's, `namedHits`), or else the nearest
 * spellings of the whole name (`MIN_FUZZY_LIKENESS`), uncertain, with the others as candidates.
 *
 * @example
 * matchScreenName("XIAOMI CORP-CLASS B", companies); // { how: "alias", certain: true, read: "XIAOMI CORP", company: { id: "xiaomi", ... } }
 * matchScreenName("Xiaomy Corp", companies); // { how: "fuzzy", certain: false, company: { id: "xiaomi", score: 0.2, ... } }
 */
export function matchScreenName(text: string, companies: readonly Company[]): ScreenMatch {
  const written = text.trim();
  const issuer = issuerNameOf(written);
  const readings = issuer === written ? [written] : [written, issuer];
  for (const reading of readings) {
    const [first, ...others] = exactHits(reading, companies);
    if (first === undefined) continue;
    return {
      ...matched(first, reading, written),
      certain: others.length === 0,
      candidates: others.slice(0, MAX_CANDIDATES).map(candidate),
    };
  }
  // No exact name: the reading whose best hit fits best, its words or else a near spelling.
  const found = readings.map((reading) => {
    const hits = namedHits(reading, companies);
    return { reading, hits: hits.length > 0 ? hits : nearSpellings(reading, companies) };
  });
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

/**
 * The companies of which `reading` is a name exactly: written alike (case and punctuation aside),
 * else alike once normalised; one hit per company, as `namedHits` gives its tiers 0 and 1, without
 * scanning the registry.
 */
function exactHits(reading: string, companies: readonly Company[]): RankedHit[] {
  const index = registryIndexOf(companies);
  const keys = [
    [index.byFolded, foldCompanyName(reading)],
    [index.byNormalized, normalizeCompanyName(reading)],
  ] as const;
  for (const [tier, [names, key]] of keys.entries()) {
    const found = new Map<number, RankedHit>();
    for (const { company, entry } of byPreference(names.get(key) ?? [], [reading])) {
      if (found.has(company)) continue;
      const { id, name } = companies[company] as Company;
      found.set(company, {
        id,
        name,
        matched: entry.written,
        how: entry.source,
        score: 0,
        tier,
        company,
      });
    }
    if (found.size > 0) return [...found.values()];
  }
  return [];
}

/** A name of the registry as near spellings are measured against it. */
interface SpelledName {
  company: number;
  written: string;
  normalized: string;
  /** Its position in the registry's order. */
  order: number;
  /** How many of each kind of character it has (`characterCounts`). */
  counts: Uint8Array;
}

/** The registry's names for near spellings, shortest first. */
const spelledNames = new WeakMap<readonly Company[], SpelledName[]>();

/**
 * The companies whose normalised name (or alias) is alike as a whole to the query's: 1 minus the
 * edit distance over the longer length at least `MIN_FUZZY_LIKENESS` (score: 1 minus that), best
 * first, one hit per company. A name of four letters or fewer is never near anything.
 */
function nearSpellings(query: string, companies: readonly Company[]): RankedHit[] {
  const normalized = normalizeCompanyName(query);
  if (normalized.replace(/ /g, "").length < 5) return [];
  const names = spelledNamesOf(companies);
  const length = normalized.length;
  const counts = characterCounts(normalized);
  // A difference in length is a distance at least that long: only names of lengths that allow
  // a near spelling are measured (shorter by at most a quarter of the query's length, longer
  // by at most a quarter of their own).
  const shortest = length - Math.floor(length * (1 - MIN_FUZZY_LIKENESS));
  const longest = Math.floor(length / MIN_FUZZY_LIKENESS);
  // A company's best name; of two alike, the first in the registry's order.
  const best = new Map<number, RankedHit & { order: number }>();
  for (let at = firstOfLength(names, shortest); at < names.length; at++) {
    const name = names[at] as SpelledName;
    if (name.normalized.length > longest) break;
    const longer = Math.max(length, name.normalized.length);
    const most = Math.floor(longer * (1 - MIN_FUZZY_LIKENESS));
    if (Math.abs(length - name.normalized.length) > most) continue;
    if (countsApart(counts, name.counts) > most) continue;
    const apart = distance(normalized, name.normalized);
    if (apart > most) continue;
    const score = Math.round((apart / longer) * 1000) / 1000;
    const before = best.get(name.company);
    if (
      before !== undefined &&
      (before.score < score || (before.score === score && before.order < name.order))
    )
      continue;
    const { id, name: full } = companies[name.company] as Company;
    best.set(name.company, {
      order: name.order,
      id,
      name: full,
      matched: name.written,
      how: "fuzzy",
      score,
      tier: 4,
      company: name.company,
    });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.company - b.company)
    .map(({ order: _order, ...hit }) => hit);
}

/** One entry per company and normalised name, shortest first, the registry's order within a length. */
function spelledNamesOf(companies: readonly Company[]): SpelledName[] {
  let names = spelledNames.get(companies);
  if (names === undefined) {
    const seen = new Set<string>();
    names = registryIndexOf(companies).wordNames.flatMap(({ company, entry }) => {
      const key = `${company}\n${entry.normalized}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        {
          company,
          written: entry.written,
          normalized: entry.normalized,
          order: seen.size,
          counts: characterCounts(entry.normalized),
        },
      ];
    });
    names.sort((a, b) => a.normalized.length - b.normalized.length);
    spelledNames.set(companies, names);
  }
  return names;
}

/** The kinds of characters counted: a-z, 0-9, the space, and any other (one kind for all). */
const KINDS = 38;

/** How many characters of each kind (`KINDS`) a normalised name has. */
function characterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(KINDS);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const kind =
      code >= 97 && code <= 122
        ? code - 97
        : code >= 48 && code <= 57
          ? code - 22
          : code === 32
            ? 36
            : 37;
    counts[kind] = Math.min(255, (counts[kind] as number) + 1);
  }
  return counts;
}

/**
 * A lower bound of the edit distance of two names by their character counts: each edit adds,
 * removes or changes one character, so it mends at most one surplus and one shortfall.
 */
function countsApart(a: Uint8Array, b: Uint8Array): number {
  let surplus = 0;
  let shortfall = 0;
  for (let kind = 0; kind < KINDS; kind++) {
    const difference = (a[kind] as number) - (b[kind] as number);
    if (difference > 0) surplus += difference;
    else shortfall -= difference;
  }
  return Math.max(surplus, shortfall);
}

/** The position of the first name at least `length` long. */
function firstOfLength(names: readonly SpelledName[], length: number): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((names[middle] as SpelledName).normalized.length < length) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Tier first, then score: a partial hit (tiers 2 and 3) before a near spelling (tier 4). */
function rank(hit: RankedHit): number {
  return hit.tier + hit.score;
}
