import Fuse from "fuse.js";
import type { Company } from "../domain/companySchema.js";
import {
  type CompanyNameEntry,
  foldCompanyName,
  type NameSource,
  nameEntriesOf,
  normalizeCompanyName,
} from "./companyNames.js";

/** How a hit matched: an exact (normalised) id, name or alias, its words, or a near spelling. */
export type MatchHow = NameSource | "partial" | "fuzzy";

/** One company that fits a query, and how well. */
export interface CompanyHit {
  id: string;
  name: string;
  /** The id, name or alias that matched, as the registry writes it. */
  matched: string;
  how: MatchHow;
  /** 0 for an exact match, up to 1; lower is better. */
  score: number;
}

export interface SearchOptions {
  /** At most this many hits (default: all). */
  limit?: number;
}

/**
 * Fuse.js's threshold: how far each word of the query may stray from a name, in errors per
 * letter. A swapped pair of letters in a six-letter word is 2/6 = 0.33 ("Moblie"); a word
 * sharing little with any name ("apple" in "amperex") is 0.4 and more.
 */
export const FUZZY_THRESHOLD = 0.35;
/**
 * The worst score of a fuzzy hit kept. Fuse scores a name by the words of the query it matches,
 * each weighted by its rarity among the registry's names: a name that misses words weighing 40%
 * of the query is no longer offered ("Hesai Technology" still finds "Hesai Group", because
 * "technology" is common; "Luokung Tech" finds no other company by its "tech" alone).
 */
export const FUZZY_MAX_SCORE = 0.4;
/** Queries shorter than this (in characters) are matched exactly or by their words only. */
const FUZZY_MIN_LENGTH = 4;

/** Scores of partial hits: each query word is a word of the name, or begins one, or the query is inside it. */
const PARTIAL_SCORE = { words: 0.1, prefixes: 0.2, inside: 0.3 } as const;

/** A name of the registry: the entry (by position) it belongs to. */
export interface IndexedName {
  company: number;
  entry: CompanyNameEntry;
  /** The normalised name's words. */
  words: readonly string[];
}

export interface RegistryIndex {
  names: IndexedName[];
  /** The same, the ids last: a partial or near match shows a name rather than an id. */
  wordNames: IndexedName[];
  byFolded: Map<string, IndexedName[]>;
  byNormalized: Map<string, IndexedName[]>;
  fuzzy?: Fuse<IndexedName>;
  /** The hits of recent queries. */
  answers: Map<string, RankedHit[]>;
  /** The positions in `wordNames` of the names holding each three-letter piece (built on need). */
  pieces?: Map<string, number[]>;
  /** The positions in `wordNames` of the names by their first word (built on need). */
  byFirstWord?: Map<string, number[]>;
}

/** A hit with its tier (see `rankedHits`) and the position of its entry in the registry. */
export interface RankedHit extends CompanyHit {
  tier: number;
  company: number;
}

/** A name that fits a query: how, and its score. */
type Candidate = [IndexedName, MatchHow, number];

const indexes = new WeakMap<readonly Company[], RegistryIndex>();
/** How many queries' hits an index remembers. */
const MAX_ANSWERS = 5000;

/**
 * The companies of `companies` that `query` may name, best first. First an exact match of an
 * id, name or alias once both are normalised (`normalizeCompanyName`), score 0, those written
 * alike before normalising first ("CNOOC Limited" is cnooc-limited before cnooc); `how` says
 * `id` only for an id typed as it is. Then `partial` hits: names that hold every word of the
 * query (0.1 as whole words, 0.2 as beginnings of words, 0.3 anywhere), then names held whole
 * by the query (0.3: "Tencent" in "Tencent Music"). Then `fuzzy` hits: near spellings found by
 * Fuse.js's token search over every normalised name (see `FUZZY_THRESHOLD`, `FUZZY_MAX_SCORE`),
 * with Fuse's score. One hit per company; equal scores keep the registry's order.
 *
 * The index of a registry is built on the first search of its array and kept (weakly) with it:
 * an array changed in place afterwards is searched as it was, so pass a new array instead.
 *
 * @example
 * searchCompanies("Xiaomy", companies); // [{ id: "xiaomi", matched: "Xiaomi Corporation", how: "fuzzy", score: 0.167, ... }]
 * searchCompanies("xiaomi corp", companies)[0]?.matched; // "Xiaomi Corp." (how: "alias")
 */
export function searchCompanies(
  query: string,
  companies: readonly Company[],
  options: SearchOptions = {},
): CompanyHit[] {
  const hits = rankedHits(query, companies).map(({ id, name, matched, how, score }) => ({
    id,
    name,
    matched,
    how,
    score,
  }));
  return options.limit === undefined ? hits : hits.slice(0, Math.max(0, options.limit));
}

