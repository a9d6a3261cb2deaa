import { loadRecord } from "../../app/loadRecord.js";
import { changesBetween, type StatusChange } from "../../query/changesBetween.js";
import { UnknownProgramError } from "../../app/errors.js";
import type { Command } from "../command.js";
import { formatTable } from "../../report/formatTable.js";
import { changeJson } from "../../report/answerJson.js";
import { eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { viewText } from "../statusJson.js";
import { UsageError } from "../usageError.js";

export const changesCommand: Command = {
  name: "changes",
  summary: "who was added, removed, enjoined or vacated between two dates, and why",
  help: `Usage: designations changes --from D1 [--to D2] [--program P] [--known-at D]
                           [--recorded-at T] [--json] [--events DIR]

Every change of status after D1 and up to D2 (default: today): the status on D1 against the
status on D2, one row per change, by date, with the event that caused it. Kinds: added, removed,
vacated, challenged, enjoined, injunction lifted, settled, case closed.

  --from D1     the day of your last look (its own changes are not listed)
  --to D2       up to and including this day (default: today)
  --program P   only changes on this program
${VIEW_HELP}
  --json        {"from", "to", "changes": [{"date", "company", "program", "kind", "from", "to",
                  "enforceable", "event": {"id", "type", "effective", "description"?}}]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations changes --from 2024-12-31 --to 2025-01-31 --program dod-1260h`,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    program: { type: "string" },
    json: { type: "boolean" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    if (stringOption(values, "from") === undefined) throw new UsageError("--from D1 is required");
    const from = dateOption(values, "from", "");
    const to = dateOption(values, "to", io.today);
    if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    const program = stringOption(values, "program");
    const view = viewOption(values);
    const { timelines } = loadRecord(eventsDirOf(values, io), view);
    const programs = [...new Set(timelines.map((t) => t.program))].sort();
    if (program !== undefined && !programs.includes(program)) {
      throw new UnknownProgramError(program, programs);
    }
    const changes = changesBetween(timelines, from, to, program);
    if (values.json) {
      io.out(JSON.stringify({ from, to, changes: changes.map(changeJson) }));
      return 0;
    }
    const heading = `Changes after ${from} up to ${to}${program ? ` on ${program}` : ""}${viewText(view)}`;
    if (changes.length === 0) {
      io.out(`${heading}\n(no changes)`);
      return 0;
    }
    const rows = changes.map((c) => [
      c.uncertain ? `${c.date} ~` : c.date,
      c.kind,
      c.company,
      c.program,
      `${c.from} -> ${c.to}`,
      `${c.event.type} ${c.event.id}`,
    ]);
    const counts = countsByKind(changes);
    io.out(
      `${heading}: ${counts}\n${formatTable(["date", "change", "company", "program", "status", "event"], rows)}`,
    );
    return 0;
  },
};

function countsByKind(changes: readonly StatusChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, count]) => `${count} ${kind}`).join(", ");
}
