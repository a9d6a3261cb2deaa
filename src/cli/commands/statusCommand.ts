import { companyStatus } from "../../query/companyQueries.js";
import type { Command } from "../command.js";
import { formatTable, yesNo } from "../formatTable.js";
import { loadTimelines } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { statusJson } from "../statusJson.js";

export const statusCommand: Command = {
  name: "status",
  summary: "a company's status on a date, on each of its programs",
  help: `Usage: designations status <company> [--program P] [--at YYYY-MM-DD] [--json] [--events DIR]

The headline status (unlisted, listed, challenged, enjoined, settled, vacated, delisted), whether
the designation was enforceable, since when, and the event that caused it.

  --program P   only this program (e.g. dod-1237)
  --at D        the date to ask about (default: today); the whole day counts
  --json        one JSON object: {"company", "at", "streams": [...]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations status xiaomi --at 2021-04-01`,
  options: {
    program: { type: "string" },
    at: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const company = positionals[0] as string;
    const at = dateOption(values, "at", io.today);
    const statuses = companyStatus(
      loadTimelines(values, io),
      company,
      at,
      stringOption(values, "program"),
    );
    if (values.json) {
      io.out(JSON.stringify({ company, at, streams: statuses.map(statusJson) }));
      return 0;
    }
    const rows = statuses.map((s) => [
      s.program,
      s.status,
      yesNo(s.enforceable),
      s.since ?? "-",
      s.event ? `${s.event.type} ${s.event.id}` : "-",
    ]);
    io.out(
      `${company} on ${at}\n${formatTable(["program", "status", "enforceable", "since", "because of"], rows)}`,
    );
    return 0;
  },
};
