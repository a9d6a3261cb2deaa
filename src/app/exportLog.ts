import type { LogView } from "../domain/logView.js";
import { eventsInView } from "../domain/logView.js";
import { toCloudEvent } from "../export/cloudEvent.js";
import { toCsv } from "../export/csvExport.js";
import { EVENT_COLUMNS, eventRows } from "../export/eventRows.js";
import { toJsonLines } from "../export/jsonLines.js";
import { TIMELINE_COLUMNS, timelineRows } from "../export/timelineRows.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { storedLines } from "../store/storedLines.js";
import { programsOf } from "../store/streamFiles.js";
import { mapStreams } from "./mapStreams.js";

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
  /** CSV cells exactly as they are, formulas not neutralised (for programs, not spreadsheets). */
  raw?: boolean;
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
  const { program } = request;
  if (program !== undefined) {
    const programs = programsOf(dir);
    if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
  }
  return request.what === "timelines" ? timelinesExport(dir, request) : eventsExport(dir, request);
}

/** One stream at a time, so that only the text is kept, never every stream's events. */
function timelinesExport(dir: string, request: ExportRequest): Export {
  const { format, program, view, raw } = request;
  let count = 0;
  const parts = mapStreams(dir, program, ({ file, company, program: p }, cache) => {
    const rows = timelineRows([cache.timeline(file, company, p, { view, steps: true })]);
    count += rows.length;
    return format === "csv"
      ? toCsv(rows, TIMELINE_COLUMNS, { header: false, raw })
      : toJsonLines(rows);
  });
  const header = format === "csv" ? toCsv([], TIMELINE_COLUMNS) : "";
  return { text: header + parts.join(""), count, noun: "row" };
}

function eventsExport(dir: string, request: ExportRequest): Export {
  const { format, program, view, raw } = request;
  // A log whose history does not replay is a bad log for every export, events too: every stream
  // is folded (as the view sees it) before any is written.
  mapStreams(dir, undefined, ({ file, company, program: p }, cache) => {
    cache.timeline(file, company, p, { view });
  });
  let count = 0;
  const parts = mapStreams(dir, program, ({ file, company, program: p }, cache) => {
    const events = eventsInView(cache.events(file, company, p), view);
    count += events.length;
    return format === "cloudevents"
      ? toJsonLines(events.map(toCloudEvent))
      : format === "csv"
        ? toCsv(eventRows(events), EVENT_COLUMNS, { header: false, raw })
        : storedLines(file, events).join("");
  });
  const header = format === "csv" ? toCsv([], EVENT_COLUMNS) : "";
  return { text: header + parts.join(""), count, noun: format === "csv" ? "row" : "event" };
}
