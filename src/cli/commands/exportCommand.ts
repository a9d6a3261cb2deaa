import {
  EXPORT_FORMATS as FORMATS,
  EXPORT_WHATS as WHATS,
  type ExportFormat as Format,
  exportLog,
  type ExportWhat as What,
} from "../../app/exportLog.js";
import type { Command, OptionValues } from "../command.js";
import { plural } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import { stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";
import { writeOutputFile } from "../../app/writeOutputFile.js";

export const exportCommand: Command = {
  name: "export",
  summary: "export every stream's intervals or every event as CSV, JSON lines or CloudEvents",
  help: `Usage: designations export --format csv|jsonl|cloudevents [--what timelines|events]
                           [--out FILE] [--raw] [--program P] [--known-at D] [--recorded-at T]
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
  --raw         CSV cells exactly as they are: without it, a cell that a spreadsheet would run
                as a formula (one starting with =, +, -, @, a tab or a carriage return) is
                written with a ' before it
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
    raw: { type: "boolean" },
    program: { type: "string" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const format = formatOption(values);
    const what = whatOption(values, format);
    if (values.raw === true && format !== "csv") {
      throw new UsageError(`--raw is for CSV only: a ${format} export is always as it is`);
    }
    const out = stringOption(values, "out");
    const { text, count, noun } = exportLog(eventsDirOf(values, io), {
      what,
      format,
      program: stringOption(values, "program"),
      view: viewOption(values),
      raw: values.raw === true,
    });
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
