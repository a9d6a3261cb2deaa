import { companyTimelines } from "../../query/companyQueries.js";
import { effectsAt, effectsOf } from "../../query/effectsOf.js";
import type { Command } from "../command.js";
import { effectsLine } from "../effectText.js";
import { formatTable, yesNo } from "../formatTable.js";
import {
  companyLabel,
  companyNamed,
  companyTimelinesCached,
  eventsDirOf,
  loadTimelines,
  streamFilesOf,
} from "../loadTimelines.js";
import { statusAt } from "../../query/statusAt.js";
import { dateOption, stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { statusJson, statusText, UNCERTAIN_NOTE, viewText } from "../statusJson.js";

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
    const program = stringOption(values, "program");
    const view = viewOption(values);
    const dir = eventsDirOf(values, io);
    // As the log stands now, only the company's own files are read, through the cache; a view
    // of the past (--known-at, --recorded-at) replays the whole log.
    const now = view.knownAt === undefined && view.recordedAt === undefined;
    const timelines = now ? undefined : loadTimelines(values, io);
    const ids = timelines?.map((t) => t.company) ?? streamFilesOf(dir).map((f) => f.company);
    const { id: company, company: entry } = companyNamed(positionals[0] as string, ids, values, io);
    const own =
      timelines === undefined
        ? companyTimelinesCached(dir, company, program)
        : companyTimelines(timelines, company, program);
    const statuses = own.map((timeline) => statusAt(timeline, at));
    const effects = own.map((timeline) => effectsAt(effectsOf(timeline), at));
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
      `${companyLabel(company, entry)} on ${at}${viewText({ knownAt, recordedAt })}`,
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
