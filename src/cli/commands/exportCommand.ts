import { readLog } from "../../log/readLog.js";
import { storedLines } from "../../log/storedLines.js";
import type { Log, LogEntry, StreamLog } from "../../log/streamLog.js";
import { UnknownProgramError } from "../../query/queryErrors.js";
import { toCloudEvent } from "../../export/cloudEvent.js";
import { toCsv } from "../../export/csvExport.js";
import { EVENT_COLUMNS, eventRows } from "../../export/eventRows.js";
import { toJsonLines } from "../../export/jsonLines.js";
import { TIMELINE_COLUMNS, timelineRows } from "../../export/timelineRows.js";
import { eventsInView, type LogView } from "../../replay/logView.js";
import { replayLogStrict } from "../../replay/replayLog.js";
import type { Timeline } from "../../replay/timeline.js";
import type { Command, OptionValues } from "../command.js";
import { plural } from "../formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import { stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";
import { writeOutputFile } from "../writeOutputFile.js";

const FORMATS = ["csv", "jsonl", "cloudevents"] as const;
const WHATS = ["timelines", "events"] as const;
type Format = (typeof FORMATS)[number];
type What = (typeof WHATS)[number];

export const exportCommand: Command = {
  name: "export",
  summary: "export every stream's intervals or every event as CSV, JSON lines or CloudEvents",
  help: `Usage: designations export --format csv|jsonl|cloudevents [--what timelines|events]
                           [--out FILE] [--program P] [--known-at D] [--recorded-at T]
                           [--events DIR]

  --format F    csv: RFC 4180 (header row, CRLF line ends, quoted cells where needed);
                jsonl: one JSON object per line;
                cloudevents: one CloudEvents 1.0 JSON object per line (JSON lines, not an
                array), events only
  --what W      timelines (default; not with cloudevents): one row per interval [from, to) of
                every stream: company, program, status, enforceable, valid_from, valid_to
                (empty / null while it lasts), uncertain, event_id (the event that opened it),
                known_at (its known date, else its effective date), source_url (its first source)
                events (default with cloudevents): one row per event of the log, corrections and
                retractions included as they are: id, stream, company, program, seq, type,
                effective, known, precision, recorded, description, target_id (what a correction
                or retraction names), court, docket, judge, confidence, source_urls (space
                separated); with jsonl, the events exactly as the log holds them
  --out FILE    write the export to FILE (whole or not at all) instead of standard output
  --program P   only the streams of this program
${VIEW_HELP}
  --events DIR  the events folder (default: the repository's events/)

A CloudEvent has id = the event's id, source = urn:designations:<program>:<company>,
type = org.designations.event.<event type in kebab case> (e.g. ...injunction-granted),
subject = <company>/<program>, time = the instant the log recorded the event,
datacontenttype = application/json, and data = {seq, effective, known, precision, confidence,
details (the event's own data: description, court, docket, judge, ...), sources}.

Example: designations export --format csv --program dod-1237 --out timelines.csv`,
  options: {
    format: { type: "string" },
    what: { type: "string" },
    out: { type: "string" },
    program: { type: "string" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const format = formatOption(values);
    const what = whatOption(values, format);
    const out = stringOption(values, "out");
    const view = viewOption(values);
    const log = readLog(eventsDirOf(values, io));
    // A log whose history does not replay is a bad log for every export, events too.
    const timelines = replayLogStrict(log, view);
    const program = stringOption(values, "program");
    const { text, count, noun } =
      what === "timelines"
        ? timelinesExport(onProgram(timelines, program, log), format)
        : eventsExport(eventsOf(log, program, view), format);
    if (out !== undefined) {
      writeOutputFile(out, text, "--out");
      io.out(`wrote ${plural(count, noun)} to ${out}`);
    } else if (text !== "") {
      // io.out ends the line itself: drop the text's last "\n" (a CSV keeps its "\r").
      io.out(text.slice(0, -1));
    }
    return 0;
  },
};

interface Export {
  text: string;
  count: number;
  noun: string;
}

function timelinesExport(timelines: readonly Timeline[], format: Format): Export {
  const rows = timelineRows(timelines);
  const text = format === "csv" ? toCsv(rows, TIMELINE_COLUMNS) : toJsonLines(rows);
  return { text, count: rows.length, noun: "row" };
}

function eventsExport(streams: readonly ViewedStream[], format: Format): Export {
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

function onProgram(
  timelines: readonly Timeline[],
  program: string | undefined,
  log: Log,
): readonly Timeline[] {
  if (program === undefined) return timelines;
  assertProgram(program, log);
  return timelines.filter((timeline) => timeline.program === program);
}

/** The streams of the log (on one program) with the entries the view lets through, in log order. */
function eventsOf(log: Log, program: string | undefined, view: LogView): ViewedStream[] {
  if (program !== undefined) assertProgram(program, log);
  return log.streams
    .filter((stream) => program === undefined || stream.program === program)
    .map((stream) => {
      const visible = new Set(
        eventsInView(
          stream.entries.map((entry) => entry.event),
          view,
        ),
      );
      return { stream, entries: stream.entries.filter((entry) => visible.has(entry.event)) };
    });
}

function assertProgram(program: string, log: Log): void {
  const programs = [...new Set(log.streams.map((stream) => stream.program))].sort();
  if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
}

function formatOption(values: OptionValues): Format {
  const format = stringOption(values, "format");
  if (format === undefined) {
    throw new UsageError(`--format is required: use one of ${FORMATS.join(", ")}`);
  }
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: "${format}" is not a format; use one of ${FORMATS.join(", ")}`);
  }
  return format as Format;
}

function whatOption(values: OptionValues, format: Format): What {
  const what = stringOption(values, "what");
  if (what === undefined) return format === "cloudevents" ? "events" : "timelines";
  if (!(WHATS as readonly string[]).includes(what)) {
    throw new UsageError(`--what: "${what}" is not one of ${WHATS.join(", ")}`);
  }
  if (what === "timelines" && format === "cloudevents") {
    throw new UsageError(
      "--what timelines cannot be exported as CloudEvents: they describe events; use --what events, or --format csv or jsonl for timelines",
    );
  }
  return what as What;
}
