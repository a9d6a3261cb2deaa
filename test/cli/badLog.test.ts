import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EventObject,
  makeEvent,
  makeTempDir,
  removeDir,
  writeStream,
} from "../store/support/logFixtures.js";
import { xiaomiEventsDir } from "./support/eventsDirs.js";
import { crashLines, runCli } from "./support/runCli.js";

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const acme = (seq: number, type: string, effective: string, overrides: EventObject = {}) =>
  makeEvent("acme/dod-1237", seq, type, effective, overrides);

interface BrokenLog {
  name: string;
  /** The lines of events/dod-1237/acme.jsonl; line 1 is a valid listing. */
  second: EventObject | string;
  /** What follows `<file>:2: ` in the message, given the file's path. */
  problem: (file: string) => string | RegExp;
}

const BROKEN: BrokenLog[] = [
  {
    name: "malformed JSON",
    second: '{"id": "acme-dod-1237-2", "stream": "acme/dod-1237", ',
    problem: () => /^malformed JSON: \S/,
  },
  {
    name: "a schema violation (a court event without a court)",
    second: acme(2, "ChallengeFiled", "2021-01-29", { data: { court: undefined } }),
    problem: () => 'field "data.court": is missing (expected string)',
  },
  {
    name: "an impossible date",
    second: acme(2, "ChallengeFiled", "2021-02-30"),
    problem: () => 'field "effective": "2021-02-30" is not a real calendar date',
  },
  {
    name: "a missing source",
    second: acme(2, "ChallengeFiled", "2021-01-29", { sources: [] }),
    problem: () => 'field "sources": every event needs at least one source',
  },
  {
    name: "a duplicate id",
    second: acme(2, "ChallengeFiled", "2021-01-29", { id: "acme-dod-1237-1" }),
    problem: (file) => `field "id": duplicate id acme-dod-1237-1, first used at ${file}:1`,
  },
  {
    name: "a broken seq order",
    second: acme(3, "ChallengeFiled", "2021-01-29"),
    problem: () => /^field "seq": is 3, expected 2\b/,
  },
];

describe("a log that cannot be read: exit 1, the file, line and field, no stack trace", () => {
  it.concurrent.for(BROKEN)("$name", async ({ second, problem }, { expect }) => {
    const dir = makeTempDir("designations-cli-bad-");
    dirs.push(dir);
    const file = writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14"), second]);
    const expected = problem(file);

    const result = await runCli(["status", "acme", "--at", "2021-04-01", "--events", dir]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    const [first, issue, ...rest] = result.stderr.split("\n");
    expect(first).toBe("error: the log has 1 problem:");
    expect(issue?.startsWith(`${file}:2: `)).toBe(true);
    const text = issue?.slice(`${file}:2: `.length);
    if (typeof expected === "string") expect(text).toBe(expected);
    else expect(text).toMatch(expected);
    expect(rest).toEqual([""]);
  });
});

describe("an invalid history", () => {
  /** Xiaomi, plus two streams the machine rejects at their second line. */
  let events: string;
  let acmeFile: string;
  let betaFile: string;

  beforeAll(() => {
    events = xiaomiEventsDir().dir;
    dirs.push(events);
    acmeFile = writeStream(events, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "InjunctionGranted", "2021-02-01"), // no challenge was filed
    ]);
    betaFile = writeStream(events, "dod-1237", "beta", [
      makeEvent("beta/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("beta/dod-1237", 2, "SettlementReached", "2021-03-01"), // nothing to settle
    ]);
  });

  const acmeProblem = () =>
    `${acmeFile}:2: field "type": invalid history in stream acme/dod-1237: event acme-dod-1237-2 (InjunctionGranted, effective 2021-02-01) is not accepted in state listing=listed, litigation=none`;
  const betaProblem = () =>
    `${betaFile}:2: field "type": invalid history in stream beta/dod-1237: event beta-dod-1237-2 (SettlementReached, effective 2021-03-01) is not accepted in state listing=listed, litigation=none`;

  it("status of a broken stream exits 1 naming its file, line and event", async () => {
    const result = await runCli(["status", "acme", "--at", "2021-04-01", "--events", events]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: the log has 1 problem:\n${acmeProblem()}\n`,
    });
  });

  it("status of a sound company answers from its own files (list and verify see the rest)", async () => {
    const status = await runCli(["status", "xiaomi", "--at", "2021-04-01", "--events", events]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("enjoined");

    const list = await runCli(["list", "--at", "2021-04-01", "--events", events]);
    expect(list).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: the log has 2 problems:\n${acmeProblem()}\n${betaProblem()}\n`,
    });
  });

  it("replay prints the sound streams, then every problem, and exits 1", async () => {
    const result = await runCli(["replay", "--events", events]);

    expect(result.code).toBe(1);
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).toBe(`${acmeProblem()}\n${betaProblem()}\n`);
    const streams = result.stdout
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.split(/ {2,}/)[1]);
    expect(new Set(streams)).toEqual(new Set(["xiaomi/dod-1237"]));
    expect(streams).toHaveLength(12);
  });

  it("replay --json lists the problems too", async () => {
    const result = await runCli(["replay", "--json", "--events", events]);

    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { steps: unknown[]; problems: unknown[] };
    expect(json.steps).toHaveLength(12);
    expect(json.problems).toStrictEqual([
      {
        file: acmeFile,
        line: 2,
        field: "type",
        message: expect.stringContaining("event acme-dod-1237-2 (InjunctionGranted"),
      },
      {
        file: betaFile,
        line: 2,
        field: "type",
        message: expect.stringContaining("event beta-dod-1237-2 (SettlementReached"),
      },
    ]);
    expect(result.stderr).toBe(`${acmeProblem()}\n${betaProblem()}\n`);
  });
});

