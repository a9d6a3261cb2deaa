import { importDrafts } from "../../log/importDrafts.js";
import type { Command } from "../command.js";
import { plural } from "../formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";

export const importCommand: Command = {
  name: "import",
  summary: "append every event of a JSONL file, all checked before any is written",
  help: `Usage: designations import <file.jsonl> [--json] [--events DIR]

Each line of the file is one event as its author writes it: {"company", "program", "type",
"effective", "known"?, "precision"?, "data", "sources", "confidence", "id"?}. Lines go through the
same checks and the same locked, durable write as append, stream by stream in file order. Every
line is checked before anything is written: one bad line (named with its line and field) and
nothing is imported. Lines whose id is already in the log with the same content are skipped.

  --json        [{"outcome", "event", "file", "line"}, ...]
  --events DIR  the events folder (default: the repository's events/)

Example: designations import new-case.jsonl`,
  options: { json: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const results = importDrafts(eventsDirOf(values, io), positionals[0] as string);
    if (values.json) {
      io.out(JSON.stringify(results));
      return 0;
    }
    const appended = results.filter((result) => result.outcome === "appended");
    const streams = new Set(appended.map((result) => result.event.stream));
    io.out(
      `imported ${plural(appended.length, "event")} into ${plural(streams.size, "stream")}; ${results.length - appended.length} already in the log`,
    );
    return 0;
  },
};
