import type { LogView } from "../domain/logView.js";
import { eventsInView } from "../domain/logView.js";
import type { Timeline } from "../domain/timeline.js";
import { toCloudEvent } from "../export/cloudEvent.js";
import { toCsv } from "../export/csvExport.js";
import { EVENT_COLUMNS, eventRows } from "../export/eventRows.js";
import { toJsonLines } from "../export/jsonLines.js";
import { TIMELINE_COLUMNS, timelineRows } from "../export/timelineRows.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";
import { storedLines } from "../store/storedLines.js";
import type { LogEntry, StreamLog } from "../store/streamLog.js";
import { programsOf } from "../store/streamFiles.js";
import { loadTimelines, orderedStreamFiles } from "./loadTimelines.js";

export const EXPORT_FORMATS = ["csv", "jsonl", "cloudevents"] as const;
export const EXPORT_WHATS = ["timelines", "events"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportWhat = (typeof EXPORT_WHATS)[number];

/** What to export, in which format, from which part of the log. */
export interface ExportRequest {
  what: ExportWhat;
  format: ExportFormat;
  program?: string;
  view?: LogView;
}

/** The exported text, and how many rows or events it holds. */
export interface Export {
  text: string;
  count: number;
  noun: "row" | "event";
}

/**
 * Every stream's intervals (`timelines`: CSV or JSON lines) or every event (`events`: CSV, the
 * log's own lines, or CloudEvents), on one program or all, as the view sees the log. A log whose
 * history does not replay is a bad log for every export (`LogError`); an unknown program is an
 * `UnknownProgramError`.
 *
 * @example
 * exportLog("events", { what: "timelines", format: "csv", program: "dod-1237" }).count; // rows
 */
export function exportLog(dir: string, request: ExportRequest): Export {
  const { what, format, program, view } = request;
  if (program !== undefined) {
    const programs = programsOf(dir);
    if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
  }
  if (what === "timelines") {
    return timelinesExport(loadTimelines(dir, { view, steps: true, program }), format);
  }
  loadTimelines(dir, { view }); // the whole history must replay
  return eventsExport(viewedStreams(dir, program, view), format);
}

function timelinesExport(timelines: readonly Timeline[], format: ExportFormat): Export {
  const rows = timelineRows(timelines);
  const text = format === "csv" ? toCsv(rows, TIMELINE_COLUMNS) : toJsonLines(rows);
  return { text, count: rows.length, noun: "row" };
}

function eventsExport(streams: readonly ViewedStream[], format: ExportFormat): Export {
  const events = streams.flatMap(({ entries }) => entries.map((entry) => entry.event));
  const text =
    format === "cloudevents"
      ? toJsonLines(events.map(toCloudEvent))
      : format === "csv"
        ? toCsv(eventRows(events), EVENT_COLUMNS)
        : streams.flatMap(({ stream, entries }) => storedLines(stream, entries)).join("");
  return { text, count: events.length, noun: format === "csv" ? "row" : "event" };
}

/** A stream and the entries of it that the view lets through. */
interface ViewedStream {
  stream: StreamLog;
  entries: LogEntry[];
}

/** The company streams (on one program) with the entries the view lets through, in log order. */
function viewedStreams(
  dir: string,
  program: string | undefined,
  view: LogView | undefined,
): ViewedStream[] {
  const store = jsonlEventStore(dir);
  return orderedStreamFiles(dir, program).map((ref) => {
    const stream = store.readStream(ref);
    const visible = new Set(
      eventsInView(
        stream.entries.map((entry) => entry.event),
        view,
      ),
    );
    return { stream, entries: stream.entries.filter((entry) => visible.has(entry.event)) };
  });
}
