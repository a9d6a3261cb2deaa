import type { Timeline } from "../../domain/timeline.js";
import { timelineJson } from "../../report/answerJson.js";
import type { Command } from "../command.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { companyTimelinesOf } from "../loadTimelines.js";
import { VIEW_HELP, VIEW_OPTIONS } from "../optionValues.js";

export const timelineCommand: Command = {
  name: "timeline",
  summary: "a company's intervals of status, [from, to), on each of its programs",
  help: `Usage: designations timeline <company> [--program P] [--known-at D] [--recorded-at T] [--json]
                             [--events DIR]

Every stretch of days with one status: from (inclusive), to (exclusive, "..." while it lasts),
status, enforceable, and the event that opened it. Before the first interval: unlisted. A "~"
after a from date: the event that opened it is dated only to the month.

  --program P   only this program
${VIEW_HELP}
  --json        {"company", "streams": [{"program", "intervals": [...]}]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations timeline xiaomi`,
  options: {
    program: { type: "string" },
    json: { type: "boolean" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const { company, timelines } = companyTimelinesOf(positionals[0] as string, values, io);
    if (values.json) {
      io.out(JSON.stringify({ company, streams: timelines.map(timelineJson) }));
      return 0;
    }
    io.out(timelines.map(timelineText).join("\n\n"));
    return 0;
  },
};

function timelineText(timeline: Timeline): string {
  const first = timeline.intervals[0];
  const rows = timeline.intervals.map((interval) => [
    interval.uncertain ? `${interval.from} ~` : interval.from,
    interval.to ?? "...",
    interval.status,
    yesNo(interval.enforceable),
    `${interval.event.type} ${interval.event.id}`,
  ]);
  rows.unshift(["...", first?.from ?? "...", "unlisted", "no", "-"]);
  return `${timeline.stream}\n${formatTable(["from", "to", "status", "enforceable", "opened by"], rows)}`;
}
