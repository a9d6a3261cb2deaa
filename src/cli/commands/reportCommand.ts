import { readCompanies } from "../../store/readCompanies.js";
import { UnknownProgramError } from "../../query/queryErrors.js";
import type { Timeline } from "../../domain/timeline.js";
import { reportHtml } from "../../report/reportHtml.js";
import { reportRange } from "../../report/reportModel.js";
import type { CliIo, Command, OptionValues } from "../command.js";
import { plural } from "../formatTable.js";
import { effectBands } from "../effectBands.js";
import { companyNamedIn, eventsDirOf, loadTimelines } from "../loadTimelines.js";
import { dateOption, stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { reportLanes } from "../reportLanes.js";
import { viewText } from "../statusJson.js";
import { writeOutputFile } from "../writeOutputFile.js";

export const reportCommand: Command = {
  name: "report",
  summary: "an HTML timeline report: swimlanes, date cursor, lifecycle diagram, sources",
  help: `Usage: designations report [<company>...] [--program P] [--out FILE] [--at D] [--from D]
                           [--to D] [--known-at D] [--recorded-at T] [--events DIR]

Writes one self-contained HTML page (inline style, SVG and script; it needs no network) with:
a swimlane timeline, one lane per stream, coloured by status, enforceable periods marked, the
effects of program rules as thin bands, and a marker per event (point at it or Tab to it for
the date, type, description, court, docket, judge, confidence and sources); a date cursor that
shows every stream's status on a date; and the lifecycle diagram drawn from the machine, with
the states of the selected stream highlighted. With no company, every stream of the log.

A filter bar finds streams by company name, alias or id, by list and by status on the cursor's
date, and can group subsidiaries under their parents (the registry's "parent"). Only the lanes
in view are drawn, so a report of the whole log opens quickly; printing draws every lane the
filters show, and every shown stream's events.

  <company>...  ids or names of companies (default: all)
  --program P   only streams on this program
  --out FILE    where to write the page (default: report.html; - for standard output)
  --at D        where the date cursor starts (default: today, or the axis's end if earlier)
  --from D      the axis's first day (default: a little before the first event)
  --to D        the axis's last day (default: a month after the last date drawn)
${VIEW_HELP}
  --events DIR  the events folder (default: the repository's events/)

Example: designations report xiaomi --out xiaomi.html`,
  options: {
    program: { type: "string" },
    out: { type: "string" },
    at: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 0, max: 100 },
  run({ positionals, values }, io) {
    const out = stringOption(values, "out") ?? "report.html";
    const explicit = {
      from: stringOption(values, "from") && dateOption(values, "from", ""),
      to: stringOption(values, "to") && dateOption(values, "to", ""),
    };
    const all = loadTimelines(values, io);
    const timelines = selectedTimelines(
      all,
      positionals,
      stringOption(values, "program"),
      values,
      io,
    );
    const companies = readCompanies(eventsDirOf(values, io));
    const lanes = reportLanes(timelines, companies, "actual", effectBands);
    const at = stringOption(values, "at") && dateOption(values, "at", io.today);
    const range = reportRange(lanes, [at ?? io.today], explicit, at === undefined);
    const cursor = at ?? (io.today < range.to ? io.today : range.to);
    const names = [...new Set(lanes.map((lane) => lane.companyName))];
    const html = reportHtml({
      title: `Designations: ${titleOf(names, positionals.length === 0)}`,
      subtitle: `${plural(lanes.length, "stream")} from the event log${viewText(viewOption(values))}`,
      generated: io.today,
      cursor,
      range,
      lanes,
      companies,
    });
    if (out === "-") {
      io.out(html);
      return 0;
    }
    writeOutputFile(out, html, "--out");
    const events = lanes.reduce((sum, lane) => sum + lane.timeline.steps.length, 0);
    const counts = `${plural(lanes.length, "stream")}, ${plural(events, "event")}`;
    io.out(`wrote ${out}: ${counts}, ${range.from} to ${range.to}`);
    return 0;
  },
};

function selectedTimelines(
  all: Timeline[],
  companies: string[],
  program: string | undefined,
  values: OptionValues,
  io: CliIo,
): Timeline[] {
  if (program !== undefined && !all.some((timeline) => timeline.program === program)) {
    throw new UnknownProgramError(program, [...new Set(all.map((t) => t.program))].sort());
  }
  const ids = all.map((timeline) => timeline.company);
  const wanted = companies.map((name) => companyNamedIn(name, values, io, ids).id);
  return all.filter(
    (timeline) =>
      (wanted.length === 0 || wanted.includes(timeline.company)) &&
      (program === undefined || timeline.program === program),
  );
}

function titleOf(names: string[], everyStream: boolean): string {
  if (everyStream) return "every stream";
  return names.length <= 2 ? names.join(" and ") : `${names.length} companies`;
}
