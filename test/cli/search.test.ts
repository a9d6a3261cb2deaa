import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/runCli.js";
import type { Company } from "../../src/domain/companySchema.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { appendAll } from "./support/drafts.js";

const TODAY = "2024-01-01";

function company(id: string, name: string, aliases: string[] = []): Company {
  return { id, name, aliases, identifiers: {} };
}

const REGISTRY: Company[] = [
  company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp.", "小米"]),
  company("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", ["Hikvision"]),
  company("cmcc", "China Mobile Communications Group Co., Ltd."),
  company("cnooc", "China National Offshore Oil Corporation", ["CNOOC"]),
  company("cnooc-limited", "CNOOC Limited", ["CNOOC Ltd."]),
  // In the registry, on no list yet.
  company("hesai", "Hesai Group"),
];

let events: string;

beforeAll(() => {
  events = makeTempDir("designations-search-");
  writeFileSync(join(events, "companies.json"), `${JSON.stringify(REGISTRY, null, 2)}\n`);
  appendAll(events, "xiaomi/dod-1237", [
    ["Listed", "2021-01-14"],
    ["ChallengeFiled", "2021-01-29"],
    ["InjunctionGranted", "2021-03-12"],
    ["DesignationVacated", "2021-05-25"],
  ]);
  appendAll(events, "hikvision/ofac-ns-cmic", [["Listed", "2021-06-03"]]);
  appendAll(events, "hikvision/dod-1260h", [["Listed", "2022-10-05"]]);
  appendAll(events, "cmcc/dod-1237", [["Listed", "2020-06-24"]]);
  appendAll(events, "cnooc/dod-1237", [["Listed", "2020-12-03"]]);
  appendAll(events, "cnooc-limited/ofac-ns-cmic", [["Listed", "2021-06-03"]]);
  // A stream whose company the registry does not describe.
  appendAll(events, "acme-robotics/dod-1260h", [["Listed", "2023-01-31"]]);
});

afterAll(() => {
  removeDir(events);
});

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(...argv: string[]): Run {
  return runOn(TODAY, ...argv);
}

/** Runs a command line in-process on the day `today`. */
function runOn(today: string, ...argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    today,
    defaultEventsDir: events,
  };
  const code = runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface HitJson {
  id: string;
  name: string;
  matched: string;
  how: string;
  score: number;
  lists: { program: string; status: string; enforceable: boolean; since: string | null }[];
}

function json(...argv: string[]): { query: string; at: string; hits: HitJson[] } {
  const result = run("search", ...argv, "--json");
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as { query: string; at: string; hits: HitJson[] };
}

const XIAOMI_LISTS = [
  { program: "dod-1237", status: "vacated", enforceable: false, since: "2021-05-25" },
];
const HIKVISION_LISTS = [
  { program: "dod-1260h", status: "listed", enforceable: true, since: "2022-10-05" },
  { program: "ofac-ns-cmic", status: "listed", enforceable: true, since: "2021-06-03" },
];
const XIAOMI = { id: "xiaomi", name: "Xiaomi Corporation" };
const HIKVISION = { id: "hikvision", name: "Hangzhou Hikvision Digital Technology Co., Ltd." };

