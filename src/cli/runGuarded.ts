import { LogError } from "../log/logError.js";
import {
  AmbiguousCompanyError,
  UnknownCompanyError,
  UnknownProgramError,
} from "../query/queryErrors.js";

/**
 * Runs a script's body and turns what can go wrong into a message and an exit code, as the CLI
 * does: 1 for bad data or an unknown name, 2 for bad usage (a `UsageError`, or parseArgs'
 * complaint), 3 for anything else (a bug).
 */
export async function runGuarded(usage: string, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof LogError) {
      process.stderr.write(`error: the log has problems:\n${message}\n`);
      process.exitCode = 1;
    } else if (
      error instanceof UnknownCompanyError ||
      error instanceof AmbiguousCompanyError ||
      error instanceof UnknownProgramError
    ) {
      process.stderr.write(`error: ${message}\n`);
      process.exitCode = 1;
    } else if (
      error instanceof TypeError &&
      (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") !== false
    ) {
      process.stderr.write(`error: ${message}\n${usage}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`internal error (a bug, please report it): ${message}\n`);
      process.exitCode = 3;
    }
  }
}
