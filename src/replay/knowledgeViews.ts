import type { DesignationEvent } from "../domain/eventSchema.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { applyCorrections, CorrectionError } from "../domain/corrections/applyCorrections.js";
import { foldStream } from "./foldStream.js";
import { eventsInView } from "../domain/logView.js";

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
  const dates = [...new Set(events.map((event) => event.known ?? event.effective))].sort();
  for (const knownAt of dates) {
    try {
      foldStream(stream, applyCorrections(eventsInView(events, { knownAt })));
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
