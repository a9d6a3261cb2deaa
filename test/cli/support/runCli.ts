import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../../src/cli/command.js";
import { DEFAULT_EVENTS_DIR } from "../../../src/cli/defaultEventsDir.js";
import { runCli as runCommandLine } from "../../../src/cli/runCli.js";
import { today } from "../../../src/cli/today.js";

/** The repository root: the child runs there so that `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const MAIN = fileURLToPath(new URL("../../../src/cli/main.ts", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line in this process, as `src/cli/main.ts` would (the repository's events/ by
 * default, today on the local calendar, each line written with its newline), and resolves with
 * its exit code and output: the CLI's end-to-end behaviour without a child's start-up.
 *
 * @example
 * const { code, stdout } = await runCli(["status", "xiaomi", "--at", "2021-04-01"]);
 */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
    today: today(),
    defaultEventsDir: DEFAULT_EVENTS_DIR,
  };
  const code = runCommandLine(args, io);
  return { code, stdout, stderr };
}

/**
 * Runs `node --import tsx src/cli/main.ts ...args` as a child process and resolves with its exit
 * code and output: for what only a real process shows (exit codes, signals, locks across
 * processes, the package's entry point). Rejects only when the child cannot run or is killed.
 *
 * @example
 * const { code, stdout } = await runCliProcess(["status", "xiaomi", "--at", "2021-04-01"]);
 */
export function runCliProcess(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MAIN, ...args],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
        } else if (typeof error.code === "number") {
          resolve({ code: error.code, stdout, stderr });
        } else {
          reject(
            new Error(`designations ${args.join(" ")} did not finish: ${error.message}\n${stderr}`),
          );
        }
      },
    );
  });
}

/**
 * The lines of `stderr` that betray an uncaught exception or a bug: stack frames (`    at ...`),
 * an `Error:`-style header (`TypeError: ...`, `Error: ENOENT ...`), Node's crash banner, or the
 * CLI's own "internal error". Our messages for bad input start with a lowercase `error:`.
 */
export function crashLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter(
      (line) =>
        /^\s+at\s/.test(line) ||
        /^\w*Error\b/.test(line) ||
        /^Node\.js v/.test(line) ||
        /internal error/.test(line),
    );
}

/** A table printed by the CLI as rows of cells (columns are separated by two spaces or more). */
export function tableRows(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => line.trim().split(/ {2,}/));
}
