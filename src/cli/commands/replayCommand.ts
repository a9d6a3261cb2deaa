import { formatLogIssue } from "../../app/errors.js";
import { replayTimelines } from "../../app/replayTimelines.js";
import type { Step, Timeline } from "../../domain/timeline.js";
import type { Command } from "../command.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
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
    const { timelines, problems } = replayTimelines(dir, {
      company,
      view: viewOption(values),
      onFile: progress.advance,
    });
    progress.finish();
    const steps = stepsInDateOrder(timelines);
    if (values.json) {
      io.out(JSON.stringify({ steps: steps.map(stepJson), problems }));
    } else {
      io.out(steps.length === 0 ? "(no events)" : stepsTable(steps));
    }
    for (const problem of problems) io.err(formatLogIssue(problem));
    return problems.length === 0 ? 0 : 1;
  },
};

function stepsInDateOrder(timelines: readonly Timeline[]): Step[] {
  // Each timeline's steps are already in (effective, seq) order; the sort is stable.
  return timelines
    .flatMap((timeline) => timeline.steps)
    .sort((a, b) =>
      a.event.effective < b.event.effective ? -1 : a.event.effective > b.event.effective ? 1 : 0,
    );
}

function stepJson({ event, before, after }: Step) {
  return {
    date: event.effective,
    stream: event.stream,
    event: { id: event.id, type: event.type, effective: event.effective },
    before: { status: before.status, enforceable: before.enforceable },
    after: { status: after.status, enforceable: after.enforceable },
  };
}

function stepsTable(steps: readonly Step[]): string {
  const rows = steps.map(({ event, before, after }) => [
    event.effective,
    event.stream,
    event.type,
    `${before.status} -> ${after.status}`,
    `${yesNo(before.enforceable)} -> ${yesNo(after.enforceable)}`,
  ]);
  return formatTable(["date", "stream", "event", "status", "enforceable"], rows);
}
