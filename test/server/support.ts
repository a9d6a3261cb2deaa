import { cpSync } from "node:fs";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/command.js";
import { DEFAULT_EVENTS_DIR } from "../../src/cli/defaultEventsDir.js";
import { runCli } from "../../src/cli/runCli.js";
import { buildServer, type ServerOptions } from "../../src/server/buildServer.js";
import { makeTempDir } from "../store/support/logFixtures.js";

/** The date the server and the CLI take for today in these tests. */
export const TODAY = "2026-11-30";

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port, on `eventsDir` (default: the repository's events/),
 * with today fixed to TODAY.
 *
 * @example
 * const server = await startServer(); await fetch(`${server.base}/list`);
 */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const app = await buildServer({ eventsDir: DEFAULT_EVENTS_DIR, today: () => TODAY, ...options });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { base, close: () => app.close() };
}

/**
 * The CLI's answer in this process, on `eventsDir` (default: the repository's events/), today
 * being TODAY.
 *
 * @example
 * cli(["status", "xiaomi", "--json"]).stdout;
 */
export function cli(args: readonly string[], eventsDir = DEFAULT_EVENTS_DIR) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
    today: TODAY,
    defaultEventsDir: eventsDir,
  };
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

/**
 * A fresh copy of the repository's events/ in a temporary folder, for tests that write.
 *
 * @example
 * const dir = copyOfEvents();
 */
export function copyOfEvents(): string {
  const dir = join(makeTempDir("designations-server-"), "events");
  cpSync(DEFAULT_EVENTS_DIR, dir, { recursive: true });
  return dir;
}

/**
 * The body of a problem answer, checked to be `application/problem+json` with the given status.
 *
 * @example
 * const problem = await problemOf(response, 400);
 */
export async function problemOf(
  response: Response,
  status: number,
): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${text.slice(0, 500)}`);
  }
  if (!response.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`not problem+json: ${response.headers.get("content-type")}: ${text}`);
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  for (const key of ["type", "title", "status", "detail"]) {
    if (!(key in body)) throw new Error(`the problem lacks "${key}": ${text}`);
  }
  if (body.status !== status) throw new Error(`the problem's status is not ${status}: ${text}`);
  if (/\n\s+at /.test(text)) throw new Error(`a stack trace in the answer: ${text}`);
  return body;
}
