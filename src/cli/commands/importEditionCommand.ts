import { type EditionImport, importEdition } from "../../app/importEdition.js";
import type { EditionInput, MatchedMember } from "../../app/planEdition.js";
import { EDITION_KINDS, type EditionKind, SlugSchema } from "../../domain/eventSchema.js";
import { readMembersFile } from "../../app/readMembersFile.js";
import type { Command, OptionValues } from "../command.js";
import {
  CITATION_OPTIONS,
  confidenceOption,
  requiredDateOption,
  sourcesOption,
} from "../draftOptions.js";
import { plural } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";

export const importEditionCommand: Command = {
  name: "import-edition",
  summary: "bring in a list's edition or notice: appends who it added and removed",
  help: `Usage: designations import-edition <program> [<members.csv|jsonl>] --effective D --source URL
                   [--kind K] [--known D] [--published D] [--citation T] [--title T] [--count N]
                   [--source-title T] [--publisher P] [--confidence C] [--description T]
                   [--id ID] [--dry-run] [--json] [--events DIR]

Compares the members a list action names with the list's membership in the log on its date, and
appends Listed for every company it adds and Delisted for every company it drops, each citing it;
then the action itself, as an EditionPublished event of editions/<program> (see: editions).
First it prints the difference: added, removed, unchanged, new companies and new names, and the
names it could not match with certainty. Everything is checked before anything is written; a
name matched with no certainty writes nothing (give its row an id: an existing company's id, or a
new one). Importing the same action twice changes nothing.

Members file: CSV with a header (name, and optionally id, aliases separated by ";", parent, source
as "Publisher | Title | URL" or a URL), or JSON lines {"name", "id"?, "aliases"?, "parent"?, "source"?}.

  --kind K          edition (default: the whole list on that date; who is missing is removed),
                    addition-notice, removal-notice, superseded (the whole list ends: no file
                    needed) or withdrawn-posting (each named company gets a note, nothing more)
  --effective D     the date it took effect (its release)
  --known D         the date it became public, when later
  --published D     the date of its Federal Register publication
  --citation T      e.g. "90 FR 1105"
  --title T         its title as published
  --count N         the number of members the publication states (compared with the result)
  --source URL      where it was published (required; repeat for several sources), with
                    --source-title T and --publisher P as for append
  --confidence C    high, medium (default) or low
  --id ID           the edition event's id (default: <program>.<kind>.<effective>)
  --dry-run         print the difference, write nothing
  --json            {"edition", "added", "removed", "unchanged", "uncertain", ...}
  --events DIR      the events folder (default: the repository's events/)

Example: designations import-edition dod-1260h members-2025.csv --effective 2025-01-07 \\
           --citation "90 FR 1105" --source https://www.federalregister.gov/d/2025-00070 --dry-run`,
  options: {
    kind: { type: "string" },
    effective: { type: "string" },
    known: { type: "string" },
    published: { type: "string" },
    citation: { type: "string" },
    title: { type: "string" },
    count: { type: "string" },
    "dry-run": { type: "boolean" },
    ...CITATION_OPTIONS,
  },
  positionals: { min: 1, max: 2 },
  run({ positionals, values }, io) {
    const [program = "", membersFile] = positionals;
    const input = editionInput(program, membersFile, values);
    const result = importEdition(eventsDirOf(values, io), input, membersFile ?? "(no file)", {
      dryRun: values["dry-run"] === true,
    });
    if (values.json) io.out(JSON.stringify(importJson(result)));
    else io.out(importText(result, input));
    if (result.plan.uncertain.length > 0) {
      io.err(
        "error: nothing written: some names match no company for certain. Give each of those rows an id (an existing company's, or a new one), then import again.",
      );
      return 1;
    }
    return 0;
  },
};

