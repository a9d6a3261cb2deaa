import { listAt } from "../../app/listAt.js";
import type { StreamStatus } from "../../query/streamStatus.js";
import type { CliIo, Command, OptionValues } from "../command.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import {
  dateOption,
  statusOption,
  stringOption,
  VIEW_HELP,
  VIEW_OPTIONS,
  viewOption,
} from "../optionValues.js";
import { statusJson } from "../../report/answerJson.js";
import { statusText, UNCERTAIN_NOTE, viewText } from "../statusJson.js";

export const listCommand: Command = {
  name: "list",
  summary: "every stream's status on a date, filtered by status or program",
  help: `Usage: designations list [--at YYYY-MM-DD] [--status S] [--program P] [--known-at D]
                         [--recorded-at T] [--json] [--events DIR]

  --at D        the date (default: today)
  --status S    only streams with this status: unlisted, listed, challenged, enjoined, settled,
                vacated or delisted
  --program P   only streams on this program
${VIEW_HELP}
  --json        {"at", "streams": [{"company", "program", "status", "enforceable", "since", "event"}]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations list --at 2021-04-01 --status enjoined`,
  options: {
    at: { type: "string" },
    status: { type: "string" },
    program: { type: "string" },
    json: { type: "boolean" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const at = dateOption(values, "at", io.today);
    const streams = listFor(values, io, at);
    if (values.json) {
      io.out(
        JSON.stringify({
          at,
          streams: streams.map((s) => ({ company: s.company, ...statusJson(s) })),
        }),
      );
      return 0;
    }
    io.out(`Status on ${at}${viewText(viewOption(values))}\n${listTable(streams)}`);
    return 0;
  },
};

function listFor(values: OptionValues, io: CliIo, at: string): StreamStatus[] {
  const filter = { status: statusOption(values), program: stringOption(values, "program") };
  return listAt(eventsDirOf(values, io), at, { ...filter, view: viewOption(values) });
}

/** The table `list` prints, also the overview of `designations` with no command. */
export function listTable(streams: readonly StreamStatus[]): string {
  if (streams.length === 0) return "(no streams)";
  const rows = streams.map((s) => [
    s.company,
    s.program,
    statusText(s),
    yesNo(s.enforceable),
    s.since ?? "-",
  ]);
  const table = formatTable(["company", "program", "status", "enforceable", "since"], rows);
  return streams.some((s) => s.uncertain) ? `${table}\n${UNCERTAIN_NOTE}` : table;
}
