import { verifyLog } from "../../app/verifyLog.js";
import { formatLogIssue } from "../../app/errors.js";
import type { Command } from "../command.js";
import { formatTable, plural } from "../../report/formatTable.js";
import { eventsDirOf, logProgress } from "../loadTimelines.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "check every file: schema, seq, unique ids, integrity chain, torn lines, valid history",
  help: `Usage: designations verify [--json] [--events DIR]

Checks every stream file: each line's schema, the seq order, that ids are unique, the integrity
chain (each line carries the SHA-256 of the line before it, so a changed, removed or moved line
is found), a torn last line (an interrupted write), that every stream's history is valid, also
as known on each date its knowledge changed (--known-at), and
that events/companies.json is well formed and names every company of the log, and that every
event citing a list edition cites one the log holds. Prints every problem with its file and line
and exits 1 if there is any. Registry entries whose names normalise alike (two entries for one
company, or names a user cannot tell apart) are warnings: printed, but the exit code stays 0.

  --heads       also print each stream's head, the SHA-256 of its last line: keep it to prove
                later that the file still ends where it did and nothing before it changed
  --json        {"ok", "streams": [{"stream", "file", "events", "head"}], "problems": [...]}
  --events DIR  the events folder (default: the repository's events/)

Example: designations verify`,
  options: { json: { type: "boolean" }, heads: { type: "boolean" } },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const dir = eventsDirOf(values, io);
    const progress = logProgress(dir);
    const { streams, problems, warnings } = verifyLog(dir, { onFile: progress.advance });
    progress.finish();
    if (values.json) {
      io.out(JSON.stringify({ ok: problems.length === 0, streams, problems, warnings }));
    } else if (problems.length === 0) {
      const events = streams.reduce((sum, s) => sum + s.events, 0);
      const summary = `ok: ${plural(streams.length, "stream")}, ${plural(events, "event")}, every chain intact and every history valid`;
      const rows = streams.map((s) => [s.stream, String(s.events), s.head]);
      const heads = formatTable(["stream", "events", "head (SHA-256 of the last line)"], rows);
      io.out(values.heads ? `${summary}\n${heads}` : summary);
    }
    if (!values.json) for (const warning of warnings) io.err(`warning: ${warning}`);
    if (problems.length > 0) {
      io.err(`verify found ${plural(problems.length, "problem")}:`);
      for (const problem of problems) io.err(formatLogIssue(problem));
      return 1;
    }
    return 0;
  },
};
