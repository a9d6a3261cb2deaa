#!/usr/bin/env node
import type { CliIo } from "./command.js";
import { DEFAULT_EVENTS_DIR } from "./defaultEventsDir.js";
import { runCli } from "./runCli.js";
import { today } from "./today.js";

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: today(),
  defaultEventsDir: DEFAULT_EVENTS_DIR,
};

const started = process.hrtime.bigint();
process.exitCode = runCli(process.argv.slice(2), io);
if (process.env.DESIGNATIONS_TIMING) {
  // For the benchmark: the time from the CLI's start to its answer, without Node's own start-up.
  io.err(`elapsed ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} ms`);
}
