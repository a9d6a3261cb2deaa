import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { LogView } from "../domain/logView.js";
import { UnknownProgramError } from "../query/queryErrors.js";
import { statusAt } from "../query/statusAt.js";
import type { StreamStatus } from "../query/streamStatus.js";
import { companyStreamFiles } from "../store/streamFiles.js";
import { mapStreams } from "./mapStreams.js";

/** Which streams `listAt` lists, and as which view of the log. */
export interface ListOptions {
  program?: string;
  status?: HeadlineStatus;
  view?: LogView;
  cacheDir?: string;
}

/**
 * Every company stream's status on a date (on one program, with one status), in stream order, as
 * the view sees the log. Streams are read through the timeline cache a shard at a time, so a
 * large log's list holds one shard and the answers, never every timeline. Throws
 * `UnknownProgramError`, or a `LogError` naming every problem in stream order.
 *
 * @example
 * listAt("events", "2021-04-01", { status: "enjoined" }).map((s) => s.stream);
 * // ["luokung/dod-1237", "luokung/ofac-ns-ccmc", "xiaomi/dod-1237", "xiaomi/ofac-ns-ccmc"]
 */
export function listAt(dir: string, date: IsoDate, options: ListOptions = {}): StreamStatus[] {
  const { program, status, view } = options;
  if (program !== undefined) {
    const programs = [...new Set(companyStreamFiles(dir).map((file) => file.program))].sort();
    if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
  }
  const answers = mapStreams(
    dir,
    program,
    (file, cache) =>
      statusAt(cache.timeline(file.file, file.company, file.program, { view }), date),
    options.cacheDir,
  );
  return answers.filter((answer) => status === undefined || answer.status === status);
}