function editionInput(
  program: string,
  membersFile: string | undefined,
  values: OptionValues,
): EditionInput {
  if (!SlugSchema.safeParse(program).success) {
    throw new UsageError(`"${program}" is not a program id such as dod-1260h`);
  }
  const kind = (stringOption(values, "kind") ?? "edition") as EditionKind;
  if (!EDITION_KINDS.includes(kind)) {
    throw new UsageError(`--kind: "${kind}" must be one of ${EDITION_KINDS.join(", ")}`);
  }
  if (membersFile === undefined && kind !== "superseded") {
    throw new UsageError(`a members file is required (only --kind superseded goes without one)`);
  }
  const count = stringOption(values, "count");
  if (count !== undefined && !/^\d+$/.test(count)) {
    throw new UsageError(`--count: "${count}" is not a whole number`);
  }
  const optionalDate = (name: string) =>
    stringOption(values, name) === undefined ? undefined : dateOption(values, name, "");
  const input: EditionInput = {
    program,
    kind,
    effective: requiredDateOption(values, "effective"),
    sources: sourcesOption(values),
    confidence: confidenceOption(values),
    members: membersFile === undefined ? [] : readMembersFile(membersFile),
  };
  const known = optionalDate("known");
  const published = optionalDate("published");
  if (known !== undefined) input.known = known;
  if (published !== undefined) input.published = published;
  for (const name of ["citation", "title", "description", "id"] as const) {
    const value = stringOption(values, name);
    if (value !== undefined) input[name] = value;
  }
  if (count !== undefined) input.countClaimed = Number(count);
  return input;
}

function importText(result: EditionImport, input: EditionInput): string {
  const { plan } = result;
  const member = (sign: string) => (m: { id: string; name: string; isNew?: boolean }) =>
    `  ${sign} ${m.id}  ${m.name}${m.isNew ? "  (new company)" : ""}`;
  const citation = input.citation === undefined ? "" : ` (${input.citation})`;
  const lines = [`${plan.program}: ${plan.kind} of ${plan.effective}${citation}`];
  const section = (title: string, rows: string[]) => {
    if (rows.length > 0) lines.push(`${title} (${rows.length}):`, ...rows);
  };
  section("added", plan.added.map(member("+")));
  section("removed", plan.removed.map(member("-")));
  if (plan.unchanged.length > 0) lines.push(`unchanged: ${plan.unchanged.length}`);
  section("named but not on the list that day", plan.notMembers.map(member("~")));
  section("noted (nothing changes)", plan.noted.map(member("*")));
  section(
    "new names of known companies",
    plan.newNames.map((n) => `  ${n.id}: ${n.names.join("; ")}`),
  );
  section(
    "parents linked",
    plan.parentLinks.map((l) => `  ${l.id} -> ${l.parent}`),
  );
  section(
    "not matched with certainty",
    plan.uncertain.map(
      (u) =>
        `  ? line ${u.line}: "${u.name}"${u.candidates.length > 0 ? `; closest: ${u.candidates.map((c) => `${c.id} (${c.name})`).join(", ")}` : ""}`,
    ),
  );
  section(
    "warnings",
    plan.warnings.map((w) => `  ${w}`),
  );
  const claimed = input.countClaimed;
  const count = `members after it: ${result.membersAfter}`;
  lines.push(
    claimed === undefined
      ? count
      : `${count} (the publication states ${claimed}${claimed === result.membersAfter ? "" : ": they differ"})`,
  );
  lines.push(outcomeText(result));
  return lines.join("\n");
}

function outcomeText(result: EditionImport): string {
  const { plan } = result;
  if (plan.uncertain.length > 0) return "nothing written";
  if (result.alreadyImported) return `${plan.editionId} is already in the log: nothing to do`;
  const events = plan.drafts.length;
  const companies = plan.newCompanies.length;
  const what = `${plural(events, "event")} (${companies} new ${companies === 1 ? "company" : "companies"})`;
  return result.written ? `wrote ${what}` : `dry run: would write ${what}; nothing written`;
}

function importJson(result: EditionImport) {
  const { plan } = result;
  const ids = (members: readonly Pick<MatchedMember, "id">[]) => members.map((m) => m.id);
  return {
    edition: plan.editionId,
    program: plan.program,
    kind: plan.kind,
    effective: plan.effective,
    added: ids(plan.added),
    removed: ids(plan.removed),
    unchanged: ids(plan.unchanged),
    notMembers: ids(plan.notMembers),
    noted: ids(plan.noted),
    newCompanies: plan.newCompanies.map((c) => c.id),
    newNames: plan.newNames,
    parentLinks: plan.parentLinks,
    uncertain: plan.uncertain,
    warnings: plan.warnings,
    membersAfter: result.membersAfter,
    alreadyImported: result.alreadyImported,
    written: result.written,
  };
}
