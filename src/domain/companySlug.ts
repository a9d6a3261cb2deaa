import { LEGAL_FORM_WORDS } from "./legalFormWords.js";

/** The longest id a new company gets from its name; longer names are cut at a word. */
const MAX_LENGTH = 60;

/**
 * A registry id made from a company's name: lowercase ASCII words joined by `-`, without legal
 * forms (Co., Ltd., Corporation, ...) or a trailing short name in capitals such as "(AVIC)", at
 * most 60 characters. Empty when the name has no Latin letters or digits (the caller must then
 * be given an id).
 *
 * @example
 * companySlug("Huawei Investment & Holding Co., Ltd."); // "huawei-investment-holding"
 */
export function companySlug(name: string): string {
  const words = name
    // A trailing short name in capitals, "(AVIC)", is not part of the name; "(Beijing)" is.
    .replace(/\s*\([A-Z0-9][A-Z0-9 &.-]{0,11}\)\s*$/, "")
    .replace(/[()]/g, " ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !LEGAL_FORM_WORDS.has(word));
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug;
}
