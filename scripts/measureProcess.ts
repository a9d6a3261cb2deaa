import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One whole process, measured from outside: its wall time, its peak memory, how it ended. */
export interface ProcessRun {
  ms: number;
  /** Peak resident memory (maxRSS) of the process, in MB. */
  peakMb: number;
  code: number | null;
  /** The first line of its standard error, when it failed. */
  error?: string;
}

// Preloaded into every measured process: on exit, it writes the process's own peak memory.
const REPORTER = join(tmpdir(), `bench-rss-reporter-${process.pid}.cjs`);
writeFileSync(
  REPORTER,
  `process.on("exit", () => require("node:fs").writeFileSync(process.env.BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)));\n`,
);

/**
 * Runs `node <args>` as a whole process, its standard output thrown away (as a user would
 * redirect it), and measures its wall time from spawn to exit and its peak resident memory.
 *
 * @example
 * measureProcess(["dist/bin/designations.js", "verify", "--events", dir]); // { ms: 5210, peakMb: 180, code: 0 }
 */
export function measureProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): ProcessRun {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const sink = openSync("/dev/null", "w");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", REPORTER, ...args], {
    stdio: ["ignore", sink, "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env, BENCH_RSS_OUT: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(sink);
  const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : Number.NaN;
  rmSync(rssFile, { force: true });
  const run: ProcessRun = { ms, peakMb: peakKb / 1024, code: result.status };
  if (result.status !== 0) {
    run.error = (result.stderr || String(result.error ?? result.signal)).trim().split("\n")[0];
  }
  return run;
}

/** Removes the preloaded reporter (call once at the end). */
export function cleanUpMeasurements(): void {
  rmSync(REPORTER, { force: true });
}
