import type { CliIo } from "../../../src/cli/command.js";
import { runCli } from "../../../src/cli/runCli.js";
import { runWithStore } from "../../../src/cli/runWithStore.js";

export interface InProcessRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs a command line in this process (no child, no tsx start-up) on the events folder `events`
 * and the day `today`, and collects what it prints. `progress` stands in for the terminal and
 * clock that progress bars draw on.
 *
 * @example
 * const { code, out } = runInProcess(["status", "xiaomi"], { events: dir, today: "2021-04-01" });
 */
export function runInProcess(
  argv: readonly string[],
  options: { events: string; today?: string; progress?: CliIo["progress"] },
): InProcessRun {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    today: options.today ?? "2026-11-30",
    defaultEventsDir: options.events,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  };
  const code = runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * Fails the test unless `verify` passes over the events folder `events`: a successful append or
 * import must never leave a log that `verify` rejects.
 *
 * @example
 * expectVerifies(dir);
 */
export function expectVerifies(events: string): void {
  const result = runInProcess(["verify"], { events });
  if (result.code !== 0) throw new Error(`verify failed on ${events}:\n${result.err}`);
}

/**
 * Like `runInProcess`, through `runWithStore` as `main.ts` runs it: for `--store` and `store copy`.
 *
 * @example
 * const { code } = await runWithStoreInProcess(["verify", "--store", url], { events: dir });
 */
export async function runWithStoreInProcess(
  argv: readonly string[],
  options: { events: string; today?: string },
): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    today: options.today ?? "2026-11-30",
    defaultEventsDir: options.events,
  };
  const code = await runWithStore(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
