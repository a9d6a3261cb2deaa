import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { today } from "../src/cli/today.js";
import { buildServer } from "../src/server/buildServer.js";
import { type CliResult, runCli } from "./cli/support/runCli.js";

// Every `$ npm start ...`, `$ npm run replay-case ...` and `$ curl ...` example in the README, run for real in
// one scratch folder, in order: the README must stay true.
const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = import.meta.resolve("tsx");
const readme = readFileSync(join(root, "README.md"), "utf8");

const SCRIPTS = {
  "npm start": join(root, "src/cli/main.ts"),
  "npm run replay-case": join(root, "scripts/replay-case.ts"),
} as const;

interface Example {
  /** `curl`: an HTTP example, asked of the real server (see `curl` below). */
  script: keyof typeof SCRIPTS | "curl";
  args: string[];
  expected: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  let inBlock = false;
  let current: Example | undefined;
  for (const line of readme.split("\n")) {
    if (line.startsWith("```")) {
      inBlock = !inBlock;
      current = undefined;
      continue;
    }
    if (!inBlock) continue;
    const command = /^\$ (npm start|npm run replay-case)(?: --silent)?(?: -- (.*))?$/.exec(line);
    if (command) {
      const script = command[1] as keyof typeof SCRIPTS;
      current = { script, args: shellWords(command[2] ?? ""), expected: "" };
      found.push(current);
    } else if (line.startsWith("$ curl ")) {
      current = { script: "curl", args: shellWords(line.slice("$ curl ".length)), expected: "" };
      found.push(current);
    } else if (line.startsWith("$ ")) {
      current = undefined;
    } else if (current) {
      current.expected += `${line}\n`;
    }
  }
  return found;
}

/** The words of a command line as a POSIX shell splits them (plain, '...' and "..." quoting). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? "");
  }
  return words;
}

/** The scratch folder the examples run in, with the files they name. */
function scratchFolder(): string {
  const cwd = mkdtempSync(join(tmpdir(), "readme-"));
  // broken-events: Xiaomi's log with an impossible date on line 3.
  mkdirSync(join(cwd, "broken-events/dod-1237"), { recursive: true });
  const lines = readFileSync(join(root, "events/dod-1237/xiaomi.jsonl"), "utf8").split("\n");
  lines[2] = (lines[2] ?? "").replace('"effective":"2021-02-05"', '"effective":"2021-02-30"');
  writeFileSync(join(cwd, "broken-events/dod-1237/xiaomi.jsonl"), lines.join("\n"));
  // new-case.jsonl: the README's only jsonl block, the file its import example reads.
  const importFile = /```jsonl\n([\s\S]*?)```/.exec(readme)?.[1];
  if (importFile !== undefined) writeFileSync(join(cwd, "new-case.jsonl"), importFile);
  // "```csv file=NAME" and "```json file=NAME" blocks: the files examples read (the members
  // files of import-edition, the assumptions of forecast).
  for (const [, name, text] of readme.matchAll(/```(?:csv|json) file=(\S+)\n([\s\S]*?)```/g)) {
    writeFileSync(join(cwd, name as string), text as string);
  }
  // examples/: the files the screen examples read.
  cpSync(join(root, "examples"), join(cwd, "examples"), { recursive: true });
  // scenarios/: the shipped scenarios the simulate examples name.
  cpSync(join(root, "scenarios"), join(cwd, "scenarios"), { recursive: true });
  // server-events/: the log the README's server answers from and writes to (a copy).
  cpSync(join(root, "events"), join(cwd, "server-events"), { recursive: true });
  return cwd;
}

/** The day the README's HTTP examples were written: the server's today, for the same answers. */
const SERVER_TODAY = "2026-11-30";
/** The write token the README starts the server with. */
const SERVER_TOKEN = "s3cret";
/** Where the README says the server listens. */
const README_BASE = "http://127.0.0.1:8080";

