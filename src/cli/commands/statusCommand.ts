import { effectsAt, effectsOf } from "../../query/effectsOf.js";
import type { Command } from "../command.js";
import { effectsLine } from "../../report/effectText.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { companyTimelinesOf } from "../loadTimelines.js";
import { statusAt } from "../../query/statusAt.js";
import { dateOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { statusJson } from "../../report/answerJson.js";
import { statusText, UNCERTAIN_NOTE, viewText } from "../statusJson.js";

export const statusCommand: Command = {
  name: "status",
  summary: "a company's status on a date, on each of its programs",
  help: `Usage: designations status <company> [--program P] [--at YYYY-MM-DD] [--known-at D]
                           [--recorded-at T] [--json] [--events DIR]

<company> is an id (xiaomi), the full name or any other name in events/companies.json
("Xiaomi Corporation"); a name that fits several companies lists them.

The headline status (unlisted, listed, challenged, enjoined, settled, vacated, delisted), whether
the designation was enforceable, since when, and the event that caused it; then a line with the
legal effects due that day, in force or suspended (see designations effects).

Only the company's own stream files are read. Each is checked in full (every line's schema, seq
and hash chain) the first time and whenever its size, modification time or last line changes;
until then its checked timeline is trusted from the cache, so an edit that keeps all three is not
seen here. designations verify checks every line, every time.

  --program P   only this program (e.g. dod-1237)
  --at D        the date to ask about (default: today); the whole day counts
${VIEW_HELP}
  --json        one JSON object: {"company", "at", "streams": [...]}, with "knownAt" and
                "recordedAt" when given, and "uncertain": true on an uncertain answer; each
                stream has its "effects" that day
  --events DIR  the events folder (default: the repository's events/)

Example: designations status xiaomi --at 2021-04-01`,
  options: {
    program: { type: "string" },
    at: { type: "string" },
    json: { type: "boolean" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const at = dateOption(values, "at", io.today);
    const named = companyTimelinesOf(positionals[0] as string, values, io);
    const { company, label, timelines } = named;
    const statuses = timelines.map((timeline) => statusAt(timeline, at));
    const effects = timelines.map((timeline) => effectsAt(effectsOf(timeline), at));
    const { knownAt, recordedAt } = viewOption(values);
    if (values.json) {
      const streams = statuses.map((s, index) => statusJson(s, effects[index] ?? []));
      io.out(JSON.stringify({ company, at, knownAt, recordedAt, streams }));
      return 0;
    }
    const rows = statuses.map((s) => [
      s.program,
      statusText(s),
      yesNo(s.enforceable),
      s.since ?? "-",
      s.event ? `${s.event.type} ${s.event.id}` : "-",
    ]);
    const header = ["program", "status", "enforceable", "since", "because of"];
    const lines = [
      `${label} on ${at}${viewText({ knownAt, recordedAt })}`,
      formatTable(header, rows),
      effectsLine(
        at,
        statuses.map((s, index) => ({ program: s.program, effects: effects[index] ?? [] })),
        statuses.length > 1,
      ),
    ];
    if (statuses.some((s) => s.uncertain)) lines.push(UNCERTAIN_NOTE);
    io.out(lines.join("\n"));
    return 0;
  },
};
