import type { EditionPublishedEvent } from "../domain/eventSchema.js";
import { readLog } from "../store/readLog.js";
import type { Log } from "../store/streamLog.js";
import { eventsInView, type LogView } from "../domain/logView.js";
import { replayLogStrict } from "../replay/replayLog.js";
import type { Timeline } from "../domain/timeline.js";

/** The whole log read and replayed: every stream's timeline, and every list action. */
export interface LoadedRecord {
  log: Log;
  timelines: Timeline[];
  /** The `EditionPublished` events of every program, in the view asked for. */
  editions: EditionPublishedEvent[];
}

/**
 * Reads the events folder whole, checks it, and replays every company stream as `view` sees it
 * (`--known-at`, `--recorded-at`). Throws `LogError` on any problem.
 *
 * @example
 * loadRecord("events").editions.filter((e) => e.stream === "editions/dod-1237").length; // 7
 */
export function loadRecord(dir: string, view: LogView = {}): LoadedRecord {
  const log = readLog(dir);
  const editions = log.editions.flatMap((stream) =>
    eventsInView(
      stream.entries.map((entry) => entry.event),
      view,
    ).filter((event): event is EditionPublishedEvent => event.type === "EditionPublished"),
  );
  return { log, timelines: replayLogStrict(log, view), editions };
}
