import { duplicateCompanyNames } from "../query/duplicateCompanyNames.js";
import { knowledgeViewProblem } from "../replay/knowledgeViews.js";
import { problemOf, replayEvents } from "../replay/replayLog.js";
import { LogError, type LogIssue } from "../store/logError.js";
import { companyRegistryIssues, readCompanies } from "../store/readCompanies.js";
import { readStreamFile } from "../store/readStreamFile.js";
import type { StreamLog } from "../store/streamLog.js";
import { allStreamFiles } from "../store/streamFiles.js";
import { isEditionStream } from "../domain/editionStream.js";

/** More lines than any stream file holds: a place is `file index * LINES + line`. */
const LINES = 2 ** 26;

/** One stream file as `verify` found it. */
export interface VerifiedStream {
  stream: string;
  file: string;
  events: number;
  /** SHA-256 of its last line. */
  head: string;
}

/** What `verify` finds: every stream, every problem, and the warnings that are not problems. */
export interface Verification {
  streams: VerifiedStream[];
  problems: LogIssue[];
  warnings: string[];
}

/**
 * Checks the whole log, one stream file at a time: each line's schema, the seq order, unique ids
 * (across files too), the integrity chain, a torn last line, each stream's history (also as
 * known on every date its knowledge changed), the company registry, and that every event citing
 * an edition cites one the log holds, whatever the timeline cache says (and leaving it as it is).
 * Only a missing events folder throws.
 *
 * @example
 * verifyLog("events").problems; // []
 */
export function verifyLog(
  dir: string,
  options: { onFile?: (bytes: number, events: number) => void } = {},
): Verification {
  const problems: LogIssue[] = [];
  // Reported after every file's own problems, as a reader meets them: reading, then replaying.
  const histories: LogIssue[] = [];
  const streams: VerifiedStream[] = [];
  // Where each id was first used, as an index into `files` and a line: a million ids stay small.
  const files: string[] = [];
  const firstSeen = new Map<string, number>();
  const editionIds = new Set<string>();
  const citations: (LogIssue & { edition: string })[] = [];
  const companies = new Set<string>();
  for (const { file, company, program } of allStreamFiles(dir)) {
    files.push(file);
    const issues: LogIssue[] = [];
    const stream = readStreamFile(file, company, program, issues);
    problems.push(...issues);
    const ownIds = new Set<string>();
    for (const { event, line } of stream.entries) {
      // A repeat inside one file is readStreamFile's to report; here, across files.
      if (ownIds.has(event.id)) continue;
      ownIds.add(event.id);
      const seen = firstSeen.get(event.id);
      if (seen === undefined) firstSeen.set(event.id, (files.length - 1) * LINES + line);
      else {
        const where = `${files[Math.floor(seen / LINES)]}:${seen % LINES}`;
        const message = `duplicate id ${event.id}, first used at ${where}`;
        problems.push({ file, line, field: "id", message });
      }
      const edition = "edition" in event.data ? event.data.edition : undefined;
      if (edition !== undefined) {
        const message = `cites the edition ${edition}, which editions/${program} does not hold`;
        citations.push({ file, line, field: "data.edition", message, edition });
      }
    }
    if (isEditionStream(stream.stream)) {
      for (const { event } of stream.entries) editionIds.add(event.id);
    } else {
      companies.add(company);
      if (issues.length === 0) histories.push(...historyIssues(stream));
    }
    streams.push({ stream: stream.stream, file, events: stream.entries.length, head: stream.head });
    options.onFile?.(stream.size, stream.entries.length);
  }
  problems.push(
    ...histories,
    ...companyRegistryIssues(dir, [...companies]),
    ...citations
      .filter((citation) => !editionIds.has(citation.edition))
      .map(({ edition: _, ...issue }) => issue),
  );
  streams.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  return { streams, problems, warnings: registryWarnings(dir) };
}

/** The stream's history problems, in full and as known on each date. */
function historyIssues(stream: StreamLog): LogIssue[] {
  try {
    replayEvents(
      stream.stream,
      stream.entries.map((entry) => entry.event),
      { keepSteps: false },
    );
  } catch (error) {
    return [problemOf(stream, error)];
  }
  const problem = knowledgeViewProblem(
    stream.stream,
    stream.entries.map((entry) => entry.event),
  );
  if (problem === undefined) return [];
  const line = stream.entries.find((entry) => entry.event.id === problem.eventId)?.line;
  return [{ file: stream.file, line, field: "known", message: problem.message }];
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
