import type { DesignationEvent } from "../domain/eventSchema.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { CorrectionError } from "../domain/corrections/applyCorrections.js";
import { replayEvents } from "./replayLog.js";
import { knowledgeViewProblem } from "./knowledgeViews.js";

/** Why a stream's events do not make a valid history, and which event is to blame. */
export interface HistoryProblem {
  message: string;
  field?: "known";
  /** The index (in `events`) of the first event that makes the history invalid. */
  index?: number;
}

/**
 * Whether the events, in log order, fold into a valid history, in full and as known on every
 * date; `undefined` when they do. When the first `valid` events are known to be valid already, the
 * culprit is searched among the rest only.
 *
 * @example
 * historyProblem("acme/dod-1237", [listed, vacatedBeforeAnyChallenge], 1);
 * // { message: "with this event the history would be invalid: ...", index: 1 }
 */
export function historyProblem(
  stream: string,
  events: readonly DesignationEvent[],
  valid = 0,
): HistoryProblem | undefined {
  const problem = foldProblem(stream, events);
  if (problem !== undefined) {
    // Fold with one more event at a time to name the first that breaks it.
    let index = valid;
    while (index < events.length && foldProblem(stream, events.slice(0, index + 1)) === undefined)
      index += 1;
    return { message: `with this event the history would be invalid: ${problem}`, index };
  }
  const known = knowledgeViewProblem(stream, events);
  if (known !== undefined) return { message: known.message, field: "known" };
  return undefined;
}

function foldProblem(stream: string, events: readonly DesignationEvent[]): string | undefined {
  try {
    replayEvents(stream, events, { keepSteps: false });
    return undefined;
  } catch (error) {
    if (error instanceof InvalidHistoryError || error instanceof CorrectionError)
      return error.message;
    throw error;
  }
}
