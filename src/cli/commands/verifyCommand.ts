import { duplicateCompanyNames } from "../../query/duplicateCompanyNames.js";
import { formatLogIssue, type LogIssue } from "../../log/logError.js";
import { companyRegistryIssues, readCompanies } from "../../log/readCompanies.js";
import { LogError } from "../../log/logError.js";
import { inspectLog } from "../../log/readLog.js";
import { knowledgeViewProblem } from "../../replay/knowledgeViews.js";
import { replayLog } from "../../replay/replayLog.js";
import type { Log, StreamLog } from "../../log/streamLog.js";
import type { Command } from "../command.js";
import { formatTable, plural } from "../formatTable.js";
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
    const { log, issues } = inspectLog(dir, progress.advance);
    progress.finish();
    const unreadable = new Set(issues.map((issue) => issue.file));
    const readable = log.streams.filter((stream) => !unreadable.has(stream.file));
    const replayed = replayLog({ ...log, streams: readable });
    const valid = readable.filter((stream) =>
      replayed.timelines.some((t) => t.stream === stream.stream),
    );
    const problems: LogIssue[] = [
      ...issues,
      ...replayed.problems,
      ...valid.flatMap(knowledgeIssues),
      ...companyRegistryIssues(
        log.dir,
        log.streams.map((stream) => stream.company),
      ),
      ...editionCitationIssues(log),
    ];
    const warnings = registryWarnings(log.dir);
    const all = [...log.streams, ...log.editions].sort((a, b) =>
      a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0,
    );
    const streams = all.map((s) => ({
      stream: s.stream,
      file: s.file,
      events: s.entries.length,
      head: s.head,
    }));
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

/** The stream's problem as known on some date, located at the event the machine rejected. */
function knowledgeIssues(stream: StreamLog): LogIssue[] {
  const problem = knowledgeViewProblem(
    stream.stream,
    stream.entries.map((entry) => entry.event),
  );
  if (problem === undefined) return [];
  const line = stream.entries.find((entry) => entry.event.id === problem.eventId)?.line;
  return [{ file: stream.file, line, field: "known", message: problem.message }];
}

/** Events that cite an edition (`data.edition`) the program's edition stream does not hold. */
function editionCitationIssues(log: Log): LogIssue[] {
  const editions = new Set(
    log.editions.flatMap((stream) => stream.entries.map((entry) => entry.event.id)),
  );
  return log.streams.flatMap((stream) =>
    stream.entries.flatMap(({ event, line }) => {
      const edition = "edition" in event.data ? event.data.edition : undefined;
      if (edition === undefined || editions.has(edition)) return [];
      const message = `cites the edition ${edition}, which editions/${stream.program} does not hold`;
      return [{ file: stream.file, line, field: "data.edition", message }];
    }),
  );
}

/** Registry entries that share a normalised name; a malformed registry is a problem reported elsewhere. */
function registryWarnings(dir: string): string[] {
  let companies;
  try {
    companies = readCompanies(dir);
  } catch (error) {
    if (error instanceof LogError) return [];
    throw error;
  }
  return duplicateCompanyNames(companies).map(
    ({ name, ids }) => `the registry entries ${ids.join(", ")} share the name "${name}"`,
  );
}
