import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAll } from "./support/drafts.js";
import { crashLines, runCli, tableRows } from "./support/runCli.js";
import { expectVerifies } from "./support/inProcess.js";

const cli = runCli;

const rows = tableRows;

const STATS_HEADER = ["stage", "cases", "month-precision", "min", "median", "max (days)"];

interface StatsJson {
  program: string | null;
  stages: {
    stage: string;
    label: string;
    cases: number;
    exact: number;
    approximate: number;
    min: number | null;
    median: number | null;
    max: number | null;
    samples: { stream: string; from: string; to: string; approximate: boolean; range: number[] }[];
  }[];
  outcomes: Record<string, number>;
  cases: { stream: string; outcome: string }[];
}

describe("designations stats", () => {
  it("prints the figures of the repository's log", async () => {
    const { code, stdout, stderr } = await cli(["stats"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [title, ...rest] = stdout.trimEnd().split("\n");
    expect(title).toBe("Case statistics");
    expect(rows(rest.slice(0, 6).join("\n"))).toEqual([
      STATS_HEADER,
      ["listed → challenged", "4", "0", "15", "88", "196"],
      ["challenged → injunction decision", "2", "0", "42", "52", "62"],
      ["injunction → settlement or judgment", "1", "0", "60", "60", "60"],
      ["challenged → case closed", "2", "1", "116", "116", "116"],
      // Every listing that ended: most by the end of the 1237 and NS-CCMC lists on 2021-06-03
      // (Xiaomi's vacatur after 131 days is the shortest); the longest is a 1260H listing of
      // 2021-06-03 dropped by the edition of 2026-06-08, 1831 days.
      ["listed → removed", "115", "2", "131", "203", "1831"],
    ]);
    expect(rest.slice(6)).toEqual([
      "",
      "Known only to the month (not in min, median, max):",
      "  challenged → case closed: luokung/dod-1237 2021-03-04 -> 2021-06-01, 89 to 118 days",
      "  listed → removed: luokung/dod-1237 2021-01-14 -> 2021-06-01, 138 to 167 days",
      "  listed → removed: luokung/ofac-ns-ccmc 2021-01-14 -> 2021-06-01, 138 to 167 days",
      "",
      "Outcome of 4 challenges: vacated 1, delisted 3, judgment for government 0, dismissed 0, pending 0",
    ]);
  });

  it("prints the same figures as one JSON object with --json", async () => {
    const { code, stdout } = await cli(["stats", "--json"]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const stats = JSON.parse(stdout) as StatsJson;
    expect(stats.program).toBeNull();
    expect(
      stats.stages.map((s) => [s.stage, s.cases, s.exact, s.approximate, s.min, s.median, s.max]),
    ).toEqual([
      ["listed-challenged", 4, 4, 0, 15, 88, 196],
      ["challenged-injunction-decision", 2, 2, 0, 42, 52, 62],
      ["injunction-settlement-or-judgment", 1, 1, 0, 60, 60, 60],
      ["challenged-closed", 2, 1, 1, 116, 116, 116],
      ["listed-removed", 115, 113, 2, 131, 203, 1831],
    ]);
    const approximate = stats.stages.flatMap((s) =>
      s.samples.filter((x) => x.approximate).map((x) => [s.stage, x.stream, x.range]),
    );
    expect(approximate).toEqual([
      ["challenged-closed", "luokung/dod-1237", [89, 118]],
      ["listed-removed", "luokung/dod-1237", [138, 167]],
      ["listed-removed", "luokung/ofac-ns-ccmc", [138, 167]],
    ]);
    // GOWIN's suit was pending when DoD withdrew the whole 1237 list. Xiaomi's, Luokung's and
    // GOWIN's suits are recorded on their NS-CCMC streams too, but count once each.
    expect(stats.outcomes).toEqual({
      vacated: 1,
      delisted: 3,
      "judgment-for-government": 0,
      dismissed: 0,
      pending: 0,
    });
    expect(stats.cases.map((c) => `${c.stream} ${c.outcome}`)).toEqual([
      "amec/dod-1260h delisted",
      "gowin/dod-1237 delisted",
      "luokung/dod-1237 delisted",
      "xiaomi/dod-1237 vacated",
    ]);
  });

  it("counts only one program's streams with --program", async () => {
    const { code, stdout } = await cli(["stats", "--program", "dod-1260h"]);
    expect(code).toBe(0);
    const [title, ...rest] = stdout.trimEnd().split("\n");
    expect(title).toBe("Case statistics for dod-1260h");
    // AMEC: listed 2024-01-31, sued 2024-08-14 (196 days). Removals: 23 listings ended, the
    // shortest Hesai's first (2024-01-31 to 2024-10-23, 266 days), the longest a listing of
    // 2021-06-03 dropped on 2026-06-08 (1831 days).
    expect(rows(rest.slice(0, 6).join("\n"))).toEqual([
      STATS_HEADER,
      ["listed → challenged", "1", "0", "196", "196", "196"],
      ["challenged → injunction decision", "0", "0", "-", "-", "-"],
      ["injunction → settlement or judgment", "0", "0", "-", "-", "-"],
      ["challenged → case closed", "0", "0", "-", "-", "-"],
      ["listed → removed", "23", "0", "266", "518", "1831"],
    ]);
    expect(rest.slice(6)).toEqual([
      "",
      "Outcome of 1 challenge: vacated 0, delisted 1, judgment for government 0, dismissed 0, pending 0",
    ]);
    expect(stdout).not.toContain("Known only to the month");
  });

  it("gives the program's figures in JSON with --program and --json", async () => {
    const { code, stdout } = await cli(["stats", "--program", "dod-1260h", "--json"]);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as StatsJson;
    expect(stats.program).toBe("dod-1260h");
    expect(stats.stages.map((s) => [s.stage, s.cases, s.min, s.median, s.max])).toEqual([
      ["listed-challenged", 1, 196, 196, 196],
      ["challenged-injunction-decision", 0, null, null, null],
      ["injunction-settlement-or-judgment", 0, null, null, null],
      ["challenged-closed", 0, null, null, null],
      ["listed-removed", 23, 266, 518, 1831],
    ]);
    expect(stats.cases).toEqual([{ stream: "amec/dod-1260h", outcome: "delisted" }]);
  });
});

describe("designations stats --program of a program the log does not have", () => {
  let events: string;

  beforeEach(() => {
    events = mkdtempSync(join(tmpdir(), "designations-cli-stats-"));
    appendAll(events, "acme/dod-1237", [["Listed", "2021-01-14"]]);
    appendAll(events, "beta/dod-1260h", [["Listed", "2024-01-31"]]);
  });

  afterEach(() => {
    rmSync(events, { recursive: true, force: true });
  });

  it("exits 1 naming the unknown program and the known ones", async () => {
    const { code, stdout, stderr } = await cli(["stats", "--program", "nope", "--events", events]);
    expect(stdout).toBe("");
    expect(stderr).toBe('error: unknown program "nope"; the log has: dod-1237, dod-1260h\n');
    expect(code).toBe(1);
  });

  it("also with --json", async () => {
    const { code, stdout, stderr } = await cli([
      "stats",
      "--program",
      "nope",
      "--json",
      "--events",
      events,
    ]);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: unknown program "nope"/);
    expect(code).toBe(1);
  });
});

describe("designations import", () => {
  let root: string;
  let events: string;
  let importFile: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "designations-cli-import-"));
    events = join(root, "my-events");
    importFile = join(root, "new-case.jsonl");
    mkdirSync(events);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const SOURCE = { publisher: "Court docket", title: "A filing", url: "https://example.org/f" };
  const COURT = "U.S. District Court for the District of Columbia";

  function line(fields: Record<string, unknown>): string {
    return JSON.stringify({ sources: [SOURCE], confidence: "high", ...fields });
  }

  const BETA_LISTED = line({
    company: "beta",
    program: "dod-1260h",
    type: "Listed",
    effective: "2024-01-31",
    precision: "day",
    id: "beta-listed",
    data: { description: "DoD added Beta to its 1260H list.", authority: "Department of Defense" },
  });
  const BETA_SUED = line({
    company: "beta",
    program: "dod-1260h",
    type: "ChallengeFiled",
    effective: "2024-05-02",
    id: "beta-sued",
    data: { description: "Beta sued to have the listing set aside.", court: COURT },
    confidence: "medium",
  });
  const GAMMA_LISTED = line({
    company: "gamma",
    program: "dod-1237",
    type: "Listed",
    effective: "2021-01-14",
    data: { description: "DoD added Gamma.", authority: "Department of Defense" },
  });

  function writeImport(lines: readonly string[]): void {
    writeFileSync(importFile, lines.map((l) => `${l}\n`).join(""));
  }

  function snapshot(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else files[relative(events, path)] = readFileSync(path, "utf8");
      }
    };
    walk(events);
    return files;
  }

  it("imports a file into the --events folder and says how much", async () => {
    writeImport([BETA_LISTED, BETA_SUED, GAMMA_LISTED]);
    const { code, stdout, stderr } = await cli(["import", importFile, "--events", events]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expectVerifies(events);
    expect(stdout).toBe("imported 3 events into 2 streams; 0 already in the log\n");
    expect(Object.keys(snapshot()).sort()).toEqual([
      join("dod-1237", "gamma.jsonl"),
      join("dod-1260h", "beta.jsonl"),
    ]);
    const status = await cli(["status", "beta", "--at", "2024-06-01", "--events", events]);
    expect(status.code).toBe(0);
    expect(rows(status.stdout)[2]).toEqual([
      "dod-1260h",
      "challenged",
      "yes",
      "2024-05-02",
      "ChallengeFiled beta-sued",
    ]);
    expect((await cli(["verify", "--events", events])).code).toBe(0);
  });

  it("reports drafts already in the log, and writes them only once", async () => {
    writeImport([BETA_LISTED]);
    expect((await cli(["import", importFile, "--events", events])).stdout).toBe(
      "imported 1 event into 1 stream; 0 already in the log\n",
    );
    writeImport([BETA_LISTED, BETA_SUED]);
    const again = await cli(["import", importFile, "--events", events]);
    expect(again.code).toBe(0);
    expectVerifies(events);
    expect(again.stdout).toBe("imported 1 event into 1 stream; 1 already in the log\n");
    const file = join(events, "dod-1260h", "beta.jsonl");
    const ids = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(["beta-listed", "beta-sued"]);
  });

  it("prints each result as JSON with --json", async () => {
    writeImport([BETA_LISTED]);
    await cli(["import", importFile, "--events", events]);
    writeImport([BETA_LISTED, BETA_SUED, GAMMA_LISTED]);
    const { code, stdout } = await cli(["import", importFile, "--events", events, "--json"]);
    expect(code).toBe(0);
    expectVerifies(events);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const results = JSON.parse(stdout) as {
      outcome: string;
      event: { id: string; stream: string; seq: number; type: string };
      file: string;
      line: number;
    }[];
    expect(
      results.map((r) => [r.outcome, r.event.id, r.event.stream, r.event.seq, r.line]),
    ).toEqual([
      ["existing", "beta-listed", "beta/dod-1260h", 1, 1],
      ["appended", "beta-sued", "beta/dod-1260h", 2, 2],
      // A line without an id gets one derived from its content (test/app/importDrafts.test.ts).
      ["appended", expect.stringMatching(/^gamma-dod-1237-[0-9a-f]{12}$/), "gamma/dod-1237", 1, 1],
    ]);
    expect(results[0]?.file).toBe(join(events, "dod-1260h", "beta.jsonl"));
  });

  it.each([
    ["a malformed line", "{oops", /:2: malformed JSON/],
    [
      "a schema violation",
      BETA_SUED.replace('"confidence":"medium"', '"confidence":"sure"'),
      /:2: field "confidence": /,
    ],
    [
      "an impossible date",
      BETA_SUED.replace("2024-05-02", "2024-02-30"),
      /:2: field "effective": /,
    ],
  ])("rejects %s with exit 1, naming the line, and writes nothing", async (_label, bad, where) => {
    writeImport([GAMMA_LISTED, bad, BETA_LISTED]);
    const before = snapshot();
    const { code, stdout, stderr } = await cli(["import", importFile, "--events", events]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toContain(importFile);
    expect(stderr).toMatch(where);
    expect(crashLines(stderr)).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it("a missing import file exits 1 naming it, with no stack trace, and writes nothing", async () => {
    const missing = join(root, "no-such-file.jsonl");
    const before = snapshot();
    const { code, stdout, stderr } = await cli(["import", missing, "--events", events]);
    expect(stdout).toBe("");
    expect(stderr).toBe(`error: the import file has 1 problem:\n${missing}: no such file\n`);
    expect(crashLines(stderr)).toEqual([]);
    expect(code).toBe(1);
    expect(snapshot()).toEqual(before);
  });

  it("rejects a draft that makes a history invalid with exit 1, and writes nothing", async () => {
    const enjoined = line({
      company: "delta",
      program: "dod-1237",
      type: "InjunctionGranted",
      effective: "2021-03-12",
      data: { description: "An injunction with no listing.", court: COURT },
    });
    writeImport([GAMMA_LISTED, BETA_LISTED, enjoined]);
    const before = snapshot();
    const { code, stdout, stderr } = await cli(["import", importFile, "--events", events]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${importFile}:3: `);
    expect(stderr).toContain("history would be invalid");
    expect(crashLines(stderr)).toEqual([]);
    expect(snapshot()).toEqual(before);
  });
});

describe("designations status by name", () => {
  it('answers for "Xiaomi Corporation" --at 2021-04-01', async () => {
    const { code, stdout, stderr } = await cli([
      "status",
      "Xiaomi Corporation",
      "--at",
      "2021-04-01",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "Xiaomi Corporation (xiaomi) on 2021-04-01",
        "program       status    enforceable  since       because of",
        "dod-1237      enjoined  no           2021-03-12  InjunctionGranted xiaomi-dod-1237-0006",
        "ofac-ns-ccmc  enjoined  no           2021-03-12  InjunctionGranted xiaomi-ofac-ns-ccmc.mirror.xiaomi-dod-1237-0006",
        // Listed 2021-01-14: the window from then, the purchase ban from 2021-03-15 (+60 days),
        // both suspended by the injunction of 2021-03-12 until the vacatur of 2021-05-25.
        "effects on 2021-04-01: dod-1237: purchase-ban, divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006); ofac-ns-ccmc: purchase-ban, divestment-window suspended (InjunctionGranted xiaomi-ofac-ns-ccmc.mirror.xiaomi-dod-1237-0006)",
        "",
      ].join("\n"),
    );
    expect((await cli(["status", "xiaomi", "--at", "2021-04-01"])).stdout).toBe(stdout);
  });

  it("exits 1 listing the candidates for an ambiguous name", async () => {
    const { code, stdout, stderr } = await cli(["status", "panda electronics"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const [first, ...candidates] = stderr.trimEnd().split("\n");
    expect(first).toBe('error: "panda electronics" could be any of 2 companies; say which:');
    expect(candidates.map((c) => c.trim().split(/ {2,}/))).toEqual([
      ["panda-electronics-group", "Panda Electronics Group"],
      ["nanjing-panda-electronics", "Nanjing Panda Electronics Company Limited"],
    ]);
    const many = await cli(["status", "china"]);
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(
      /^error: "china" could be any of \d{2,} companies; the 10 best; say which:\n/,
    );
    expect(crashLines(stderr)).toEqual([]);
  });
});
