import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localToday } from "./support/eventsDirs.js";
import { REPO_ROOT, runCli, tableRows } from "./support/runCli.js";

/** `<company>` of every `events/<program>/<company>.jsonl` of the repository. */
function repositoryStreams(): string[][] {
  const events = join(REPO_ROOT, "events");
  return readdirSync(events)
    .filter((program) => statSync(join(events, program)).isDirectory())
    .flatMap((program) =>
      readdirSync(join(events, program))
        .filter((name) => name.endsWith(".jsonl"))
        .map((name) => [name.slice(0, -".jsonl".length), program]),
    );
}

describe("designations with no arguments", () => {
  it("prints every stream of the repository's log with its status today, and exits 0", async () => {
    const before = localToday();
    const result = await runCli([]);
    const after = localToday();

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [title, ...rest] = result.stdout.trimEnd().split("\n");
    expect([
      `Status of every tracked stream on ${before}`,
      `Status of every tracked stream on ${after}`,
    ]).toContain(title);
    expect(rest.at(-1)).toBe("Run designations --help for the commands.");
    const rows = tableRows(rest.slice(0, -2).join("\n"));
    expect(rows[0]).toEqual(["company", "program", "status", "enforceable", "since"]);
    expect(
      rows
        .slice(1)
        .map(([company, program]) => [company, program])
        .sort(),
    ).toEqual(repositoryStreams().sort());
    expect(rows).toContainEqual(["xiaomi", "dod-1237", "vacated", "no", "2021-05-25"]);
  });
});

describe("designations --help", () => {
  it("prints the usage and every command, and exits 0", async () => {
    const result = await runCli(["--help"]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: designations <command> [options]");
    for (const command of [
      "status",
      "timeline",
      "list",
      "replay",
      "append",
      "correct",
      "retract",
      "verify",
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, "m"));
    }
    expect(result.stdout).toContain(
      "Exit codes: 0 fine, 1 bad data, a rejected event or an unknown company, 2 bad usage,\n3 internal error, 4 concurrency conflict (--expected-seq did not match).",
    );
  });

  it("status --help prints the usage of status, and exits 0 without needing a company", async () => {
    const result = await runCli(["status", "--help"]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: designations status <company> /);
    expect(result.stdout).toContain("--at D");
    expect(result.stdout).toContain("--json");
  });
});

describe("the help of the commands that write and check the log", () => {
  it.concurrent.for(["append", "correct", "retract", "verify"])(
    "%s --help prints its usage and exits 0",
    async (command, { expect }) => {
      const result = await runCli([command, "--help"]);

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: designations ${command} `));
      expect(result.stdout).toContain("--events DIR");
    },
  );
});
