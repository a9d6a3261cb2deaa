import fc from "fast-check";
import { readdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/runCli.js";
import { treeOf, xiaomiEventsDir } from "../cli/support/eventsDirs.js";
import { runInProcess } from "../cli/support/inProcess.js";
import { crashLines } from "../cli/support/runCli.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";

// Random bytes where the CLI takes a path or an argument: whatever they are, the answer is an
// answer or a user's error (exit 0, 1, 2 or 4), never a bug (exit 3) or a stack trace.

const { dir: events } = xiaomiEventsDir();
const outputs = makeTempDir("designations-random-out-");
// Commands given no --out (a report's default is report.html) write into a scratch folder.
const workDir = makeTempDir("designations-random-cwd-");
const startDir = process.cwd();
beforeAll(() => process.chdir(workDir));
afterAll(() => {
  process.chdir(startDir);
  for (const dir of [events, outputs, workDir]) removeDir(dir);
});

const RUNS = { numRuns: 150 };

/** Text of any bytes: control characters, NUL, invalid surrogates, slashes, dots, long runs. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("/", ".", "\0", "a", "\n", "-", " ", "~"), maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.nat({ max: 20_000 }).map((length) => "x".repeat(length)),
);

function expectUserOutcome(argv: readonly string[], result: { code: number; err: string }) {
  const shown = JSON.stringify(argv).slice(0, 300);
  expect([0, 1, 2, 4], `exit ${result.code} for ${shown}:\n${result.err}`).toContain(result.code);
  expect(crashLines(result.err), shown).toEqual([]);
}

describe("random bytes given to the CLI", () => {
  it("as --out targets: a user's error or a file inside the folder it names", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom("report", "export"), (name, command) => {
        // Only names that stay inside the scratch folder (or cannot be opened at all).
        const target = `${outputs}/${name}`;
        fc.pre(name.includes("\0") || !relative(outputs, resolve(target)).startsWith(".."));
        const argv =
          command === "report"
            ? ["report", "xiaomi", "--out", target]
            : ["export", "--format", "csv", "--out", target];
        expectUserOutcome(argv, runInProcess(argv, { events }));
      }),
      RUNS,
    );
  });

  it("as --events paths, for commands that read", () => {
    const before = treeOf(events);
    const cwdEntries = readdirSync(".");
    fc.assert(
      fc.property(anyText, fc.constantFrom("status", "list", "verify", "search"), (path, cmd) => {
        const argv = [cmd, ...(cmd === "status" || cmd === "search" ? ["xiaomi"] : [])];
        argv.push("--events", path);
        expectUserOutcome(argv, runInProcess(argv, { events }));
      }),
      RUNS,
    );
    expect(readdirSync(".")).toEqual(cwdEntries);
    expect(treeOf(events)).toEqual(before);
  });

  it("as the arguments of every command", () => {
    const repoEntries = readdirSync(startDir);
    const argument = fc.oneof(
      anyText,
      fc
        .constantFrom(...COMMANDS.flatMap((command) => Object.keys(command.options)))
        .map((name) => `--${name}`),
      fc.constantFrom(
        "xiaomi",
        "dod-1237",
        "2021-04-01",
        "9999-12-31",
        "0000-00-00",
        "--json",
        "-",
      ),
    );
    fc.assert(
      fc.property(
        // serve runs until a signal: test/server/serve.test.ts runs it as a process of its own.
        fc.constantFrom(...COMMANDS.filter((c) => c.name !== "serve").map((c) => c.name)),
        fc.array(argument, { maxLength: 8 }),
        (name, args) => {
          // --events and --out have their own properties above; here nothing may leave the log.
          fc.pre(!args.some((arg) => arg.startsWith("--events") || arg.startsWith("--out")));
          const argv = [name, ...args];
          expectUserOutcome(argv, runInProcess(argv, { events }));
        },
      ),
      { numRuns: 1_000 },
    );
    // Random arguments may have appended to the log, but never broken it.
    expect(runInProcess(["verify"], { events }).code).toBe(0);
    expect(readdirSync(startDir)).toEqual(repoEntries);
  });
});
