import { appendCorrection } from "../../app/appendCorrection.js";
import { printAppendResult } from "../appendOutput.js";
import type { CliIo, Command, CommandInput } from "../command.js";
import {
  confidenceOption,
  dataOption,
  expectedSeqOption,
  precisionOption,
  requiredDateOption,
  SOURCE_HELP,
  SOURCE_OPTIONS,
  sourcesOption,
} from "../draftOptions.js";
import { eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";

export const correctCommand: Command = {
  name: "correct",
  summary: "fix an event's date or data with a Corrected event; the old answer stays visible",
  help: `Usage: designations correct <eventId> --known D --source URL [--effective D] [--precision P]
                            [--data JSON] [--description T] [--confidence C] [--json] [--events DIR]

Appends a Corrected event to the stream of <eventId>. The log is never rewritten: answers known
before D (--known-at) keep the old version, answers after it use the corrected one. A correction
that would make the stream's history invalid is rejected.

  --known D           the date the correction became known (required)
  --effective D       the corrected effective date
  --precision P       the corrected precision (day or month)
  --data JSON         the corrected data fields (only those that change)
${SOURCE_HELP}

Example: designations correct acme-dod-1260h-0001 --effective 2024-01-30 --known 2024-02-02 \\
           --description "The notice was dated a day earlier." --source https://...`,
  options: {
    known: { type: "string" },
    effective: { type: "string" },
    precision: { type: "string" },
    data: { type: "string" },
    ...SOURCE_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run(input, io) {
    const changes = {
      effective:
        stringOption(input.values, "effective") === undefined
          ? undefined
          : dateOption(input.values, "effective", ""),
      precision: precisionOption(input.values),
      data: dataOption(input.values),
    };
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new UsageError("say what to correct: --effective, --precision or --data");
    }
    return appendFix(input, io, "Corrected", changes);
  },
};

export const retractCommand: Command = {
  name: "retract",
  summary: "withdraw an event with a Retracted event; answers known before keep it",
  help: `Usage: designations retract <eventId> --known D --source URL [--description T]
                            [--confidence C] [--json] [--events DIR]

Appends a Retracted event to the stream of <eventId>: answers known on or after D no longer use
it; answers known before D still do. A retraction that leaves the history invalid is rejected.

  --known D           the date the retraction became known (required)
${SOURCE_HELP}

Example: designations retract acme-dod-1260h-0003 --known 2024-05-01 \\
           --description "The reported hearing did not take place." --source https://...`,
  options: { known: { type: "string" }, ...SOURCE_OPTIONS },
  positionals: { min: 1, max: 1 },
  run(input, io) {
    return appendFix(input, io, "Retracted");
  },
};

/** Appends a Corrected or Retracted event to the stream that holds the event it names. */
function appendFix(
  { positionals, values }: CommandInput,
  io: CliIo,
  type: "Corrected" | "Retracted",
  changes?: Record<string, unknown>,
): number {
  const result = appendCorrection(
    eventsDirOf(values, io),
    {
      target: positionals[0] as string,
      type,
      known: requiredDateOption(values, "known"),
      changes,
      description: stringOption(values, "description"),
      sources: sourcesOption(values),
      confidence: confidenceOption(values),
      id: stringOption(values, "id"),
    },
    { expectedSeq: expectedSeqOption(values) },
  );
  return printAppendResult(result, values, io);
}
