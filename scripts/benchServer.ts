/**
 * Measures the HTTP API as users run it: the built CLI's `serve` (dist/bin/designations.js) as a whole
 * process on a loopback port, loaded by autocannon for a bounded time. For `GET status`: the
 * latency (p50, p99) at a fixed 1,000 requests a second, and the most requests a second it
 * answers; the server's peak memory. Used by scripts/bench.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

/** One load run against one URL. */
export interface LoadRun {
  /** What was asked, e.g. "GET status at 1,000 req/s". */
  name: string;
  /** Requests a second answered, on average. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors. */
  failed: number;
}

/** A server started from the built CLI, until `stop`. */
export interface RunningServer {
  url: string;
  /** Its peak resident memory so far, in MB. */
  peakMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts `node <cli> serve --port 0` with `args` and resolves once it listens.
 *
 * @example
 * const server = await startServer("dist/bin/designations.js", ["--events", "events"], {});
 */
export function startServer(
  cli: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<RunningServer> {
  const child = spawn(process.execPath, [cli, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(running(child, match[1]));
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${err.trim()}`)));
  });
}

function running(child: ChildProcess, url: string): RunningServer {
  return {
    url,
    peakMb: () => {
      const status = `/proc/${child.pid}/status`;
      if (!existsSync(status)) return Number.NaN;
      const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(status, "utf8"))?.[1];
      return kb === undefined ? Number.NaN : Number(kb) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Loads `url` for `seconds` with autocannon: at `rate` requests a second overall when given,
 * else as fast as 10 connections are answered.
 *
 * @example
 * await load("GET status", "http://127.0.0.1:8080/companies/xiaomi/status", 10, 1000);
 */
export async function load(
  name: string,
  url: string,
  seconds: number,
  rate?: number,
): Promise<LoadRun> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    ...(rate === undefined ? {} : { overallRate: rate }),
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Appends by `writers` concurrent clients, each to a stream of its own, for `seconds`. */
export interface AppendRun {
  name: string;
  events: number;
  perSecond: number;
  failed: number;
}

/**
 * `writers` clients POST `Noted` events to streams of their own (`<company>/dod-1237`, each
 * already listed) as fast as the server answers, for `seconds`: the events a second it stores.
 *
 * @example
 * await appendLoad("folder", server.url, "token", ["co-1", "co-2"], 10);
 */
export async function appendLoad(
  name: string,
  url: string,
  token: string,
  companies: readonly string[],
  seconds: number,
): Promise<AppendRun> {
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  let events = 0;
  let failed = 0;
  await Promise.all(
    companies.map(async (company) => {
      for (let i = 0; Date.now() < end; i++) {
        const response = await fetch(`${url}/streams/${company}/dod-1237/events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            type: "Noted",
            effective: "2026-11-20",
            data: { subject: "other", description: `Benchmark append ${i}.` },
            sources: [{ publisher: "bench", title: "bench", url: "https://example.org/bench" }],
            confidence: "low",
          }),
        });
        await response.arrayBuffer();
        if (response.status === 201) events += 1;
        else failed += 1;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, events, perSecond: events / elapsed, failed };
}