/**
 * Like `searchCompanies`, with each hit's tier: 0 written alike (case and punctuation aside),
 * 1 alike once normalised, 2 a name holding the query's words, 3 a name within the query, 4 a
 * near spelling. The hits of a query are remembered with the registry's index, and frozen.
 *
 * @example
 * rankedHits("xiaomi corporation", companies)[0]; // { id: "xiaomi", how: "name", tier: 0, ... }
 */
export function rankedHits(query: string, companies: readonly Company[]): RankedHit[] {
  const index = registryIndexOf(companies);
  // A large file names the same companies again and again.
  let hits = index.answers.get(query);
  if (hits === undefined) {
    if (index.answers.size >= MAX_ANSWERS) index.answers.clear();
    hits = searchIndex(query, companies, index).map((hit) => Object.freeze(hit));
    index.answers.set(query, hits);
  }
  return [...hits];
}

/**
 * Like `rankedHits` without its near spellings (tier 4) and without remembering the answer: the
 * exact and partial hits, what a caller that judges near spellings its own way needs.
 *
 * @example
 * namedHits("HIKVISION DIGITAL", companies)[0]; // { id: "hikvision", how: "partial", tier: 2, ... }
 */
export function namedHits(query: string, companies: readonly Company[]): RankedHit[] {
  return searchIndex(query, companies, registryIndexOf(companies), false);
}

function searchIndex(
  query: string,
  companies: readonly Company[],
  index: RegistryIndex,
  fuzzy = true,
): RankedHit[] {
  const normalized = normalizeCompanyName(query);
  if (normalized === "") return [];
  const found = new Map<number, RankedHit>();
  const tier = (number: number, candidates: Iterable<Candidate>) => {
    const best = new Map<number, { hit: RankedHit; gap: number }>();
    for (const [{ company, entry }, how, score] of candidates) {
      const gap = how === "fuzzy" ? Math.abs(entry.normalized.length - normalized.length) : 0;
      const before = best.get(company);
      if (found.has(company) || (before && (before.hit.score - score || before.gap - gap) <= 0)) {
        continue;
      }
      const { id, name } = companies[company] as Company;
      const hit = { id, name, matched: entry.written, how, score, tier: number, company };
      best.set(company, { hit, gap });
    }
    // Equal scores: a near spelling of a name about as long as the query first, else the
    // registry's order.
    const sorted = [...best.values()].sort(
      (a, b) => a.hit.score - b.hit.score || a.gap - b.gap || a.hit.company - b.hit.company,
    );
    for (const { hit } of sorted) found.set(hit.company, hit);
  };
  const exact = (names: IndexedName[] | undefined) =>
    byPreference(names ?? [], [query]).map((name): Candidate => [name, name.entry.source, 0]);
  tier(0, exact(index.byFolded.get(foldCompanyName(query))));
  tier(1, exact(index.byNormalized.get(normalized)));
  const queryWords = normalized.split(" ");
  const names = index.wordNames;
  tier(2, partialMatches(normalized, names, partialScore, holding(index, queryWords[0] ?? "")));
  tier(3, partialMatches(normalized, names, containedScore, startingWith(index, queryWords)));
  if (fuzzy && [...normalized].length >= FUZZY_MIN_LENGTH) tier(4, fuzzyMatches(normalized, index));
  return [...found.values()];
}

/**
 * Names that fit alike, the one to show first: the id when it was typed exactly, else a name or
 * alias ("China Telecom" is the alias, not the id china-telecom that folds alike).
 *
 * @example
 * byPreference(index.byFolded.get("xiaomi") ?? [], ["xiaomi"])[0]?.entry.source; // "id"
 */
export function byPreference(
  names: readonly IndexedName[],
  typed: readonly string[],
): IndexedName[] {
  const ids = new Set(typed.map((text) => text.trim()));
  const rank = ({ entry }: IndexedName) =>
    entry.source !== "id" ? 1 : ids.has(entry.written) ? 0 : 2;
  return [...names].sort((a, b) => rank(a) - rank(b));
}

type PartialScore = (query: string, queryWords: string[], name: IndexedName) => number | undefined;

function* partialMatches(
  query: string,
  names: readonly IndexedName[],
  scoreOf: PartialScore,
  /** The positions in `names` that may fit, in order (a superset of those that do). */
  positions: Iterable<number>,
): Generator<Candidate> {
  const queryWords = query.split(" ");
  for (const position of positions) {
    const name = names[position] as IndexedName;
    const score = scoreOf(query, queryWords, name);
    if (score !== undefined) yield [name, "partial", score];
  }
}

/**
 * The positions in `index.wordNames` of the names that hold `text` (a superset, in order): by
 * the names' three-letter pieces, so that a search reads a few names, not all of them.
 */
