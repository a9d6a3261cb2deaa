import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { LogError, type LogIssue } from "../log/logError.js";
import type { Log, StreamLog } from "../log/streamLog.js";
import { applyCorrections, CorrectionError } from "./applyCorrections.js";
import { foldStream } from "./foldStream.js";
import { eventsInView, type LogView } from "./logView.js";
import type { Timeline } from "./timeline.js";

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

/** Folds one stream as the view sees it, with its corrections applied. */
export function replayStream(stream: StreamLog, view: LogView = {}): Timeline {
  const events = stream.entries.map((entry) => entry.event);
  const facts = applyCorrections(eventsInView(events, view));
  return foldStream(stream.stream, facts);
}

/** An invalid history or correction of the stream as a problem of its file and line; rethrows anything else. */
export function problemOf(stream: StreamLog, error: unknown): LogIssue {
  if (error instanceof InvalidHistoryError || error instanceof CorrectionError) {
    const line = stream.entries.find((entry) => entry.event.id === error.eventId)?.line;
    const field = error instanceof InvalidHistoryError ? "type" : "data";
    return { file: stream.file, line, field, message: error.message };
  }
  throw error;
}
