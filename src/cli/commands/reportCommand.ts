import { reportOf } from "../../app/reportOf.js";
import type { Command } from "../command.js";
import { plural } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { viewText } from "../statusJson.js";
import { writeOutputFile } from "../../app/writeOutputFile.js";
import { UsageError } from "../usageError.js";

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
  --at D        where the date cursor starts (default: today, or the axis's nearer end when
                today is off it); within --from and --to when they are given
  --from D      the axis's first day (default: a little before the first date drawn)
  --to D        the axis's last day (default: a month after the last date drawn, at most
                9999-12-31); given --from or --to, only what falls within the axis is drawn
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
    const optionalDate = (name: string) =>
      stringOption(values, name) === undefined ? undefined : dateOption(values, name, "");
    const [from, to] = [optionalDate("from"), optionalDate("to")];
    if (from !== undefined && to !== undefined && to <= from) {
      throw new UsageError(`--to ${to} must come after --from ${from}`);
    }
    const at = optionalDate("at");
    if (at !== undefined && from !== undefined && at < from) {
      throw new UsageError(`--at ${at} is before --from ${from}: the cursor would be off the axis`);
    }
    if (at !== undefined && to !== undefined && at > to) {
      throw new UsageError(`--at ${at} is after --to ${to}: the cursor would be off the axis`);
    }
    const report = reportOf(eventsDirOf(values, io), {
      companies: positionals,
      program: stringOption(values, "program"),
      view: viewOption(values),
      at,
      from,
      to,
      today: io.today,
      subtitleSuffix: viewText(viewOption(values)),
    });
    if (out === "-") {
      io.out(report.html);
      return 0;
    }
    writeOutputFile(out, report.html, "--out");
    const counts = `${plural(report.streams, "stream")}, ${plural(report.events, "event")}`;
    io.out(`wrote ${out}: ${counts}, ${report.range.from} to ${report.range.to}`);
    return 0;
  },
};
