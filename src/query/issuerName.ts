/**
 * What custodians and trading systems put after an issuer's name to say which of its securities
 * a line holds: a share class ("-CLASS B", "CL A", "-A", "-H"), a depositary receipt ("-SP ADR",
 * "ADS", "GDR"), a kind of share ("H SHARES", "ORD", "COM", "COMMON STOCK") or an offering
 * ("REG S", "144A").
 */
const SECURITY_SUFFIXES: readonly RegExp[] = [
  /[\s-]+(?:class|cl)\s+[a-z]$/i,
  /\s*-\s*[a-z]$/i,
  /[\s-]+(?:(?:sponsored|spon|sp|unsponsored|unspon)\s+)?(?:adr|ads|gdr)s?$/i,
  /[\s-]+[abhn]\s*(?:shares?|shs)$/i,
  /[\s-]+(?:ord(?:inary)?(?:\s+(?:shares?|shs))?|com(?:mon)?(?:\s+stock)?|shs|shares|reg\s*s|144a|npv)$/i,
];

/**
 * The issuer's name in a security's name: the words that say which security (class, receipt,
 * kind of share) taken off its end, as often as they are there. A name without them is returned
 * as it is.
 *
 * @example
 * issuerNameOf("XIAOMI CORP-CLASS B"); // "XIAOMI CORP"
 * issuerNameOf("HIKVISION DIGITAL-A"); // "HIKVISION DIGITAL"
 * issuerNameOf("BAIDU INC - SPON ADR"); // "BAIDU INC"
 * issuerNameOf("CHINA MOBILE LTD"); // "CHINA MOBILE LTD"
 */
export function issuerNameOf(security: string): string {
  let name = security.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SECURITY_SUFFIXES) {
      const shorter = name.replace(suffix, "").trim();
      // A name is never cut down to nothing, or to a single letter.
      if (shorter !== name && shorter.length > 1) {
        name = shorter;
        changed = true;
      }
    }
  }
  return name;
}
