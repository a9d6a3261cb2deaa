#!/usr/bin/env node
import type { CliIo } from "./command.js";
import { DEFAULT_EVENTS_DIR } from "./defaultEventsDir.js";
import { osErrorText } from "./osErrorText.js";
import { runWithStore } from "./runWithStore.js";
import { today } from "./today.js";

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: today(),
  defaultEventsDir: DEFAULT_EVENTS_DIR,
};

// A reader that goes away (`| head`) ends the output quietly; any other failure to write the
// output (a full disk) is the user's to know, plainly, with exit code 1.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") {
    process.stderr.write(
      `error: cannot write the output: ${osErrorText(error) ?? error.message}\n`,
    );
    process.exit(1);
  }
  process.exit(process.exitCode ?? 0);
});

const started = process.hrtime.bigint();
process.exitCode = await runWithStore(process.argv.slice(2), io);
if (process.env.DESIGNATIONS_TIMING) {
  // For the benchmark: the time from the CLI's start to its answer, without Node's own start-up.
  io.err(`elapsed ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} ms`);
}
