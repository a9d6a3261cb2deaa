/**
 * Words that say what legal form a company has, not which company it is: names compared for a
 * match, and ids made from a name, leave them out. "holding(s)" and "group" are kept on purpose:
 * "Tencent" and "Tencent Holdings", or a group and its listed company, can be different entries.
 */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  "co",
  "company",
  "corp",
  "corporation",
  "inc",
  "incorporated",
  "ltd",
  "limited",
  "llc",
  "plc",
  "sa",
  "ag",
  "gmbh",
]);
