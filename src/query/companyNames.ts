import type { Company } from "../domain/companySchema.js";
import { LEGAL_FORM_WORDS } from "../domain/legalFormWords.js";
import { RecentMap } from "../domain/recentMap.js";

export { LEGAL_FORM_WORDS };

/** Combining diacritics (accents, cedillas) of Latin, Greek and Cyrillic letters, as code points. */
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const MARKS = /\p{M}/gu;
/** `S.A.`, `U.S.`: single letters each followed by a dot, read as one word. */
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;
const APOSTROPHES = /['\u2019\u02bc`]/g;
const NOT_A_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A name compared letter for letter: lowercase, compatibility forms folded (full-width letters),
 * diacritics removed, `&` read as "and", dotted acronyms closed up (`S.A.` is `sa`), apostrophes
 * dropped, and every other run of non letters or digits one space. Unlike
 * `normalizeCompanyName`, legal-form words stay. Letters of other scripts (小米) stay as they are.
 *
 * @example
 * foldCompanyName("Xiaomi Corp."); // "xiaomi corp"
 * foldCompanyName("Société Générale S.A."); // "societe generale sa"
 */
export function foldCompanyName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldedAfresh(name);
    foldedNames.set(name, folded);
  }
  return folded;
}

/**
 * The names folded lately, and normalised: a screen asks each name's forms several times (exact,
 * by words, by spelling), each a chain of Unicode regular expressions.
 */
const MAX_REMEMBERED_NAMES = 10_000;
const foldedNames = new RecentMap<string, string>(MAX_REMEMBERED_NAMES);
const normalizedNames = new RecentMap<string, string>(MAX_REMEMBERED_NAMES);

function foldedAfresh(name: string): string {
  const lower = name.toLowerCase();
  // Printable ASCII has no compatibility forms or accents to fold.
  const plain = PRINTABLE_ASCII.test(lower)
    ? lower
    : lower
        .normalize("NFKD")
        .replace(MARKS, (mark) => (isDiacritic(mark) ? "" : mark))
        .normalize("NFC");
  return plain
    .replace(APOSTROPHES, "")
    .replace(DOTTED_ACRONYM, (acronym) => acronym.replaceAll(".", ""))
    .replace(/&/g, " and ")
    .replace(NOT_A_WORD, " ")
    .trim();
}

/** A combining accent, not a mark other scripts need (kana voicing, Indic vowel signs). */
function isDiacritic(mark: string): boolean {
  const code = mark.codePointAt(0) ?? 0;
  return DIACRITIC_RANGES.some(([from, to]) => code >= from && code <= to);
}

/**
 * A company name reduced to what tells companies apart: `foldCompanyName`, then without a
 * leading "the" and without legal-form words (`LEGAL_FORM_WORDS`: co, corp, inc, ltd, limited,
 * plc, sa, ag, gmbh...), unless nothing else is left. Two names that normalise alike are taken
 * to name the same company.
 *
 * @example
 * normalizeCompanyName("Xiaomi Corporation"); // "xiaomi"
 * normalizeCompanyName("Contemporary Amperex Technology Co., Limited"); // "contemporary amperex technology"
 * normalizeCompanyName("AT&T Inc."); // "at and t"
 * normalizeCompanyName("小米"); // "小米"
 */
export function normalizeCompanyName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = normalizedAfresh(name);
    normalizedNames.set(name, normalized);
  }
  return normalized;
}

function normalizedAfresh(name: string): string {
  const words = foldCompanyName(name).split(" ");
  const named = words[0] === "the" && words.length > 1 ? words.slice(1) : words;
  const kept = named.filter((word) => !LEGAL_FORM_WORDS.has(word));
  return (kept.length > 0 ? kept : named).join(" ");
}

/** How a written name belongs to a registry entry. */
export type NameSource = "id" | "name" | "alias";

