import type { Company } from "../domain/companySchema.js";
import { namesOf } from "./companyNames.js";

/**
 * Entries of the registry that share a normalised name (an id, name, alias or part of one, see
 * `namesOf`): one group per shared name, by name, with the ids in the registry's order. Two
 * entries for one company, or names a user cannot tell apart; `verify` warns of them. Entries
 * the registry links as parent and subsidiary (`parent`) may share a name: "CNOOC Limited" and
 * "CNOOC" are two companies, so they are reported only when they are not so linked.
 *
 * @example
 * duplicateCompanyNames(companies); // [{ name: "hesai group", ids: ["hesai", "hesai-group-co"] }]
 */
export function duplicateCompanyNames(
  companies: readonly Company[],
): { name: string; ids: string[] }[] {
  const byName = new Map<string, Company[]>();
  for (const company of companies) {
    for (const name of namesOf(company)) {
      const sharing = byName.get(name) ?? [];
      if (!sharing.some((other) => other.id === company.id)) sharing.push(company);
      byName.set(name, sharing);
    }
  }
  const related = (a: Company, b: Company) => a.parent === b.id || b.parent === a.id;
  return [...byName.entries()]
    .filter(([, sharing]) =>
      sharing.some((a, i) => sharing.slice(i + 1).some((b) => !related(a, b))),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, sharing]) => ({ name, ids: sharing.map((company) => company.id) }));
}
