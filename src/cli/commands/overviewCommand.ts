import { loadRecord } from "../../app/loadRecord.js";
import { readCompanies } from "../../app/companies.js";
import { programSummaries, type ProgramSummary } from "../../query/programSummary.js";
import type { Command } from "../command.js";
import { formatTable } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";

/** What `designations` (and `npm start`) prints with no command: each list's state today. */
export const overviewCommand: Command = {
  name: "overview",
  summary: "each list's members today by status, and its latest edition (printed with no command)",
  help: `Usage: designations [--events DIR]

Prints, for each list, the companies on it today by status (listed, challenged, enjoined,
settled), how many were on it once and are off it now, and its latest edition or notice; then
where to go next. designations list prints every stream.`,
  options: {},
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const dir = eventsDirOf(values, io);
    const { timelines, editions } = loadRecord(dir);
    const companies = readCompanies(dir).length;
    const summaries = programSummaries(timelines, editions, io.today);
    const rows = summaries.map((s) => [
      s.program,
      String(s.members),
      String(s.byStatus.listed ?? 0),
      String(s.byStatus.challenged ?? 0),
      String(s.byStatus.enjoined ?? 0),
      String(s.byStatus.settled ?? 0),
      String(s.former),
      latestText(s),
    ]);
    const header = ["list", "on it", "listed", "challenged", "enjoined", "settled", "off it"];
    io.out(
      [
        `The lists on ${io.today}: ${timelines.length} streams of ${companies || new Set(timelines.map((t) => t.company)).size} companies`,
        formatTable([...header, "latest edition or notice"], rows),
        "",
        "Next: designations search <name>    find a company by any of its names",
        "      designations status <company>  its status on each list, today or --at a date",
        "      designations list --program P  every company on a list, with its status",
        "      designations changes --from D  who was added, removed, enjoined or vacated since D",
        "Run designations --help for the commands.",
      ].join("\n"),
    );
    return 0;
  },
};

function latestText(summary: ProgramSummary): string {
  const latest = summary.latest;
  if (latest === null) return "-";
  const kind = latest.data.kind === "superseded" ? "list ended" : latest.data.kind;
  const citation = latest.data.citation === undefined ? "" : ` (${latest.data.citation})`;
  return `${kind} ${latest.effective}${citation}`;
}
