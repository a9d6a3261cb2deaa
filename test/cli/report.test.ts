import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makeTempDir, removeDir, writeStream } from "../store/support/logFixtures.js";
import { embeddedData, laneNames } from "../report/support/embeddedData.js";
import { treeOf } from "./support/eventsDirs.js";
import { crashLines, runCli } from "./support/runCli.js";

let dir: string;

beforeAll(() => {
  dir = makeTempDir("designations-report-");
});

afterAll(() => {
  removeDir(dir);
});

const lanesOf = laneNames;

/** The statuses of the intervals of every lane of the page. */
function statusesOf(html: string): string[] {
  return embeddedData(html).lanes.flatMap((lane) => lane[4].map((interval) => interval[2]));
}

/** Each effect band of the page's lanes as `kind inForce from to`, with the lane's world. */
function bandsOf(html: string, world = "actual"): string[] {
  return embeddedData(html)
    .lanes.filter((lane) => (lane[3] === 1 ? "simulated" : "actual") === world)
    .flatMap((lane) =>
      lane[7].map(([kind, from, to, inForce]) => `${kind} ${inForce === 1} ${from} ${to ?? ""}`),
    );
}

describe("designations report", () => {
  it("writes one company's streams to --out and says what it wrote", async () => {
    const out = join(dir, "cnooc.html");
    const { code, stdout, stderr } = await runCli(["report", "CNOOC", "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(lanesOf(html)).toEqual([
      "cnooc/bis-entity-list actual",
      "cnooc/dod-1237 actual",
      "cnooc/dod-1260h actual",
      "cnooc/ofac-ns-ccmc actual",
      "cnooc/ofac-ns-cmic actual",
    ]);
    expect(stdout).toMatch(
      new RegExp(`^wrote ${out}: 5 streams, \\d+ events, \\d{4}-\\d{2}-01 to `),
    );
  });

  it("takes several companies and a program", async () => {
    const out = join(dir, "two.html");
    const { code } = await runCli([
      "report",
      "xiaomi",
      "luokung",
      "cnooc",
      "--program",
      "dod-1237",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(lanesOf(readFileSync(out, "utf8"))).toEqual([
      "cnooc/dod-1237 actual",
      "luokung/dod-1237 actual",
      "xiaomi/dod-1237 actual",
    ]);
  });

  it("writes the page to standard output with --out -, the cursor where --at puts it", async () => {
    const { code, stdout } = await runCli(["report", "xiaomi", "--out", "-", "--at", "2021-04-01"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("<!doctype html>")).toBe(true);
    expect(stdout).toContain('"cursor":"2021-04-01"');
    expect(stdout).toContain('data-start="2020-12-01"');
  });

  it("draws the log as it was known on a date with --known-at", async () => {
    const { stdout } = await runCli(["report", "xiaomi", "--out", "-", "--known-at", "2021-03-01"]);
    expect(stdout).toContain("as known on 2021-03-01");
    expect(statusesOf(stdout)).not.toContain("enjoined");
    expect(statusesOf(stdout)).toContain("challenged");
  });

  it("writes nothing and exits 2 when the --out folder does not exist", async () => {
    const before = treeOf(dir);
    const { code, stderr } = await runCli(["report", "--out", join(dir, "missing", "r.html")]);
    expect(code).toBe(2);
    expect(stderr).toContain("--out: the folder");
    expect(crashLines(stderr)).toEqual([]);
    expect(treeOf(dir)).toEqual(before);
  });

  it("exits 1 for an unknown company or program, and 2 for a bad date, writing nothing", async () => {
    const out = join(dir, "bad.html");
    const unknown = await runCli(["report", "nosuchco", "--out", out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("nosuchco");
    const program = await runCli(["report", "--program", "dod-9999", "--out", out]);
    expect(program.code).toBe(1);
    const date = await runCli(["report", "--from", "2021-02-30", "--out", out]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("--from");
    expect(existsSync(out)).toBe(false);
  });

  it("reports a broken log by file and line, writing nothing", async () => {
    const events = join(dir, "broken");
    mkdirSync(join(events, "dod-1237"), { recursive: true });
    writeFileSync(join(events, "dod-1237", "acme.jsonl"), "{not json\n");
    const out = join(dir, "broken.html");
    const { code, stderr } = await runCli(["report", "--events", events, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/acme\.jsonl:1/);
    expect(existsSync(out)).toBe(false);
  });

  it("hands the page the registry's names and aliases for the filter, and its parents for grouping", async () => {
    const events = join(dir, "groups");
    for (const [company, program] of [
      ["holding", "dod-1260h"],
      ["maker", "dod-1260h"],
      ["maker", "ofac-ns-cmic"],
      ["solo", "dod-1260h"],
    ] as const) {
      writeStream(events, program, company, [
        makeEvent(`${company}/${program}`, 1, "Listed", "2024-01-31"),
      ]);
    }
    writeFileSync(
      join(events, "companies.json"),
      JSON.stringify([
        { id: "holding", name: "Holding Group", aliases: ["HG"], identifiers: {} },
        { id: "maker", name: "Maker Ltd.", aliases: ["MKR"], identifiers: {}, parent: "holding" },
        { id: "solo", name: "Solo Inc.", aliases: [], identifiers: {} },
      ]),
    );
    const { code, stdout } = await runCli(["report", "--events", events, "--out", "-"]);
    expect(code).toBe(0);
    const data = embeddedData(stdout);
    expect(lanesOf(stdout)).toEqual([
      "holding/dod-1260h actual",
      "maker/dod-1260h actual",
      "maker/ofac-ns-cmic actual",
      "solo/dod-1260h actual",
    ]);
    expect(data.companies).toEqual([
      ["holding", "Holding Group", ["HG"]],
      ["maker", "Maker Ltd.", ["MKR"]],
      ["solo", "Solo Inc.", []],
    ]);
    expect(data.groups).toEqual([
      [0, [0, 1, 2], [0, 1, 1]],
      [2, [3], [0]],
    ]);
    expect(stdout).toContain('<input id="group-parent" type="checkbox">');
  });

  it("draws the effects of program rules as bands under the lane, suspended ones apart", async () => {
    const { stdout } = await runCli(["report", "xiaomi", "--program", "dod-1237", "--out", "-"]);
    const bands = bandsOf(stdout);
    // Listed 2021-01-14; enjoined 2021-03-12 until the vacatur of 2021-05-25; the purchase ban
    // (due 2021-03-15) was never in force.
    expect(bands).toEqual([
      "divestment-window true 2021-01-14 2021-03-12",
      "divestment-window false 2021-03-12 2021-05-25",
      "purchase-ban false 2021-03-15 2021-05-25",
    ]);
  });
});

describe("designations simulate --report", () => {
  it("writes both worlds, two lanes per stream, and the simulated purchase ban in force", async () => {
    const out = join(dir, "simulated.html");
    const { code, stdout } = await runCli([
      "simulate",
      "xiaomi",
      "--scenario",
      "scenarios/xiaomi-no-injunction.json",
      "--report",
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().endsWith(`Wrote the report of both worlds to ${out}`)).toBe(true);
    const html = readFileSync(out, "utf8");
    expect(lanesOf(html)).toEqual([
      "xiaomi/dod-1237 actual",
      "xiaomi/dod-1237 simulated",
      "xiaomi/ofac-ns-ccmc actual",
      "xiaomi/ofac-ns-ccmc simulated",
    ]);
    expect(html).toContain("<h1>Simulated: Xiaomi without the injunction</h1>");
    expect(bandsOf(html, "simulated")).toContain("purchase-ban true 2021-03-15 2021-05-25");
    const simulated = embeddedData(html).lanes.find((lane) => lane[3] === 1);
    expect(simulated?.[4].map((interval) => interval[2])).not.toContain("enjoined");
  });

  it("writes no report for a scenario the machine rejects", async () => {
    const out = join(dir, "rejected.html");
    const { code } = await runCli([
      "simulate",
      "xiaomi",
      "--drop",
      "xiaomi-dod-1237-0002",
      "--report",
      out,
    ]);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
