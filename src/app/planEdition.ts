import type { Company } from "../domain/companySchema.js";
import { companySlug } from "../domain/companySlug.js";
import { matchCompanyName } from "../query/matchCompanyName.js";
import { editionDrafts } from "./editionDrafts.js";
import type { EditionInput, EditionPlan, MatchedMember, UncertainName } from "./editionPlan.js";

export type { EditionInput, EditionPlan, MatchedMember, UncertainName };

/**
 * How near a spelling must be for the importer to doubt a name is new. The search offers looser
 * near spellings to a person who picks from a list; an import that stopped at each of them would
 * stop at every "China ... Corporation". Names that contain a known name, or that a known name
 * contains, are always doubted.
 */
const IMPORT_FUZZY_MAX_SCORE = 0.2;

/**
 * Decides what importing a list action does, from the registry and the list's membership in the
 * log on its date: who is added (`Listed`), removed (`Delisted`), unchanged, which names are new
 * companies or new names of known ones, and which names match no company for certain (then
 * nothing may be written until the file gives their `id`). Writes nothing.
 *
 * @example
 * const plan = planEdition(input, readCompanies("events"), programMembersOn("events", "dod-1260h", "2025-01-07"));
 * plan.added.length; // the companies the 2025 edition added
 */
export function planEdition(
  input: EditionInput,
  companies: readonly Company[],
  membersOnDate: ReadonlySet<string>,
): EditionPlan {
  const editionId = input.id ?? `${input.program}.${input.kind}.${input.effective}`;
  const registry = companies.map((company) => ({ ...company, aliases: [...company.aliases] }));
  const plan: EditionPlan = {
    editionId,
    program: input.program,
    kind: input.kind,
    effective: input.effective,
    added: [],
    removed: [],
    unchanged: [],
    notMembers: [],
    noted: [],
    uncertain: [],
    newNames: [],
    newCompanies: [],
    parentLinks: [],
    warnings: [],
    registry,
    drafts: [],
  };
  const matched = matchMembers(input, plan);
  linkParents(input, matched, plan);
  const named = new Set(matched.map((member) => member.id));
  const byId = new Map(registry.map((company) => [company.id, company]));
  for (const member of matched) {
    const on = membersOnDate.has(member.id);
    if (input.kind === "withdrawn-posting") plan.noted.push(member);
    else if (input.kind === "removal-notice") (on ? plan.removed : plan.notMembers).push(member);
    else if (input.kind === "superseded") continue;
    else (on ? plan.unchanged : plan.added).push(member);
  }
  if (input.kind === "edition" || input.kind === "superseded") {
    for (const id of [...membersOnDate].sort()) {
      if (input.kind === "superseded" || !named.has(id)) {
        plan.removed.push({ id, name: byId.get(id)?.name ?? id });
      }
    }
  }
  if (plan.uncertain.length === 0) plan.drafts = editionDrafts(input, plan, matched);
  return plan;
}

/** Each member matched to a registry id; new companies are added to the plan's registry. */
function matchMembers(input: EditionInput, plan: EditionPlan): MatchedMember[] {
  const matched: MatchedMember[] = [];
  const lineOfId = new Map<string, number>();
  for (const { member, line } of input.members) {
    let id = member.id;
    let isNew = false;
    if (id === undefined) {
      const match = matchCompanyName(member.name, registryView(plan), member.aliases, {
        fuzzyMaxScore: IMPORT_FUZZY_MAX_SCORE,
      });
      // One edition names each company once: a company another row already is, is no candidate.
      const candidates =
        match.kind === "uncertain"
          ? match.candidates.filter((candidate) => !lineOfId.has(candidate.id))
          : [];
      if (match.kind === "certain") id = match.id;
      else if (candidates.length > 0) {
        plan.uncertain.push({ line, name: member.name, candidates });
        continue;
      } else {
        id = companySlug(member.name);
        const taken = plan.registry.find((company) => company.id === id);
        if (id === "" || taken !== undefined) {
          const candidates = taken ? [{ id: taken.id, name: taken.name, score: 1 }] : [];
          plan.uncertain.push({ line, name: member.name, candidates });
          continue;
        }
      }
    }
    let company = plan.registry.find((entry) => entry.id === id);
    if (company === undefined) {
      isNew = true;
      company = { id, name: member.name, aliases: [], identifiers: {} };
      plan.registry.push(company);
      plan.newCompanies.push(company);
    }
    const added = addNames(company, [member.name, ...member.aliases]);
    if (!isNew && added.length > 0) plan.newNames.push({ id, names: added });
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) {
      plan.uncertain.push({
        line,
        name: member.name,
        candidates: [{ id, name: `the company of line ${earlier} too`, score: 0 }],
      });
      continue;
    }
    lineOfId.set(id, line);
    matched.push({ id, name: company.name, line, isNew });
  }
  return matched;
}

const views = new WeakMap<EditionPlan, { size: number; companies: Company[] }>();

/**
 * The plan's registry as a fresh array whenever it has grown: the matcher indexes the array it
 * is given once, so it must see a new one after a company is added.
 */
function registryView(plan: EditionPlan): Company[] {
  const view = views.get(plan);
  if (view !== undefined && view.size === plan.registry.length) return view.companies;
  const companies = [...plan.registry];
  views.set(plan, { size: companies.length, companies });
  return companies;
}

/** Adds the names an entry does not have yet (as written, compared without case); returns them. */
function addNames(company: Company, names: readonly string[]): string[] {
  const known = new Set([company.name, ...company.aliases].map((name) => name.toLowerCase()));
  const added: string[] = [];
  for (const name of names) {
    if (known.has(name.toLowerCase())) continue;
    known.add(name.toLowerCase());
    company.aliases.push(name);
    added.push(name);
  }
  return added;
}

function linkParents(input: EditionInput, matched: MatchedMember[], plan: EditionPlan): void {
  const memberById = new Map(input.members.map(({ member, line }) => [line, member]));
  for (const { id, line } of matched) {
    const parentName = memberById.get(line)?.parent;
    if (parentName === undefined) continue;
    const exact = plan.registry.find((company) => company.id === parentName);
    const match = exact
      ? { kind: "certain" as const, id: exact.id }
      : matchCompanyName(parentName, registryView(plan));
    if (match.kind !== "certain") {
      plan.warnings.push(`line ${line}: the parent "${parentName}" matches no company for certain`);
      continue;
    }
    const company = plan.registry.find((entry) => entry.id === id);
    if (company === undefined || match.id === id) continue;
    if (company.parent === undefined) {
      company.parent = match.id;
      plan.parentLinks.push({ id, parent: match.id });
    } else if (company.parent !== match.id) {
      plan.warnings.push(
        `line ${line}: ${id} has the parent ${company.parent}; the edition names ${match.id} (kept ${company.parent})`,
      );
    }
  }
}
