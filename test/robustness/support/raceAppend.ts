/**
 * A child process for the robustness tests: one `appendEvent` of a Noted event with
 * `expectedSeq`. Prints `appended <seq>` (exit 0), or `ConcurrencyError <actual seq>` when another
 * writer got there first (exit 4).
 *
 * Usage: node --import tsx test/robustness/support/raceAppend.ts <dir> <company> <program> <tag> <expectedSeq>
 */
import { ConcurrencyError } from "../../../src/store/appendErrors.js";
import { appendEvent } from "../../../src/app/appendEvents.js";

const [dir = "", company = "", program = "", tag = "", expected = ""] = process.argv.slice(2);

try {
  const { event } = appendEvent(
    dir,
    {
      company,
      program,
      type: "Noted",
      effective: "2021-02-01",
      data: { description: `The note of writer ${tag}.`, subject: "other" },
      sources: [{ publisher: "Robustness test", title: "A note", url: "https://example.org/note" }],
      confidence: "low",
    },
    { expectedSeq: Number(expected) },
  );
  process.stdout.write(`appended ${event.seq}\n`);
} catch (error) {
  if (!(error instanceof ConcurrencyError)) throw error;
  process.stdout.write(`ConcurrencyError ${error.actualSeq}\n`);
  process.exitCode = 4;
}
