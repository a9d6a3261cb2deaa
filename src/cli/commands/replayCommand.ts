import { formatLogIssue } from "../../app/errors.js";
import { type ReplayResult, type ReplayStep, replaySteps } from "../../app/replaySteps.js";
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
    const replayed = replaySteps(dir, {
      company,
      view: viewOption(values),
      onFile: progress.advance,
    });
    progress.finish();
    if (values.json) printJson(replayed, io);
    else if (replayed.count === 0) io.out("(no events)");
    else printTable(replayed, io);
    for (const problem of replayed.problems) io.err(formatLogIssue(problem));
    return replayed.problems.length === 0 ? 0 : 1;
  },
};

/** Lines written at a time: a large log's output is never one string in memory. */
const CHUNK = 10_000;

/** One line for a log of up to CHUNK steps; a longer one in pieces, a line break between them. */
function printJson({ count, steps, problems }: ReplayResult, io: CliIo): void {
  if (count <= CHUNK) {
    io.out(JSON.stringify({ steps: [...steps()], problems }));
    return;
  }
  io.out('{"steps":[');
  let piece: string[] = [];
  let written = 0;
  for (const step of steps()) {
    piece.push(JSON.stringify(step));
    written += 1;
    if (piece.length === CHUNK || written === count) {
      io.out(piece.join(",") + (written < count ? "," : ""));
      piece = [];
    }
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

function printTable({ steps }: ReplayResult, io: CliIo): void {
  const widths = columnWidths(HEADER, steps(), cells);
  io.out(tableLine(HEADER, widths));
  let piece: string[] = [];
  for (const step of steps()) {
    piece.push(tableLine(cells(step), widths));
    if (piece.length === CHUNK) {
      io.out(piece.join("\n"));
      piece = [];
    }
  }
  if (piece.length > 0) io.out(piece.join("\n"));
}