describe("several problems in one log", () => {
  it("are all reported, each with its file and line", async () => {
    const dir = makeTempDir("designations-cli-bad-");
    dirs.push(dir);
    const acmeFile = writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-02-30"), "{"]);
    const betaFile = writeStream(dir, "ofac-sdn", "beta", [
      makeEvent("beta/ofac-sdn", 2, "Listed", "2021-01-14", { sources: undefined }),
      makeEvent("beta/ofac-sdn", 2, "Listed", "2021-01-14", { stream: "beta/dod-1237" }),
    ]);

    const result = await runCli(["list", "--events", dir]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    const [first, ...issues] = result.stderr.trimEnd().split("\n");
    expect(first).toBe("error: the log has 4 problems:");
    expect(issues.map((line) => line.replace(/^(.*?:\d+): .*$/, "$1"))).toEqual([
      `${acmeFile}:1`,
      `${acmeFile}:2`,
      `${betaFile}:1`,
      `${betaFile}:2`,
    ]);
  });
});

describe("a line edited after it was written also breaks the chain at the next line", () => {
  const EDITS = [
    {
      name: "to another valid date: only the next line's prev tells",
      replacement: '"effective":"2021-01-30"',
      problems: (file: string) => [
        `${file}:3: field "prev": does not match the hash of line 2: a line before it was changed, removed or moved`,
      ],
    },
    {
      name: "to an impossible date: the line itself, and the next line's prev",
      replacement: '"effective":"2021-02-30"',
      problems: (file: string) => [
        `${file}:2: field "effective": "2021-02-30" is not a real calendar date`,
        `${file}:3: field "prev": does not match the hash of line 2: a line before it was changed, removed or moved`,
      ],
    },
  ];

  it.concurrent.for(EDITS)("$name", async ({ replacement, problems }, { expect }) => {
    const dir = makeTempDir("designations-cli-bad-");
    dirs.push(dir);
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-01-29"),
      acme(3, "InjunctionGranted", "2021-03-12"),
    ]);
    const intact = await runCli(["status", "acme", "--at", "2021-04-01", "--events", dir]);
    expect(intact.code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toContain('"effective":"2021-01-29"');
    writeFileSync(file, text.replace('"effective":"2021-01-29"', replacement));

    const result = await runCli(["status", "acme", "--at", "2021-04-01", "--events", dir]);

    const expected = problems(file);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: the log has ${expected.length} problem${expected.length === 1 ? "" : "s"}:\n${expected.join("\n")}\n`,
    });
  });
});
