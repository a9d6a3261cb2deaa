import {
  type AppendOptions,
  type AppendResult,
  type EventDraft,
  type StreamCheck,
} from "../store/appendToStream.js";
import { historyProblem } from "../replay/historyProblem.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";

export type { AppendOptions, AppendResult, EventDraft };

/** The history's rules, as the store's check: the new events must leave a valid history. */
const validHistory: StreamCheck = (stream, events, stored) => {
  const problem = historyProblem(stream, events, stored);
  if (problem === undefined) return undefined;
  return {
    message: problem.message,
    field: problem.field,
    newIndex: problem.index === undefined ? undefined : problem.index - stored,
  };
};

/**
 * Appends one event to its stream, under the stream's lock, as one complete line flushed to disk
 * before it returns. Rejects, writing nothing, an event that breaks the schema or makes the
 * stream's history invalid (also when it is back-dated before events already there), a stream
 * file that fails verification, and a stale `expectedSeq`. Re-sending an identical event with the
 * same `id` is a no-op.
 *
 * @example
 * appendEvent("events", { company: "xiaomi", program: "dod-1237", type: "Noted", effective: "2021-03-09",
 *   data: { subject: "hearing", description: "Oral argument." }, confidence: "low",
 *   sources: [{ publisher: "Kandian5", title: "...", url: "https://kandian5.com/articles/19478.html" }] });
 */
export function appendEvent(
  dir: string,
  draft: EventDraft,
  options: AppendOptions = {},
): AppendResult {
  return appendEvents(dir, [draft], options)[0] as AppendResult;
}

/**
 * Appends several events to ONE stream at once: all of them or none. They are checked together
 * (schema, ids, the history with all of them) and written in one write, flushed to disk.
 * `expectedSeq` is the stream's last seq before the first of them.
 *
 * @example
 * appendEvents("events", [listedDraft, challengeDraft]); // two results, in order
 */
export function appendEvents(
  dir: string,
  drafts: readonly EventDraft[],
  options: AppendOptions = {},
): AppendResult[] {
  return jsonlEventStore(dir).append(drafts, { ...options, check: validHistory });
}
