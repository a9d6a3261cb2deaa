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

try {
  process.exitCode = runCli(process.argv.slice(2), io);
} catch (error) {
  // Bad input never gets here: runCli reports it. What does is a fault of the tool itself.
  const message = error instanceof Error ? error.message : String(error);
  io.err(`internal error (a bug in designations, please report it): ${message}`);
  if (process.env.DESIGNATIONS_DEBUG && error instanceof Error) io.err(error.stack ?? "");
  process.exitCode = 3;
}
