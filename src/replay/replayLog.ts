import type { DesignationEvent, FactEvent } from "../domain/eventSchema.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { LogError, type LogIssue } from "../store/logError.js";
import type { Log, StreamLog } from "../store/streamLog.js";
import { applyCorrections, CorrectionError } from "../domain/corrections/applyCorrections.js";
import { foldStream } from "./foldStream.js";
import { eventsInView, type LogView } from "../domain/logView.js";
import type { Timeline } from "../domain/timeline.js";

/** A stream the machine cannot fold: the problem at its file and line (a `LogError`). */
export class HistoryError extends LogError {}

/** Every stream's timeline, and a problem for each stream whose history is invalid. */
export interface Replay {
  timelines: Timeline[];
  problems: LogIssue[];
}

/**
 * Replays every stream of the log. A stream with an invalid history yields no timeline and one
 * problem naming its file and line; the other streams are replayed all the same.
 *
 * @example
 * const { timelines, problems } = replayLog(readLog("events"));
 */
export function replayLog(log: Log, view: LogView = {}): Replay {
  const timelines: Timeline[] = [];
  const problems: LogIssue[] = [];
  for (const stream of log.streams) {
    try {
      timelines.push(replayStream(stream, view));
    } catch (error) {
      problems.push(problemOf(stream, error));
    }
  }
  return { timelines, problems };
}

/**
 * Like `replayLog`, but any invalid history is an error: answers come only from a log that
 * replays whole.
 *
 * @example
 * const timelines = replayLogStrict(readLog("events")); // throws LogError on invalid history
 */
export function replayLogStrict(log: Log, view: LogView = {}): Timeline[] {
  const { timelines, problems } = replayLog(log, view);
  if (problems.length > 0) throw new LogError(problems);
  return timelines;
}

/**
 * Folds one stream read from the log as the view sees it, with its steps.
 *
 * @example
 * replayStream(readLog("events").streams[0], { knownAt: "2021-03-01" }).intervals;
 */
export function replayStream(stream: StreamLog, view: LogView = {}): Timeline {
  return replayEvents(
    stream.stream,
    stream.entries.map((entry) => entry.event),
    { view },
  );
}

/** How to replay a stream: as which view of the log, and whether to keep every step. */
export interface ReplayOptions {
  view?: LogView;
  /** Keep the fold's steps (the events and the states between them); default true. */
  keepSteps?: boolean;
}

/**
 * The one fold every answer comes from: a stream's events (in log order) as the view sees them,
 * corrections applied, through the machine's transition table into a timeline. Throws
 * `InvalidHistoryError` or `CorrectionError` for a history the machine refuses.
 *
 * @example
 * replayEvents("xiaomi/dod-1237", events, { view: { knownAt: "2021-03-01" }, keepSteps: false });
 */
export function replayEvents(
  stream: string,
  events: readonly DesignationEvent[],
  options: ReplayOptions = {},
): Timeline {
  const seen = options.view === undefined ? events : eventsInView(events, options.view);
  const facts = seen.some(isCorrection) ? applyCorrections(seen) : (seen as FactEvent[]);
  return foldStream(stream, facts, { keepSteps: options.keepSteps ?? true });
}

function isCorrection(event: DesignationEvent): boolean {
  return event.type === "Corrected" || event.type === "Retracted";
}

/**
 * An invalid history or correction of the stream as a problem of its file and line; rethrows anything else.
 *
 * @example
 * problemOf(stream, error); // { file, line: 3, field: "type", message: "invalid history ..." }
 */
export function problemOf(stream: Pick<StreamLog, "file" | "entries">, error: unknown): LogIssue {
  if (error instanceof InvalidHistoryError || error instanceof CorrectionError) {
    const line = stream.entries.find((entry) => entry.event.id === error.eventId)?.line;
    const field = error instanceof InvalidHistoryError ? "type" : "data";
    return { file: stream.file, line, field, message: error.message };
  }
  throw error;
}
