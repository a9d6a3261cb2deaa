import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: children run there so that `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const APPEND_MANY = fileURLToPath(new URL("./appendMany.ts", import.meta.url));
export const RACE_APPEND = fileURLToPath(new URL("./raceAppend.ts", import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Complete stdout lines so far (for appendMany: the ids it acknowledged). */
  lines: string[];
  /** Resolves when it exits, with its code (null when killed) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once `lines` has at least `count` lines (rejects if the child exits first). */
  linesAtLeast(count: number): Promise<void>;
}

/**
 * Starts `node --import tsx <script> ...args` in the repository root, collecting its stdout line by
 * line.
 *
 * @example
 * const child = startScript(APPEND_MANY, [dir, "acme", "dod-1237", "w1", "100"]);
 * await child.exited;
 */
export function startScript(script: string, args: readonly string[]): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let pending = "";
  let stderr = "";
  let finished = false;
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (lines.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      } else if (finished) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.reject(new Error(`the child exited after ${lines.length} lines:\n${stderr}`));
      }
    }
  };
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    pending += chunk;
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    lines.push(...parts);
    wake();
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      finished = true;
      wake();
      resolve({ code, signal, stderr });
    });
  });
  return {
    process: child,
    lines,
    exited,
    linesAtLeast: (count) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ count, resolve, reject });
        wake();
      }),
  };
}
