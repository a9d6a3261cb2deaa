import { companyTimelines } from "../../query/companyQueries.js";
import { type Outcomes, outcomes } from "../../simulate/outcomes.js";
import { snapshotAt } from "../../simulate/snapshotAt.js";
import { describeState } from "../../domain/lifecycleState.js";
import type { Command } from "../command.js";
import { formatTable, plural } from "../../report/formatTable.js";
import { companyNamedIn, loadTimelines } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";

export const outcomesCommand: Command = {
  name: "outcomes",
  summary: "every run of events that can still happen to a stream, and where each ends",
  help: `Usage: designations outcomes <company> [--program P] [--depth N] [--at D] [--all] [--json]
                              [--events DIR]

From the stream's state on D (default: today), every path of up to N events (default 3) that the
lifecycle machine allows, read off its graph, grouped by where it ends (the status, and how the
case ended when it did), with the shortest path to each.

  --depth N     the longest path, 1 to 8 (default 3)
  --all         print every path, not only the groups
  --json        {"company", "at", "streams": [{"program", "from", "depth", "byOutcome", "paths"}]}

Example: designations outcomes gowin --depth 2`,
  options: {
    program: { type: "string" },
    depth: { type: "string" },
    at: { type: "string" },
    all: { type: "boolean" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const depth = depthOption(stringOption(values, "depth"));
    const at = dateOption(values, "at", io.today);
    const all = loadTimelines(values, io);
    const { id: company } = companyNamedIn(
      positionals[0] as string,
      values,
      io,
      all.map((t) => t.company),
    );
    const streams = companyTimelines(all, company, stringOption(values, "program")).map(
      (timeline) => ({
        stream: timeline.stream,
        program: timeline.program,
        ...outcomes(snapshotAt(timeline, at), depth),
      }),
    );
    if (values.json) {
      io.out(JSON.stringify({ company, at, streams }));
      return 0;
    }
    io.out(streams.map((s) => streamText(s.stream, at, s, values.all === true)).join("\n\n"));
    return 0;
  },
};

function depthOption(text: string | undefined): number {
  if (text === undefined) return 3;
  const depth = Number(text);
  if (!Number.isInteger(depth) || depth < 1 || depth > 8) {
    throw new UsageError(`--depth: "${text}" must be a whole number from 1 to 8`);
  }
  return depth;
}

function streamText(stream: string, at: string, result: Outcomes, all: boolean): string {
  const groups = formatTable(
    ["ends", "paths", "shortest path"],
    result.byOutcome.map((group) => [
      group.outcome,
      String(group.paths),
      group.shortest.join(" -> "),
    ]),
  );
  const lines = [
    `${stream} is ${result.from.status} on ${at} (${describeState(result.from.state)}).`,
    result.paths.length === 0
      ? "Nothing more can happen to it."
      : `What can still happen, in up to ${plural(result.depth, "event")}: ${plural(result.paths.length, "path")}`,
  ];
  if (result.paths.length > 0) lines.push(groups);
  if (all)
    lines.push(
      "",
      ...result.paths.map((path) => `  ${path.events.join(" -> ")}  =>  ${path.outcome}`),
    );
  return lines.join("\n");
}
