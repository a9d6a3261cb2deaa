import { EVENT_TYPES } from "../../domain/eventTypes.js";
import { appendEvent } from "../../app/appendEvents.js";
import { addEntries, entriesNeeded } from "../../app/registerCompanies.js";
import { printAppendResult } from "../appendOutput.js";
import type { Command } from "../command.js";
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

export const appendCommand: Command = {
  name: "append",
  summary: "add a sourced event to a stream, checked against the machine, safely",
  help: `Usage: designations append <company> <program> <EventType> --effective D --source URL
                           [--known D] [--precision month] [--data JSON] [--description T]
                           [--source-title T] [--publisher P] [--confidence high|medium|low]
                           [--id ID] [--name N] [--expected-seq N] [--json] [--events DIR]

Appends one event to events/<program>/<company>.jsonl (creating it as needed): as one complete
line carrying the hash of the line before it, under an exclusive lock, flushed to disk before it
reports success. The event is rejected, and nothing written, when it breaks the schema or makes
the stream's history invalid (also when back-dated before events already there).

Event types: ${EVENT_TYPES.join(", ")}

  --effective D       the date the fact took legal effect (required)
  --known D           the date it became public (default: the effective date)
  --precision P       day, or month when only the month is known (write the month's 1st)
  --data JSON         the event's data, e.g. '{"court": "...", "docket": "...", "judge": "..."}'
  --name N            the company's full name: adds it to the registry (events/companies.json)
                      when it has no entry there; a company the registry lacks needs it
${SOURCE_HELP}

Example: designations append acme dod-1260h Listed --effective 2024-01-31 \\
           --description "Added to the 1260H list." --source https://www.defense.gov/... --confidence high`,
  options: {
    effective: { type: "string" },
    known: { type: "string" },
    precision: { type: "string" },
    data: { type: "string" },
    name: { type: "string" },
    ...SOURCE_OPTIONS,
  },
  positionals: { min: 3, max: 3 },
  run({ positionals, values }, io) {
    const [company = "", program = "", type = ""] = positionals;
    if (!(EVENT_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`"${type}" is not an event type; use one of ${EVENT_TYPES.join(", ")}`);
    }
    const description = stringOption(values, "description");
    const data = { ...dataOption(values), ...(description === undefined ? {} : { description }) };
    const known = stringOption(values, "known");
    const dir = eventsDirOf(values, io);
    const entries = entriesNeeded(dir, [{ company, program, name: stringOption(values, "name") }]);
    const append = (dryRun: boolean) =>
      appendEvent(
        dir,
        {
          company,
          program,
          type,
          effective: requiredDateOption(values, "effective"),
          known: known === undefined ? undefined : dateOption(values, "known", ""),
          precision: precisionOption(values),
          data,
          sources: sourcesOption(values),
          confidence: confidenceOption(values),
          id: stringOption(values, "id"),
        },
        { expectedSeq: expectedSeqOption(values), dryRun },
      );
    // Checked first, then the registry entry, then the event: never a stream without an entry.
    if (entries.length > 0) append(true);
    addEntries(dir, entries);
    return printAppendResult(append(false), values, io);
  },
};
