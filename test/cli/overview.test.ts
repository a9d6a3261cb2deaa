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
  it("prints each list's members today by status and its latest edition, and exits 0", async () => {
    const before = localToday();
    const result = await runCli([]);
    const after = localToday();

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [title, ...rest] = result.stdout.trimEnd().split("\n");
    const streams = repositoryStreams().filter(([company]) => company !== "editions");
    const companies = new Set(streams.map(([company]) => company)).size;
    expect(
      [before, after].map(
        (day) => `The lists on ${day}: ${streams.length} streams of ${companies} companies`,
      ),
    ).toContain(title);
    expect(rest.at(-1)).toBe("Run designations --help for the commands.");
    const table = tableRows(rest.slice(0, rest.indexOf("")).join("\n"));
    expect(table[0]).toEqual([
      "list",
      "on it",
      "listed",
      "challenged",
      "enjoined",
      "settled",
      "off it",
      "latest edition or notice",
    ]);
    const programs = [...new Set(streams.map(([, program]) => program))].sort();
    expect(table.slice(1).map((row) => row[0])).toEqual(programs);
    // The 1237 and NS-CCMC lists ended on 2021-06-03: nobody is on them.
    expect(table).toContainEqual([
      "dod-1237",
      "0",
      "0",
      "0",
      "0",
      "0",
      "44",
      "list ended 2021-06-03",
    ]);
    const cmic = table.find((row) => row[0] === "ofac-ns-cmic");
    expect(cmic?.slice(1, 3)).toEqual(["68", "68"]);
    const dod1260h = table.find((row) => row[0] === "dod-1260h");
    expect(dod1260h?.[1]).toBe("188");
    expect(dod1260h?.[7]).toBe("edition 2026-06-08 (91 FR 35189)");
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
