import { loadRecord } from "../../app/loadRecord.js";
import { listEditions } from "../../query/listEditions.js";
import { UnknownProgramError } from "../../app/errors.js";
import type { Command } from "../command.js";
import { formatTable } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";
import { VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { viewText } from "../statusJson.js";

export const editionsCommand: Command = {
  name: "editions",
  summary: "a list's editions and notices, with what each changed, counted from the log",
  help: `Usage: designations editions <program> [--known-at D] [--recorded-at T] [--json] [--events DIR]

Every list action of the program that the log holds (editions, addition and removal notices,
withdrawn postings, the list's end), by date: its release and publication dates, its citation,
the Listed (+) and Delisted (-) events that cite it, the members on the list the day before and at
the end of its day (counted from the timelines, whatever events made the change), and the count
the publication itself states.

${VIEW_HELP}
  --json        [{"id", "kind", "effective", "published", "citation", "added", "removed",
                  "noted", "membersBefore", "members", "countClaimed", ...}]
  --events DIR  the events folder (default: the repository's events/)

Example: designations editions dod-1260h`,
  options: { json: { type: "boolean" }, ...VIEW_OPTIONS },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const program = positionals[0] as string;
    const view = viewOption(values);
    const { timelines, editions } = loadRecord(eventsDirOf(values, io), view);
    const programs = [...new Set(timelines.map((t) => t.program))].sort();
    if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
    const summaries = listEditions(editions, timelines, program);
    if (values.json) {
      io.out(JSON.stringify(summaries));
      return 0;
    }
    if (summaries.length === 0) {
      io.out(
        `${program}: the log holds no edition of this list (see: designations import-edition)`,
      );
      return 0;
    }
    const rows = summaries.map((s) => [
      s.effective,
      s.kind,
      s.published ?? "-",
      s.citation ?? "-",
      `+${s.added} -${s.removed}`,
      `${s.membersBefore} -> ${s.members}`,
      s.countClaimed === null ? "-" : String(s.countClaimed),
    ]);
    const header = ["effective", "kind", "published", "citation", "cited by", "members"];
    io.out(`Editions of ${program}${viewText(view)}\n${formatTable([...header, "stated"], rows)}`);
    return 0;
  },
};
