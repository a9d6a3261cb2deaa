import { addEntries, entriesNeeded } from "../../app/registerCompanies.js";
import { AppendRejectedError } from "../../app/errors.js";
import { type DraftLine, importDrafts } from "../../app/importDrafts.js";
import { LogError } from "../../app/errors.js";
import type { Command } from "../command.js";
import { plural } from "../../report/formatTable.js";
import { eventsDirOf } from "../loadTimelines.js";

export const importCommand: Command = {
  name: "import",
  summary: "append every event of a JSONL file, all checked before any is written",
  help: `Usage: designations import <file.jsonl> [--json] [--events DIR]

Each line of the file is one event as its author writes it: {"company", "program", "type",
"effective", "known"?, "precision"?, "data", "sources", "confidence", "id"?, "companyName"?}.
Lines go through the same checks and the same locked, durable write as append, stream by stream
in file order. Every line is checked before anything is written: one bad line (named with its
line and field) and nothing is imported. A line without an id gets one derived from its content:
<company>-<program>-<12 hex digits>, the start of a SHA-256 of its type, dates, precision, data,
sources and confidence and of how many identical lines of its stream came before it. Lines whose
id is already in the log with the same content are skipped: importing a file twice changes
nothing, and an import that was interrupted (killed, a full disk) completes when run again. A
company the registry lacks is added to it under its "companyName" (before any event is written,
so a re-run finds it there); without one, the import is refused.

  --json        [{"outcome", "event", "file", "line"}, ...]
  --events DIR  the events folder (default: the repository's events/)

Example: designations import new-case.jsonl`,
  options: { json: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    const dir = eventsDirOf(values, io);
    const file = positionals[0] as string;
    const results = importDrafts(dir, file, {
      beforeWrite: (lines) => addEntries(dir, entriesForLines(dir, file, lines)),
    });
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

/** The registry entries the import needs, or a `LogError` naming the line of a nameless new company. */
function entriesForLines(dir: string, file: string, lines: readonly DraftLine[]) {
  try {
    return entriesNeeded(
      dir,
      lines.map(({ draft, companyName }, index) => ({
        company: draft.company,
        program: draft.program,
        name: companyName,
        index,
      })),
    );
  } catch (error) {
    if (!(error instanceof AppendRejectedError)) throw error;
    const line = lines[error.draftIndex ?? 0]?.line;
    throw new LogError(
      [{ file, line, field: "companyName", message: error.message }],
      "the import file",
    );
  }
}