function holding(index: RegistryIndex, text: string): Iterable<number> {
  const pieces = index.pieces ?? (index.pieces = piecesOf(index.wordNames));
  if (text.length < 3) return index.wordNames.keys();
  let fewest: number[] | undefined;
  for (let at = 0; at + 3 <= text.length; at++) {
    const postings = pieces.get(text.slice(at, at + 3)) ?? [];
    if (fewest === undefined || postings.length < fewest.length) fewest = postings;
  }
  return fewest ?? [];
}

/** The positions of the names whose first word is one of `words`, in order. */
function startingWith(index: RegistryIndex, words: readonly string[]): number[] {
  const byFirst = index.byFirstWord ?? (index.byFirstWord = firstWordsOf(index.wordNames));
  const positions = new Set<number>();
  for (const word of words) for (const position of byFirst.get(word) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b);
}

function piecesOf(names: readonly IndexedName[]): Map<string, number[]> {
  const pieces = new Map<string, number[]>();
  names.forEach(({ entry }, position) => {
    const text = entry.normalized;
    for (let at = 0; at + 3 <= text.length; at++) {
      const piece = text.slice(at, at + 3);
      const postings = pieces.get(piece) ?? [];
      if (postings.at(-1) !== position) postings.push(position);
      pieces.set(piece, postings);
    }
  });
  return pieces;
}

function firstWordsOf(names: readonly IndexedName[]): Map<string, number[]> {
  const byFirst = new Map<string, number[]>();
  names.forEach(({ words }, position) => {
    const first = words[0] ?? "";
    byFirst.set(first, [...(byFirst.get(first) ?? []), position]);
  });
  return byFirst;
}

/** The score of a name that holds the words of the query, or `undefined`. */
const partialScore: PartialScore = (query, queryWords, { entry, words }) => {
  const name = entry.normalized;
  // Every way to fit needs the first word inside the name: most names are ruled out here.
  if (!name.includes(queryWords[0] ?? "")) return undefined;
  if (queryWords.every((q) => words.includes(q))) return PARTIAL_SCORE.words;
  if (queryWords.every((q) => words.some((word) => word.startsWith(q)))) {
    return PARTIAL_SCORE.prefixes;
  }
  return name.includes(query) ? PARTIAL_SCORE.inside : undefined;
};

/** The score of a name whose words are all in the query ("Tencent" in "Tencent Music"). */
const containedScore: PartialScore = (query, queryWords, { entry, words }) =>
  entry.normalized.length >= 3 &&
  query.includes(words[0] ?? "") &&
  words.every((word) => queryWords.includes(word))
    ? PARTIAL_SCORE.inside
    : undefined;

function* fuzzyMatches(query: string, index: RegistryIndex): Generator<Candidate> {
  for (const result of fuzzyIndexOf(index).search(query)) {
    const score = rounded(result.score ?? 1);
    if (score <= FUZZY_MAX_SCORE) yield [result.item, "fuzzy", score];
  }
}

function rounded(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * The index of a registry's names, built on the first use of its array and kept (weakly) with it.
 *
 * @example
 * registryIndexOf(companies).byNormalized.get("xiaomi"); // [{ company: 0, entry: {...} }]
 */
export function registryIndexOf(companies: readonly Company[]): RegistryIndex {
  let index = indexes.get(companies);
  if (index !== undefined) return index;
  const names = companies.flatMap((company, position) =>
    nameEntriesOf(company).map((entry) => ({
      company: position,
      entry,
      words: entry.normalized.split(" "),
    })),
  );
  index = {
    names,
    wordNames: [
      ...names.filter(({ entry }) => entry.source !== "id"),
      ...names.filter(({ entry }) => entry.source === "id"),
    ],
    byFolded: groupBy(names, (name) => name.entry.folded),
    byNormalized: groupBy(names, (name) => name.entry.normalized),
    answers: new Map(),
  };
  indexes.set(companies, index);
  return index;
}

/** The Fuse.js searcher of a registry, built on first need (an exact match needs none). */
function fuzzyIndexOf(index: RegistryIndex): Fuse<IndexedName> {
  if (index.fuzzy !== undefined) return index.fuzzy;
  // One document per distinct normalised name of an entry, so that a word's rarity counts names.
  const seen = new Set<string>();
  const docs = index.wordNames.filter(({ company, entry }) => {
    const key = `${company}\n${entry.normalized}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const keys = [{ name: "normalized", getFn: (name: IndexedName) => name.entry.normalized }];
  index.fuzzy = new Fuse(docs, {
    keys,
    includeScore: true,
    threshold: FUZZY_THRESHOLD,
    // Each word of the query on its own, weighted by its rarity among the names.
    useTokenSearch: true,
    // Anywhere in the name, and a long name scores as well as a short one.
    ignoreLocation: true,
    ignoreFieldNorm: true,
  });
  return index.fuzzy;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
