import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import type { EditionKind, Source } from "../domain/eventSchema.js";
import { PROGRAMS, programName } from "../domain/programNames.js";
import type { EventDraft } from "./appendEvents.js";
import type { EditionInput, EditionPlan, MatchedMember } from "./editionPlan.js";

/**
 * The events a planned list action appends: `Listed` for each company it adds, `Delisted` for each
 * it drops, `Noted` for each a withdrawn posting named, then the `EditionPublished` event itself,
 * each with a fixed id (`<edition id>.<company>`) so that an import cut short completes when run
 * again.
 *
 * @example
 * editionDrafts(input, plan, matched).at(-1)?.type; // "EditionPublished"
 */
export function editionDrafts(
  input: EditionInput,
  plan: EditionPlan,
  matched: readonly MatchedMember[],
): EventDraft[] {
  const printed = new Map(input.members.map(({ member, line }) => [line, member]));
  const authority = PROGRAMS[input.program]?.authority;
  const list = programName(input.program);
  const when = editionPhrase(input);
  const common = (id: string, line?: number) => {
    const member = line === undefined ? undefined : printed.get(line);
    const own = member?.source;
    return {
      company: id,
      program: input.program,
      effective: input.effective,
      precision: "day" as const,
      ...(input.known !== undefined ? { known: input.known } : {}),
      sources: own === undefined ? input.sources : uniqueSources([own, ...input.sources]),
      confidence: member?.confidence ?? input.confidence,
      id: `${plan.editionId}.${id}`,
    };
  };
  const listing = (description: string, printedName?: string) => ({
    description,
    ...(authority !== undefined ? { authority } : {}),
    ...(printedName !== undefined ? { listedAs: printedName } : {}),
    edition: plan.editionId,
  });
  const drafts: EventDraft[] = [];
  for (const member of plan.added) {
    const name = printed.get(member.line)?.name ?? member.name;
    drafts.push({
      ...common(member.id, member.line),
      type: "Listed",
      data: listing(`Named on ${list} by ${when}, printed as "${name}".`, name),
    });
  }
  for (const member of plan.removed) {
    const line = matched.find((m) => m.id === member.id)?.line;
    const why =
      input.kind === "superseded"
        ? `Off ${list} because the whole list ended with ${when}.`
        : input.kind === "removal-notice"
          ? `Taken off ${list} by ${when}.`
          : `Left off ${list} by ${when}, which no longer names it.`;
    drafts.push({ ...common(member.id, line), type: "Delisted", data: listing(why) });
  }
  for (const member of plan.noted) {
    drafts.push({
      ...common(member.id, member.line),
      type: "Noted",
      data: {
        description: `Named in ${when}, which was withdrawn and changed nothing on ${list}.`,
        subject: "announcement",
        edition: plan.editionId,
      },
    });
  }
  drafts.push({
    company: EDITIONS_COMPANY,
    program: input.program,
    type: "EditionPublished",
    effective: input.effective,
    precision: "day",
    ...(input.known !== undefined ? { known: input.known } : {}),
    data: {
      description: input.description ?? `${capitalised(when)} of ${list}.`,
      kind: input.kind,
      ...(authority !== undefined ? { authority } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.citation !== undefined ? { citation: input.citation } : {}),
      ...(input.published !== undefined ? { published: input.published } : {}),
      ...(input.countClaimed !== undefined ? { countClaimed: input.countClaimed } : {}),
    },
    sources: input.sources,
    confidence: input.confidence,
    id: plan.editionId,
  });
  return drafts;
}

const KIND_PHRASES: Record<EditionKind, string> = {
  edition: "the edition",
  "addition-notice": "the addition notice",
  "removal-notice": "the removal notice",
  "withdrawn-posting": "the posting",
  superseded: "the action",
};

/** "the edition of 2021-06-03 (86 FR 33994)" */
function editionPhrase(input: EditionInput): string {
  const citation = input.citation === undefined ? "" : ` (${input.citation})`;
  return `${KIND_PHRASES[input.kind]} of ${input.effective}${citation}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url) !== undefined);
}
