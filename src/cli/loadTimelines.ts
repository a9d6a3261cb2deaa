import { readLog } from "../log/readLog.js";
import { replayLogStrict } from "../replay/replayLog.js";
import type { Timeline } from "../replay/timeline.js";
import type { CliIo, OptionValues } from "./command.js";
import { stringOption, viewOption } from "./optionValues.js";

/**
 * Reads and replays the log named by `--events` (or the default), as `--known-at` and
 * `--recorded-at` see it; throws `LogError` on any problem.
 */
export function loadTimelines(values: OptionValues, io: CliIo): Timeline[] {
  return replayLogStrict(readLog(eventsDirOf(values, io)), viewOption(values));
}

export function eventsDirOf(values: OptionValues, io: CliIo): string {
  return stringOption(values, "events") ?? io.defaultEventsDir;
}
