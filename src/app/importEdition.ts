import type { Company } from "../domain/companySchema.js";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import { AppendRejectedError } from "../store/appendErrors.js";
import { type AppendOptions, appendEvents, type EventDraft } from "./appendEvents.js";
import { LogError } from "../store/logError.js";
import { readCompanies } from "../store/readCompanies.js";
import { readStreamFile } from "../store/readStreamFile.js";
import { streamFileOf } from "../store/streamFiles.js";
import { updateCompanies } from "../store/writeCompanies.js";
import { type EditionInput, type EditionPlan, planEdition } from "./planEdition.js";
import { programMembersOn } from "./programMembers.js";

/** What an import did, or (on a dry run, or with uncertain names) would do. */
export interface EditionImport {
  plan: EditionPlan;
  /** The members on the list after it (the log's membership on its date, changed by it). */
  membersAfter: number;
  /** True when the edition was already in the log with the same membership: nothing to do. */
  alreadyImported: boolean;
  /** True when events were written. */
  written: boolean;
}

/**
 * Imports a list action: plans it against the log (see `planEdition`), checks every event it
 * would append as the append itself would, and only then writes: the registry's new companies and
 * names, each member's `Listed`, `Delisted` or `Noted`, and last the `EditionPublished` event.
 * Nothing is written on a dry run, when a name matches no company for certain, or when any event
 * would be rejected (`LogError` naming the members file's line). Importing the same edition again
 * changes nothing; after a crash, importing it again completes it (the events have fixed ids).
 *
 * @example
 * importEdition("events", { program: "dod-1260h", kind: "edition", effective: "2025-01-07", ... }, "members.csv");
 */
export function importEdition(
  dir: string,
  input: EditionInput,
  membersFile: string,
  options: { dryRun?: boolean; now?: AppendOptions["now"] } = {},
): EditionImport {
  const before = programMembersOn(dir, input.program, input.effective);
  const plan = planEdition(input, readCompanies(dir), before);
  const membersAfter = before.size - plan.removed.length + plan.added.length;
  const result = { plan, membersAfter, alreadyImported: false, written: false };
  if (plan.uncertain.length > 0) return result;
  const existing = editionInLog(dir, input.program, plan.editionId);
  const changes = plan.drafts.length - 1;
  if (existing !== undefined) {
    if (changes > 0 || plan.newCompanies.length > 0) {
      throw new LogError(
        [
          {
            file: membersFile,
            message: `${plan.editionId} is already in the log (${existing}), but importing it again would change ${changes} stream(s): give this edition another --id, or correct the log`,
          },
        ],
        "the members file",
      );
    }
    if (plan.newNames.length > 0 || plan.parentLinks.length > 0) {
      if (!options.dryRun) updateCompanies(dir, (current) => merged(current, plan));
      return { ...result, alreadyImported: true, written: !options.dryRun };
    }
    return { ...result, alreadyImported: true };
  }
  const lines = new Map<string, number>();
  for (const member of [...plan.added, ...plan.removed, ...plan.noted]) {
    if (member.line !== undefined) lines.set(`${plan.editionId}.${member.id}`, member.line);
  }
  const batches = byStream(plan.drafts, lines);
  for (const dryRun of [true, false]) {
    if (!dryRun && options.dryRun) return result;
    if (!dryRun) updateCompanies(dir, (current) => merged(current, plan));
    for (const batch of batches) {
      try {
        appendEvents(dir, batch.drafts, { dryRun, now: options.now });
      } catch (error) {
        if (!(error instanceof AppendRejectedError)) throw error;
        throw new LogError(
          [{ file: membersFile, line: batch.line, field: error.field, message: error.message }],
          "the members file",
        );
      }
    }
  }
  return { ...result, written: true };
}

/** Where the edition event with this id stands in the program's edition stream, if it does. */
function editionInLog(dir: string, program: string, id: string): string | undefined {
  const file = streamFileOf(dir, EDITIONS_COMPANY, program);
  const stream = readStreamFile(file, EDITIONS_COMPANY, program, []);
  const entry = stream.entries.find(({ event }) => event.id === id);
  return entry === undefined ? undefined : `${file}:${entry.line}`;
}

/** The drafts grouped by stream, in order, the edition's own stream last. */
function byStream(
  drafts: readonly EventDraft[],
  lines: ReadonlyMap<string, number>,
): { drafts: EventDraft[]; line?: number }[] {
  const batches = new Map<string, EventDraft[]>();
  for (const draft of drafts) {
    const stream = `${draft.company}/${draft.program}`;
    batches.set(stream, [...(batches.get(stream) ?? []), draft]);
  }
  return [...batches.values()].map((batch) => ({
    drafts: batch,
    line: lines.get(batch[0]?.id ?? ""),
  }));
}

/** The registry on disk now, with the plan's new companies, names and parent links. */
function merged(current: Company[], plan: EditionPlan): Company[] {
  const next = current.map((company) => ({ ...company, aliases: [...company.aliases] }));
  for (const company of plan.newCompanies) {
    if (!next.some((entry) => entry.id === company.id)) next.push(company);
  }
  for (const company of next) {
    const planned = plan.registry.find((entry) => entry.id === company.id);
    if (planned === undefined) continue;
    const known = new Set(company.aliases.map((alias) => alias.toLowerCase()));
    for (const alias of planned.aliases) {
      if (!known.has(alias.toLowerCase()) && alias.toLowerCase() !== company.name.toLowerCase()) {
        company.aliases.push(alias);
      }
    }
    if (company.parent === undefined && planned.parent !== undefined) {
      company.parent = planned.parent;
    }
  }
  return next;
}