/** One name of a registry entry: as written, where it comes from, and its two compared forms. */
export interface CompanyNameEntry {
  /** The id, the full name or the alias, as the registry writes it. */
  written: string;
  source: NameSource;
  /** `normalizeCompanyName` of the name or of one of its parts (see `nameEntriesOf`). */
  normalized: string;
  /** `foldCompanyName` of the same. */
  folded: string;
}

/** `Luokong Technology Corporation (LKCO)`: a name and a parenthetical at its end. */
const TRAILING_PARENTHETICAL = /^(.*\S)\s*\(([^()]+)\)\s*$/u;
/** An acronym (`CMCC`, `AVIC-2`) or a name in Chinese characters (`中国移动`). */
const SHORT_NAME = /^(?:[\p{Lu}\p{N}][\p{Lu}\p{N}&.-]+|[\p{Script=Han}\s]+)$/u;

/**
 * The names a written name stands for: itself, and for a name ending in a parenthetical, the
 * name without it and, when the parenthetical is an acronym or a name in Chinese characters, the
 * parenthetical alone. A trailing place ("(Shenzhen)") is not a name of the company.
 *
 * @example
 * namePartsOf("China Mobile Limited (CMCC)"); // ["China Mobile Limited (CMCC)", "China Mobile Limited", "CMCC"]
 * namePartsOf("Huawei Technologies Co., Ltd. (Shenzhen)"); // [..., "Huawei Technologies Co., Ltd."]
 */
export function namePartsOf(written: string): string[] {
  const parts = TRAILING_PARENTHETICAL.exec(written);
  if (parts === null) return [written];
  const [, outside = "", inside = ""] = parts;
  const short = inside.trim();
  return SHORT_NAME.test(short) ? [written, outside, short] : [written, outside];
}

/**
 * Every name of a registry entry with its compared forms: the id (its hyphens read as spaces),
 * the full name, then each alias, each with the parts `namePartsOf` gives. A name or alias that
 * compares like an earlier one is left out; one that compares like the id is kept, to be shown
 * as written.
 *
 * @example
 * nameEntriesOf({ id: "xiaomi", name: "Xiaomi Corporation", aliases: ["Xiaomi"], identifiers: {} });
 * // [{ written: "xiaomi", source: "id", normalized: "xiaomi", folded: "xiaomi" },
 * //  { written: "Xiaomi Corporation", source: "name", normalized: "xiaomi", folded: "xiaomi corporation" },
 * //  { written: "Xiaomi", source: "alias", normalized: "xiaomi", folded: "xiaomi" }]
 */
export function nameEntriesOf(company: Company): CompanyNameEntry[] {
  const sources: [string, NameSource, string][] = [
    [company.id, "id", company.id.replaceAll("-", " ")],
    [company.name, "name", company.name],
    ...company.aliases.map((alias): [string, NameSource, string] => [alias, "alias", alias]),
  ];
  const entries: CompanyNameEntry[] = [];
  const seen = new Set<string>();
  for (const [written, source, text] of sources) {
    for (const part of namePartsOf(text)) {
      const entry = {
        written,
        source,
        normalized: normalizeCompanyName(part),
        folded: foldCompanyName(part),
      };
      const key = `${source === "id"}\n${entry.normalized}\n${entry.folded}`;
      if (entry.normalized === "" || seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
    }
  }
  return entries;
}

/**
 * Every normalised name of a registry entry, without repeats: its id (hyphens as spaces), its
 * full name and each alias, and for a name of the form "X (Y)" also X and, when Y is an acronym
 * or a name in Chinese characters, Y.
 *
 * @example
 * namesOf({ id: "china-mobile", name: "China Mobile Limited (CMCC)", aliases: ["中国移动"], identifiers: {} });
 * // ["china mobile", "china mobile cmcc", "cmcc", "中国移动"]
 */
export function namesOf(company: Company): string[] {
  return [...new Set(nameEntriesOf(company).map((entry) => entry.normalized))];
}
