import type { EditionPublishedEvent } from "../domain/eventSchema.js";
import { eventsInView, type LogView } from "../domain/logView.js";
import type { Timeline } from "../domain/timeline.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";
import { editionStreamFiles } from "../store/streamFiles.js";
import { loadTimelines } from "./loadTimelines.js";

/** Every company stream replayed, and every list action. */
export interface LoadedRecord {
  /** Every company stream's timeline, with its steps. */
  timelines: Timeline[];
  /** The `EditionPublished` events of every program, in the view asked for. */
  editions: EditionPublishedEvent[];
}

/**
 * The whole record as `view` sees it (`--known-at`, `--recorded-at`): every company stream's
 * timeline with its steps (through the timeline cache, as `loadTimelines`), and every program's
 * list actions. Throws `LogError` on any problem.
 *
 * @example
 * loadRecord("events").editions.filter((e) => e.stream === "editions/dod-1237").length; // 7
 */
export function loadRecord(dir: string, view: LogView = {}): LoadedRecord {
  const timelines = loadTimelines(dir, { view, steps: true });
  const store = jsonlEventStore(dir);
  const editions = editionStreamFiles(dir).flatMap((ref) => {
    const stream = store.readStream(ref);
    return eventsInView(
      stream.entries.map((entry) => entry.event),
      view,
    ).filter((event): event is EditionPublishedEvent => event.type === "EditionPublished");
  });
  return { timelines, editions };
}
