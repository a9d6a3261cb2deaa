import { reportError } from "./reportError.js";

/**
 * Runs a script's body and turns what can go wrong into a message and an exit code, as the CLI
 * does (see `reportError`).
 */
export async function runGuarded(usage: string, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    process.exitCode = reportError(error, (text) => process.stderr.write(`${text}\n`), usage);
  }
}
