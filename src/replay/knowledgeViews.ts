import type { DesignationEvent } from "../domain/eventSchema.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { CorrectionError } from "../domain/corrections/applyCorrections.js";
import { replayEvents } from "./replayLog.js";

/** A stream whose history is valid in full but not as it was known on some date. */
export interface KnowledgeViewProblem {
  knownAt: string;
  eventId: string;
  message: string;
}

/**
 * Checks that the stream replays as known on every date its knowledge changed (every `known`
 * date): an event that became public before one it depends on (an injunction known before the
 * challenge it was granted in) makes `--known-at` answers impossible. The first problem, if any.
 *
 * @example
 * knowledgeViewProblem("acme/dod-1237", events);
 * // { knownAt: "2021-03-12", eventId: "acme-3", message: "as known on 2021-03-12, ..." }
 */
export function knowledgeViewProblem(
  stream: string,
  events: readonly DesignationEvent[],
): KnowledgeViewProblem | undefined {
  const dates = [...new Set(events.map(knownOf))].sort();
  const mustFold = viewsToFold(stream, events);
  for (const knownAt of dates) {
    if (!mustFold(knownAt)) continue;
    try {
      replayEvents(stream, events, { view: { knownAt }, keepSteps: false });
    } catch (error) {
      if (!(error instanceof InvalidHistoryError || error instanceof CorrectionError)) throw error;
      return {
        knownAt,
        eventId: error.eventId,
        message: `as known on ${knownAt} the history is invalid: ${error.message}. An event it needs became known later: check the known dates`,
      };
    }
  }
  return undefined;
}

function knownOf(event: DesignationEvent): string {
  return event.known ?? event.effective;
}

/**
 * Which views need a fold of their own. A fold is the machine taking events in (effective, seq)
 * order, so a valid history's every prefix in that order is valid too: a view that sees exactly
 * such a prefix (no event it lacks comes before one it has) needs no fold. That holds only when
 * the whole history folds and no correction rewrites it; otherwise every view is folded.
 */
function viewsToFold(
  stream: string,
  events: readonly DesignationEvent[],
): (knownAt: string) => boolean {
  const everyView = () => true;
  if (events.some((event) => event.type === "Corrected" || event.type === "Retracted")) {
    return everyView;
  }
  try {
    replayEvents(stream, events, { keepSteps: false });
  } catch {
    return everyView; // the earliest view that fails is the one to report
  }
  const rank = new Map(
    [...events]
      .sort((a, b) =>
        a.effective !== b.effective ? (a.effective < b.effective ? -1 : 1) : a.seq - b.seq,
      )
      .map((event, index) => [event, index]),
  );
  const byKnown = [...events].sort((a, b) =>
    knownOf(a) < knownOf(b) ? -1 : knownOf(a) > knownOf(b) ? 1 : 0,
  );
  const notPrefix = new Set<string>();
  let seen = 0;
  let highest = -1;
  for (let i = 0; i < byKnown.length;) {
    const date = knownOf(byKnown[i] as DesignationEvent);
    for (; i < byKnown.length && knownOf(byKnown[i] as DesignationEvent) === date; i += 1) {
      seen += 1;
      highest = Math.max(highest, rank.get(byKnown[i] as DesignationEvent) ?? 0);
    }
    if (highest !== seen - 1) notPrefix.add(date);
  }
  return (knownAt) => notPrefix.has(knownAt);
}
