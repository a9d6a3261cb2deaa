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

process.exitCode = runCli(process.argv.slice(2), io);
