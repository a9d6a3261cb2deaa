import type { EditionKind, EditionPublishedEvent } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { Timeline } from "../domain/timeline.js";
import { ON_THE_LIST_STATUSES } from "./onTheList.js";
import { statusAt } from "./statusAt.js";
import { addDays } from "../domain/isoDate.js";

/** One list action as the log holds it, with what it changed, counted from the log. */
export interface EditionSummary {
  id: string;
  program: string;
  kind: EditionKind;
  effective: IsoDate;
  known: IsoDate;
  published: IsoDate | null;
  citation: string | null;
  description: string;
  /** Streams whose `Listed` cites it. */
  added: number;
  /** Streams whose `Delisted` cites it. */
  removed: number;
  /** Streams whose `Noted` cites it (a withdrawn posting's). */
  noted: number;
  /** Companies on the list the day before, from the timelines. */
  membersBefore: number;
  /**
   * Companies on the list at the end of its day, from the timelines: with `membersBefore`, the
   * change of that day, whatever events made it (some court-case streams record a listing
   * without citing the edition).
   */
  members: number;
  /** The count its publication states, when it states one. */
  countClaimed: number | null;
}

/**
 * The list actions of one program (its `EditionPublished` events, by date), each with the
 * streams that cite it and the list's membership on its day, counted from the timelines.
 *
 * @example
 * listEditions(editionEvents, timelines, "dod-1237").at(-1); // { kind: "superseded", effective: "2021-06-03", members: 0, ... }
 */
export function listEditions(
  editions: readonly EditionPublishedEvent[],
  timelines: readonly Timeline[],
  program: string,
): EditionSummary[] {
  const onProgram = timelines.filter((timeline) => timeline.program === program);
  const citing = new Map<string, { added: number; removed: number; noted: number }>();
  for (const timeline of onProgram) {
    for (const { event } of timeline.steps) {
      const edition = "edition" in event.data ? event.data.edition : undefined;
      if (edition === undefined) continue;
      const counts = citing.get(edition) ?? { added: 0, removed: 0, noted: 0 };
      if (event.type === "Listed") counts.added += 1;
      else if (event.type === "Delisted") counts.removed += 1;
      else if (event.type === "Noted") counts.noted += 1;
      citing.set(edition, counts);
    }
  }
  return editions
    .filter((event) => event.stream.endsWith(`/${program}`))
    .sort((a, b) =>
      a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.seq - b.seq,
    )
    .map((event) => ({
      id: event.id,
      program,
      kind: event.data.kind,
      effective: event.effective,
      known: event.known ?? event.effective,
      published: event.data.published ?? null,
      citation: event.data.citation ?? null,
      description: event.data.description,
      ...(citing.get(event.id) ?? { added: 0, removed: 0, noted: 0 }),
      membersBefore: membersOn(onProgram, addDays(event.effective, -1)),
      members: membersOn(onProgram, event.effective),
      countClaimed: event.data.countClaimed ?? null,
    }));
}

function membersOn(timelines: readonly Timeline[], date: IsoDate): number {
  return timelines.filter((t) => ON_THE_LIST_STATUSES.has(statusAt(t, date).status)).length;
}
