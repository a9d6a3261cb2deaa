import { caseStats, type StageStats } from "../../query/caseStats.js";
import { UnknownProgramError } from "../../app/errors.js";
import type { Command } from "../command.js";
import { formatTable, plural } from "../../report/formatTable.js";
import { loadTimelines } from "../loadTimelines.js";
import { stringOption, VIEW_HELP, VIEW_OPTIONS } from "../optionValues.js";

export const statsCommand: Command = {
  name: "stats",
  summary: "how long each stage of a case lasted, and how the challenges ended",
  help: `Usage: designations stats [--program P] [--known-at D] [--recorded-at T] [--json] [--events DIR]

For every stage (listed -> challenged, challenged -> injunction decision, injunction -> settlement
or judgment, challenged -> case closed, listed -> removed): the number of cases and the min,
median and max days. A stage with a date known only to the month is counted and listed with the
range of days it allows, but kept out of min, median and max. Then the challenges by outcome.

  --program P   only streams on this program
${VIEW_HELP}
  --json        {"stages": [...], "outcomes": {...}, "cases": [...]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations stats --program dod-1237`,
  options: { program: { type: "string" }, json: { type: "boolean" }, ...VIEW_OPTIONS },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const program = stringOption(values, "program");
    const all = loadTimelines(values, io);
    const programs = [...new Set(all.map((timeline) => timeline.program))].sort();
    if (program !== undefined && !programs.includes(program)) {
      throw new UnknownProgramError(program, programs);
    }
    const timelines = all.filter(
      (timeline) => program === undefined || timeline.program === program,
    );
    const stats = caseStats(timelines);
    if (values.json) {
      io.out(JSON.stringify({ program: program ?? null, ...stats }));
      return 0;
    }
    const rows = stats.stages.map((stage) => [
      stage.label,
      String(stage.cases),
      String(stage.approximate),
      ...[stage.min, stage.median, stage.max].map((days) => (days === null ? "-" : String(days))),
    ]);
    const table = formatTable(
      ["stage", "cases", "month-precision", "min", "median", "max (days)"],
      rows,
    );
    const flagged = stats.stages.flatMap(approximateLines);
    const outcomes = Object.entries(stats.outcomes)
      .map(([outcome, count]) => `${outcome.replaceAll("-", " ")} ${count}`)
      .join(", ");
    io.out(
      [
        `Case statistics${program === undefined ? "" : ` for ${program}`}`,
        table,
        ...(flagged.length > 0
          ? ["", "Known only to the month (not in min, median, max):", ...flagged]
          : []),
        "",
        `Outcome of ${plural(stats.cases.length, "challenge")}: ${outcomes}`,
      ].join("\n"),
    );
    return 0;
  },
};

function approximateLines(stage: StageStats): string[] {
  return stage.samples
    .filter((sample) => sample.approximate)
    .map(
      (s) =>
        `  ${stage.label}: ${s.stream} ${s.from} -> ${s.to}, ${s.range[0]} to ${s.range[1]} days`,
    );
}
