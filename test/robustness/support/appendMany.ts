/**
 * A child process for the robustness tests: appends `count` Noted events to one stream through the
 * library's `appendEvent`, each with the id `<tag>-<n>`, and prints each id on its own line only
 * after `appendEvent` returned (the event is then on disk). With `pauseMs`, it pauses that long
 * between appends, as a writer with other work would, so that concurrent writers take turns at
 * the lock more often. Exits 0 when all are appended.
 *
 * Usage: node --import tsx test/robustness/support/appendMany.ts <dir> <company> <program> <tag> <count> [pauseMs]
 */
import { appendEvent } from "../../../src/app/appendEvents.js";

const [dir, company, program, tag, countText, pauseText = "0"] = process.argv.slice(2);
if (
  dir === undefined ||
  company === undefined ||
  program === undefined ||
  tag === undefined ||
  countText === undefined
) {
  process.stderr.write("usage: appendMany.ts <dir> <company> <program> <tag> <count> [pauseMs]\n");
  process.exit(2);
}

const count = Number(countText);
const pauseMs = Number(pauseText);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let n = 1; n <= count; n++) {
  const id = `${tag}-${n}`;
  appendEvent(dir, {
    company,
    program,
    type: "Noted",
    effective: "2021-02-01",
    data: { description: `Note ${n} of writer ${tag}.`, subject: "other" },
    sources: [{ publisher: "Robustness test", title: "A note", url: "https://example.org/note" }],
    confidence: "low",
    id,
  });
  process.stdout.write(`${id}\n`);
  if (pauseMs > 0) Atomics.wait(pause, 0, 0, pauseMs);
}
