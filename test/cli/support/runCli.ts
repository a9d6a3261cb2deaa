import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: the child runs there so that `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const MAIN = fileURLToPath(new URL("../../../src/cli/main.ts", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx src/cli/main.ts ...args` as a child process and resolves with its exit
 * code and output. Rejects only when the child cannot run or is killed (timeout).
 *
 * @example
 * const { code, stdout } = await runCli(["status", "xiaomi", "--at", "2021-04-01"]);
 */
export function runCli(args: readonly string[]): Promise<CliResult> {
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
