import { formatLogIssue, type LogIssue } from "../../app/errors.js";
import { type ReplayStep, replaySteps } from "../../app/replaySteps.js";
import type { CliIo, Command } from "../command.js";
import { columnWidths, tableLine, yesNo } from "../../report/formatTable.js";
import { companyNamedIn, eventsDirOf, logProgress } from "../loadTimelines.js";
import { VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";

export const replayCommand: Command = {
  name: "replay",
  summary: "replay the log (or one company) and print every transition in date order",
  help: `Usage: designations replay [<company>] [--known-at D] [--recorded-at T] [--json] [--events DIR]

Folds every stream through the lifecycle machine and prints each event in date order: date,
stream, event type, status before -> after, enforceable before -> after. A stream whose history
the machine rejects is reported with its file and line, and the exit code is 1.

${VIEW_HELP}
  --json        {"steps": [...], "problems": [...]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations replay xiaomi`,
  options: { json: { type: "boolean" }, ...VIEW_OPTIONS },
  positionals: { min: 0, max: 1 },
  run({ positionals, values }, io) {
    const dir = eventsDirOf(values, io);
    const company =
      positionals[0] === undefined ? undefined : companyNamedIn(positionals[0], values, io).id;
    const progress = logProgress(dir);
    const { steps, problems } = replaySteps(dir, {
      company,
      view: viewOption(values),
      onFile: progress.advance,
    });
    progress.finish();
    if (values.json) printJson(steps, problems, io);
    else if (steps.length === 0) io.out("(no events)");
    else printTable(steps, io);
    for (const problem of problems) io.err(formatLogIssue(problem));
    return problems.length === 0 ? 0 : 1;
  },
};

/** Lines written at a time: a large log's output is never one string in memory. */
const CHUNK = 10_000;

/** One line for a log of up to CHUNK steps; a longer one in pieces, a line break between them. */
function printJson(steps: readonly ReplayStep[], problems: readonly LogIssue[], io: CliIo): void {
  if (steps.length <= CHUNK) {
    io.out(JSON.stringify({ steps, problems }));
    return;
  }
  io.out('{"steps":[');
  for (let start = 0; start < steps.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, steps.length);
    const items = steps.slice(start, end).map((step) => JSON.stringify(step));
    io.out(items.join(",") + (end < steps.length ? "," : ""));
  }
  io.out(`],"problems":${JSON.stringify(problems)}}`);
}

const HEADER = ["date", "stream", "event", "status", "enforceable"];

function cells({ date, stream, event, before, after }: ReplayStep): string[] {
  return [
    date,
    stream,
    event.type,
    `${before.status} -> ${after.status}`,
    `${yesNo(before.enforceable)} -> ${yesNo(after.enforceable)}`,
  ];
}

function printTable(steps: readonly ReplayStep[], io: CliIo): void {
  const widths = columnWidths(HEADER, steps, cells);
  io.out(tableLine(HEADER, widths));
  for (let start = 0; start < steps.length; start += CHUNK) {
    const chunk = steps.slice(start, start + CHUNK);
    io.out(chunk.map((step) => tableLine(cells(step), widths)).join("\n"));
  }
}