let server: Promise<{ base: string; close: () => Promise<void> }> | undefined;

/** The README's `serve`: the real server on a free loopback port, started at the first curl. */
function readmeServer(cwd: string) {
  server ??= buildServer({
    eventsDir: join(cwd, "server-events"),
    writeToken: SERVER_TOKEN,
    today: () => SERVER_TODAY,
  }).then(async (app) => {
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    return { base, close: () => app.close() };
  });
  return server;
}

/**
 * `curl ARGS` as the README uses it, over fetch: -s, -H 'Name: value', -d BODY (a POST),
 * -X METHOD and -w with %{http_code} and \n; the README's port is the test server's.
 */
async function curl(cwd: string, args: readonly string[]): Promise<CliResult> {
  const { base } = await readmeServer(cwd);
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let format = "";
  let url = "";
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const value = () => args[++index] ?? "";
    if (arg === "-s") continue;
    else if (arg === "-H") {
      const [name = "", ...rest] = value().split(":");
      headers[name.trim()] = rest.join(":").trim();
    } else if (arg === "-d") body = value();
    else if (arg === "-X") method = value();
    else if (arg === "-w") format = value();
    else if (arg.startsWith("-")) throw new Error(`curl ${arg} is not emulated`);
    else url = arg.replace(README_BASE, base);
  }
  const response = await fetch(url, { method: method ?? (body ? "POST" : "GET"), headers, body });
  const text = await response.text();
  const written = format
    .replaceAll("%{http_code}", String(response.status))
    .replaceAll("\\n", "\n");
  return { code: 0, stdout: `${text}${written}\n`.replace(/\n\n$/, "\n"), stderr: "" };
}

afterAll(async () => {
  await (await server)?.close();
});

/** `npm start -- args`, run in this process from the folder `cwd` (the CLI's own code path). */
async function inFolder(cwd: string, args: readonly string[]): Promise<CliResult> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(args);
  } finally {
    process.chdir(before);
  }
}

/** A script other than the CLI, as a child process in `cwd`. */
function spawned(cwd: string, script: keyof typeof SCRIPTS, args: readonly string[]): CliResult {
  const result = spawnSync(process.execPath, ["--import", tsx, SCRIPTS[script], ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("README examples", () => {
  const all = examples();
  const cwd = scratchFolder();

  it("covers every command and script", () => {
    const commands = new Set(
      all.map((e) => (e.script === "npm start" ? (e.args[0] ?? "(none)") : e.script)),
    );
    expect([...commands].sort()).toEqual([
      "(none)",
      "append",
      "changes",
      "correct",
      "curl",
      "editions",
      "effects",
      "export",
      "forecast",
      "import",
      "import-edition",
      "list",
      "npm run replay-case",
      "outcomes",
      "replay",
      "report",
      "retract",
      "screen",
      "search",
      "simulate",
      "stats",
      "status",
      "timeline",
      "verify",
    ]);
  });

  it.each(all.map((e) => [`${e.script} -- ${e.args.join(" ")}`, e] as const))(
    "%s prints what the README shows",
    async (_, { script, args, expected }) => {
      const result =
        script === "curl"
          ? await curl(cwd, args)
          : script === "npm start"
            ? await inFolder(cwd, args)
            : spawned(cwd, script, args);
      // CSV ends its lines with CRLF (RFC 4180); the README shows them as plain lines.
      const printed = (result.stdout + result.stderr).replace(/\r\n/g, "\n");
      // The overview is of today: the README shows the day it was written.
      const shown = expected.replace(/on \d{4}-\d{2}-\d{2}(?=[:\n])/, (match) =>
        script === "npm start" && args.length === 0 ? `on ${today()}` : match,
      );
      // The instant an appended event was recorded is the server's clock's.
      const recorded = (text: string) => text.replace(/"recorded":"[^"]+"/g, '"recorded":"..."');
      expect(recorded(printed)).toBe(recorded(shown));
    },
  );
});
