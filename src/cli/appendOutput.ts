import type { AppendResult } from "../app/appendEvents.js";
import type { CliIo, OptionValues } from "./command.js";

/** What append, correct and retract print about the event they wrote (or found). */
export function printAppendResult(result: AppendResult, values: OptionValues, io: CliIo): number {
  if (values.json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  const { event, file, line } = result;
  const what = `${event.id} (${event.type}, effective ${event.effective}, seq ${event.seq})`;
  io.out(
    result.outcome === "appended"
      ? `appended ${what} to ${file}:${line}`
      : `already in the log, nothing written: ${what} at ${file}:${line}`,
  );
  return 0;
}