describe("designations search --json", () => {
  it("finds an exact id, with its lists and their status today", () => {
    expect(json("xiaomi")).toEqual({
      query: "xiaomi",
      at: TODAY,
      hits: [{ ...XIAOMI, matched: "xiaomi", how: "id", score: 0, lists: XIAOMI_LISTS }],
    });
  });

  it("finds the full name, an alias, and a name without its legal suffix", () => {
    expect(json("Xiaomi Corporation").hits).toEqual([
      { ...XIAOMI, matched: "Xiaomi Corporation", how: "name", score: 0, lists: XIAOMI_LISTS },
    ]);
    expect(json("XIAOMI CORP").hits).toEqual([
      { ...XIAOMI, matched: "Xiaomi Corp.", how: "alias", score: 0, lists: XIAOMI_LISTS },
    ]);
    expect(json("Hangzhou Hikvision Digital Technology").hits).toEqual([
      { ...HIKVISION, matched: HIKVISION.name, how: "name", score: 0, lists: HIKVISION_LISTS },
    ]);
  });

  it("finds a name in Chinese characters", () => {
    expect(json("小米").hits).toEqual([
      { ...XIAOMI, matched: "小米", how: "alias", score: 0, lists: XIAOMI_LISTS },
    ]);
  });

  it("finds a misspelt name, with its score", () => {
    expect(json("Hikvison").hits).toEqual([
      { ...HIKVISION, matched: "Hikvision", how: "fuzzy", score: 0.125, lists: HIKVISION_LISTS },
    ]);
    const [mobile] = json("China", "Moblie").hits;
    expect(mobile?.id).toBe("cmcc");
    expect(mobile?.how).toBe("fuzzy");
  });

  it("takes the words of an unquoted query together", () => {
    expect(json("China", "Moblie").query).toBe("China Moblie");
  });

  it("offers every company of an ambiguous query, best first", () => {
    const hits = json("cnooc").hits;
    expect(hits.map((h) => [h.id, h.matched, h.how, h.score])).toEqual([
      ["cnooc", "cnooc", "id", 0],
      ["cnooc-limited", "CNOOC Limited", "name", 0],
    ]);
    expect(json("china").hits.map((h) => [h.id, h.how])).toEqual([
      ["cmcc", "partial"],
      ["cnooc", "partial"],
    ]);
  });

  it("gives a company on no list an empty list of lists", () => {
    expect(json("Hesai Group").hits).toEqual([
      {
        id: "hesai",
        name: "Hesai Group",
        matched: "Hesai Group",
        how: "name",
        score: 0,
        lists: [],
      },
    ]);
  });

  it("finds a company of the log that the registry does not describe, by its id", () => {
    expect(json("acme robotics").hits).toEqual([
      {
        id: "acme-robotics",
        name: "acme-robotics",
        matched: "acme-robotics",
        how: "name",
        score: 0,
        lists: [{ program: "dod-1260h", status: "listed", enforceable: true, since: "2023-01-31" }],
      },
    ]);
  });

  it("gives the status as of today", () => {
    const result = runOn("2021-03-20", "search", "xiaomi", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      at: "2021-03-20",
      hits: [
        {
          lists: [
            { program: "dod-1237", status: "enjoined", enforceable: false, since: "2021-03-12" },
          ],
        },
      ],
    });
  });

  it("stops at --limit", () => {
    expect(json("china", "--limit", "1").hits.map((h) => h.id)).toEqual(["cmcc"]);
  });

  it("reads the folder --events names", () => {
    const empty = makeTempDir("designations-search-empty-");
    try {
      const result = run("search", "xiaomi", "--json", "--events", empty);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.out)).toEqual({ query: "xiaomi", at: TODAY, hits: [] });
    } finally {
      removeDir(empty);
    }
  });
});

describe("designations search", () => {
  it("prints each hit with how it matched and its lists today", () => {
    const result = run("search", "Hikvison");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        `1 company matches "Hikvison"; its lists on ${TODAY}:`,
        "company    name                                             match                           program       status  enforceable  since",
        'hikvision  Hangzhou Hikvision Digital Technology Co., Ltd.  fuzzy "Hikvision", score 0.125  dod-1260h     listed  yes          2022-10-05',
        "                                                                                            ofac-ns-cmic  listed  yes          2021-06-03",
      ].join("\n"),
    );
  });

  it("prints the alias that matched, and a company on no list", () => {
    const alias = run("search", "Xiaomi Corp.");
    expect(alias.code).toBe(0);
    expect(alias.out.split("\n").slice(1)).toEqual([
      "company  name                match                 program   status   enforceable  since",
      'xiaomi   Xiaomi Corporation  alias "Xiaomi Corp."  dod-1237  vacated  no           2021-05-25',
    ]);
    const hesai = run("search", "hesai");
    expect(hesai.code).toBe(0);
    expect(hesai.out.split("\n").slice(1)).toEqual([
      "company  name         match  program  status      enforceable  since",
      "hesai    Hesai Group  id     -        on no list  -            -",
    ]);
  });

  it("says how many matched and how to see those past --limit", () => {
    const result = run("search", "china", "--limit", "1");
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    expect(lines[0]).toBe(`2 companies match "china"; their lists on ${TODAY}:`);
    expect(lines.slice(2, -1)).toEqual([
      "cmcc     China Mobile Communications Group Co., Ltd.  partial  dod-1237  listed  yes          2020-06-24",
    ]);
    expect(lines.at(-1)).toBe("(the first 1 shown; --limit 2 shows all)");
  });

  it("exits with 1 and says so when no company matches", () => {
    const result = run("search", "banana");
    expect(result).toEqual({ code: 1, out: "", err: 'no company matches "banana"' });
    const asJson = run("search", "banana", "--json");
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.out)).toEqual({ query: "banana", at: TODAY, hits: [] });
  });

  it("rejects a bad --limit and a missing query as usage errors", () => {
    for (const limit of ["0", "-1", "ten", "1.5", "1001"]) {
      const result = run("search", "china", `--limit=${limit}`);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`--limit: "${limit}" must be a whole number from 1 to 1000`);
    }
    const missing = run("search");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("missing argument: Usage: designations search <text>");
  });

  it("has help with its usage, flags and an example, and is listed after status", () => {
    const help = run("search", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: designations search <text> \[--limit N\] \[--json\]/);
    expect(help.out).toContain("--limit N");
    expect(help.out).toContain("Example: designations search xiaomy");
    const general = run("--help").out.split("\n");
    const status = general.findIndex((line) => line.startsWith("  status "));
    expect(general[status + 1]).toMatch(/^ {2}search +find companies by any of their names/);
  });
});
