import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { appendAll } from "./support/drafts.js";
import { treeOf } from "./support/eventsDirs.js";
import { runInProcess } from "./support/inProcess.js";

// A small registry and log, and editions of a list "dod-1260h" imported into it through the CLI.
let events: string;
let files: string;

const SOURCE = ["--source", "https://www.federalregister.gov/d/2021-13753"];

function run(...argv: string[]) {
  return runInProcess(argv, { events, today: "2026-11-30" });
}

function membersFile(name: string, text: string): string {
  const file = join(files, name);
  writeFileSync(file, text);
  return file;
}

function registry(): { id: string; name: string; aliases: string[]; parent?: string }[] {
  return JSON.parse(readFileSync(join(events, "companies.json"), "utf8"));
}

function listed(program: string, at: string): string[] {
  const result = run("list", "--program", program, "--at", at, "--json");
  expect(result.code).toBe(0);
  const { streams } = JSON.parse(result.out) as { streams: { company: string; status: string }[] };
  return streams
    .filter((s) => ["listed", "challenged", "enjoined", "settled"].includes(s.status))
    .map((s) => s.company)
    .sort();
}

function expectVerifies() {
  const result = run("verify");
  expect(result.err).not.toMatch(/problem/);
  expect(result.code).toBe(0);
}

const FIRST = `name,aliases,parent
"Huawei Technologies Co., Ltd.",Huawei,
"Huawei Device Co., Ltd.",,"Huawei Technologies Co., Ltd."
"Xiaomi Corporation",,
`;

beforeEach(() => {
  events = makeTempDir("designations-editions-");
  files = makeTempDir("designations-members-");
  writeFileSync(
    join(events, "companies.json"),
    `${JSON.stringify([
      { id: "xiaomi", name: "Xiaomi Corporation", aliases: ["Xiaomi"], identifiers: {} },
      {
        id: "hikvision",
        name: "Hangzhou Hikvision Digital Technology Co., Ltd.",
        aliases: ["Hikvision"],
        identifiers: {},
      },
    ])}\n`,
  );
  appendAll(events, "xiaomi/dod-1237", [["Listed", "2021-01-14"]]);
});

afterEach(() => {
  removeDir(events);
  removeDir(files);
});

function importFirst() {
  const file = membersFile("first.csv", FIRST);
  return run(
    "import-edition",
    "dod-1260h",
    file,
    "--effective",
    "2021-06-03",
    "--published",
    "2021-06-28",
    "--citation",
    "86 FR 33994",
    "--count",
    "3",
    ...SOURCE,
    "--confidence",
    "high",
  );
}

describe("import-edition of a whole edition", () => {
  it("adds every member, creates the new companies with their names and parent, and verify passes", () => {
    const result = importFirst();
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain("added (3):");
    expect(result.out).toContain(
      "+ huawei-technologies  Huawei Technologies Co., Ltd.  (new company)",
    );
    expect(result.out).toContain("+ xiaomi  Xiaomi Corporation\n");
    expect(result.out).toContain("members after it: 3 (the publication states 3)");
    expect(result.out).toContain("wrote 4 events (2 new companies)");
    expect(listed("dod-1260h", "2021-06-03")).toEqual([
      "huawei-device",
      "huawei-technologies",
      "xiaomi",
    ]);
    expect(listed("dod-1260h", "2021-06-02")).toEqual([]);
    const device = registry().find((c) => c.id === "huawei-device");
    expect(device).toMatchObject({
      name: "Huawei Device Co., Ltd.",
      parent: "huawei-technologies",
    });
    expect(registry().find((c) => c.id === "huawei-technologies")?.aliases).toEqual(["Huawei"]);
    expectVerifies();
  });

  it("each Listed cites the edition, which the editions stream holds with its dates and citation", () => {
    importFirst();
    const [line] = readFileSync(
      join(events, "dod-1260h", "huawei-technologies.jsonl"),
      "utf8",
    ).split("\n");
    const event = JSON.parse(line as string);
    expect(event).toMatchObject({
      id: "dod-1260h.edition.2021-06-03.huawei-technologies",
      type: "Listed",
      effective: "2021-06-03",
      confidence: "high",
      data: { edition: "dod-1260h.edition.2021-06-03", listedAs: "Huawei Technologies Co., Ltd." },
    });
    expect(event.sources[0].url).toBe("https://www.federalregister.gov/d/2021-13753");
    const editions = run("editions", "dod-1260h", "--json");
    expect(JSON.parse(editions.out)).toEqual([
      expect.objectContaining({
        id: "dod-1260h.edition.2021-06-03",
        kind: "edition",
        effective: "2021-06-03",
        published: "2021-06-28",
        citation: "86 FR 33994",
        added: 3,
        removed: 0,
        members: 3,
        countClaimed: 3,
      }),
    ]);
  });

  it("importing the same edition twice changes nothing", () => {
    importFirst();
    const before = treeOf(events);
    const again = importFirst();
    expect(again.code).toBe(0);
    expect(again.out).toContain("unchanged: 3");
    expect(again.out).toContain(
      "dod-1260h.edition.2021-06-03 is already in the log: nothing to do",
    );
    expect(treeOf(events)).toEqual(before);
  });

  it("a later edition removes who it no longer names, keeps the rest, and records a renamed entry's new name", () => {
    importFirst();
    const file = membersFile(
      "second.csv",
      `name,id\n"Huawei Technologies Company Limited (HUAWEI)",huawei-technologies\n"Xiaomi Corporation",\n`,
    );
    const result = run("import-edition", "dod-1260h", file, "--effective", "2022-10-05", ...SOURCE);
    expect(result.code).toBe(0);
    expect(result.out).toContain("removed (1):\n  - huawei-device  Huawei Device Co., Ltd.");
    expect(result.out).toContain("unchanged: 2");
    expect(result.out).toContain(
      "huawei-technologies: Huawei Technologies Company Limited (HUAWEI)",
    );
    expect(listed("dod-1260h", "2022-10-05")).toEqual(["huawei-technologies", "xiaomi"]);
    expect(listed("dod-1260h", "2022-10-04")).toEqual([
      "huawei-device",
      "huawei-technologies",
      "xiaomi",
    ]);
    expect(registry().find((c) => c.id === "huawei-technologies")?.aliases).toContain(
      "Huawei Technologies Company Limited (HUAWEI)",
    );
    const status = run("status", "huawei-device", "--at", "2023-01-01");
    expect(status.out).toContain("delisted");
    expectVerifies();
  });

  it("a name close to a known company but not certainly it writes nothing and names the candidates", () => {
    importFirst();
    const before = treeOf(events);
    const file = membersFile(
      "fuzzy.csv",
      `name\n"Hikvison Digital Technology"\n"Xiaomi Corporation"\n`,
    );
    const result = run("import-edition", "dod-1260h", file, "--effective", "2022-10-05", ...SOURCE);
    expect(result.code).toBe(1);
    expect(result.out).toContain('? line 2: "Hikvison Digital Technology"; closest: hikvision');
    expect(result.out).toContain("nothing written");
    expect(result.err).toContain("Give each of those rows an id");
    expect(treeOf(events)).toEqual(before);
  });

  it("a dry run prints the difference and writes nothing", () => {
    const before = treeOf(events);
    const file = membersFile("first.csv", FIRST);
    const result = run(
      "import-edition",
      "dod-1260h",
      file,
      "--effective",
      "2021-06-03",
      ...SOURCE,
      "--dry-run",
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain("added (3):");
    expect(result.out).toContain(
      "dry run: would write 4 events (2 new companies); nothing written",
    );
    expect(treeOf(events)).toEqual(before);
  });

  it("a bad line is named with its line and field, and nothing is written", () => {
    const before = treeOf(events);
    const file = membersFile(
      "bad.csv",
      `name,id\n"Huawei Technologies Co., Ltd.",\n"",acme\n"Acme",Not A Slug\n`,
    );
    const result = run("import-edition", "dod-1260h", file, "--effective", "2021-06-03", ...SOURCE);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}:3: field "name": must not be empty`);
    expect(result.err).toContain(`${file}:4: field "id": must be a lowercase slug`);
    expect(treeOf(events)).toEqual(before);
  });

  it("JSON lines work as a members file, and an unknown CSV column is refused", () => {
    const jsonl = membersFile(
      "members.jsonl",
      `${JSON.stringify({ name: "Huawei Technologies Co., Ltd.", aliases: ["Huawei"], confidence: "medium" })}\n`,
    );
    const result = run(
      "import-edition",
      "dod-1260h",
      jsonl,
      "--effective",
      "2021-06-03",
      ...SOURCE,
      "--json",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ added: ["huawei-technologies"], written: true });
    const csv = membersFile("odd.csv", `name,ticker\nAcme,ACM\n`);
    const odd = run("import-edition", "dod-1260h", csv, "--effective", "2022-01-01", ...SOURCE);
    expect(odd.code).toBe(1);
    expect(odd.err).toContain(`${csv}:1: field "ticker": unknown column`);
  });
});

describe("import-edition of notices and of a list's end", () => {
  it("an addition notice adds, a removal notice removes, a superseded list ends for everyone", () => {
    importFirst();
    const add = membersFile("add.csv", `name\n"Hangzhou Hikvision Digital Technology Co., Ltd."\n`);
    expect(
      run(
        "import-edition",
        "dod-1260h",
        add,
        "--kind",
        "addition-notice",
        "--effective",
        "2021-07-01",
        ...SOURCE,
      ).code,
    ).toBe(0);
    const remove = membersFile("remove.csv", `name\n"Xiaomi Corporation"\n"Acme Robotics"\n`);
    const removal = run(
      "import-edition",
      "dod-1260h",
      remove,
      "--kind",
      "removal-notice",
      "--effective",
      "2021-08-01",
      ...SOURCE,
    );
    expect(removal.code).toBe(0);
    expect(removal.out).toContain("named but not on the list that day (1):");
    expect(listed("dod-1260h", "2021-07-01")).toEqual([
      "hikvision",
      "huawei-device",
      "huawei-technologies",
      "xiaomi",
    ]);
    expect(listed("dod-1260h", "2021-08-01")).toEqual([
      "hikvision",
      "huawei-device",
      "huawei-technologies",
    ]);
    const end = run(
      "import-edition",
      "dod-1260h",
      "--kind",
      "superseded",
      "--effective",
      "2021-09-01",
      ...SOURCE,
    );
    expect(end.code).toBe(0);
    expect(end.out).toContain("removed (3):");
    expect(listed("dod-1260h", "2021-09-01")).toEqual([]);
    const enforceable = run("list", "--program", "dod-1260h", "--at", "2026-01-01", "--json");
    expect(
      JSON.parse(enforceable.out).streams.some((s: { enforceable: boolean }) => s.enforceable),
    ).toBe(false);
    const editions = JSON.parse(run("editions", "dod-1260h", "--json").out) as {
      kind: string;
      members: number;
    }[];
    expect(editions.map((e) => [e.kind, e.members])).toEqual([
      ["edition", 3],
      ["addition-notice", 4],
      ["removal-notice", 3],
      ["superseded", 0],
    ]);
    expectVerifies();
  });

  it("a withdrawn posting notes the companies it named and changes no status", () => {
    importFirst();
    const file = membersFile("posting.csv", `name\n"Xiaomi Corporation"\n`);
    const result = run(
      "import-edition",
      "dod-1260h",
      file,
      "--kind",
      "withdrawn-posting",
      "--effective",
      "2022-02-13",
      ...SOURCE,
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain("noted (nothing changes) (1):");
    expect(listed("dod-1260h", "2022-02-13")).toEqual([
      "huawei-device",
      "huawei-technologies",
      "xiaomi",
    ]);
    const lines = readFileSync(join(events, "dod-1260h", "xiaomi.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({
      type: "Noted",
      data: { edition: "dod-1260h.withdrawn-posting.2022-02-13" },
    });
  });

  it("superseded needs no members file, the other kinds do", () => {
    const result = run("import-edition", "dod-1260h", "--effective", "2021-09-01", ...SOURCE);
    expect(result.code).toBe(2);
    expect(result.err).toContain("a members file is required");
  });
});

describe("changes between two dates", () => {
  it("lists who was added and removed after the first date and up to the second, with the causing events", () => {
    importFirst();
    const file = membersFile("second.csv", `name\n"Xiaomi Corporation"\n`);
    run("import-edition", "dod-1260h", file, "--effective", "2022-10-05", ...SOURCE);
    const json = run(
      "changes",
      "--from",
      "2021-06-02",
      "--to",
      "2022-10-05",
      "--program",
      "dod-1260h",
      "--json",
    );
    expect(json.code).toBe(0);
    const { changes } = JSON.parse(json.out) as {
      changes: { date: string; company: string; kind: string; event: { id: string } }[];
    };
    expect(changes.map((c) => [c.date, c.company, c.kind])).toEqual([
      ["2021-06-03", "huawei-device", "added"],
      ["2021-06-03", "huawei-technologies", "added"],
      ["2021-06-03", "xiaomi", "added"],
      ["2022-10-05", "huawei-device", "removed"],
      ["2022-10-05", "huawei-technologies", "removed"],
    ]);
    expect(changes[3]?.event.id).toBe("dod-1260h.edition.2022-10-05.huawei-device");
    const none = run("changes", "--from", "2021-06-03", "--to", "2022-10-04");
    expect(none.out).toContain("(no changes)");
    const backwards = run("changes", "--from", "2022-01-01", "--to", "2021-01-01");
    expect(backwards.code).toBe(2);
  });
});

describe("the registry stays consistent with the log", () => {
  it("append refuses a company the registry lacks, with a hint, and writes nothing", () => {
    const before = treeOf(events);
    const result = run(
      "append",
      "acme",
      "dod-1260h",
      "Listed",
      "--effective",
      "2024-01-31",
      "--description",
      "Listed.",
      ...SOURCE,
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain("acme is not in the company registry");
    expect(result.err).toContain('--name "..."');
    expect(treeOf(events)).toEqual(before);
  });

  it("append --name adds the company to the registry, and verify passes", () => {
    const result = run(
      "append",
      "acme",
      "dod-1260h",
      "Listed",
      "--effective",
      "2024-01-31",
      "--description",
      "Listed.",
      "--name",
      "Acme Robotics Co., Ltd.",
      ...SOURCE,
    );
    expect(result.code).toBe(0);
    expect(registry().find((c) => c.id === "acme")?.name).toBe("Acme Robotics Co., Ltd.");
    expectVerifies();
  });

  it("a rejected append adds no registry entry", () => {
    const result = run(
      "append",
      "acme",
      "dod-1260h",
      "Delisted",
      "--effective",
      "2024-01-31",
      "--description",
      "Off.",
      "--name",
      "Acme",
      ...SOURCE,
    );
    expect(result.code).toBe(1);
    expect(registry().some((c) => c.id === "acme")).toBe(false);
  });

  it("import adds a company under its companyName, or refuses one without a name", () => {
    const line = (extra: object) =>
      JSON.stringify({
        company: "acme",
        program: "dod-1260h",
        type: "Listed",
        effective: "2024-01-31",
        data: { description: "Listed." },
        sources: [{ publisher: "DoD", title: "List", url: "https://example.org/list" }],
        confidence: "high",
        ...extra,
      });
    const nameless = membersFile("nameless.jsonl", `${line({})}\n`);
    const before = treeOf(events);
    const refused = run("import", nameless);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${nameless}:1: field "companyName"`);
    expect(treeOf(events)).toEqual(before);
    const named = membersFile("named.jsonl", `${line({ companyName: "Acme Corp." })}\n`);
    expect(run("import", named).code).toBe(0);
    expect(registry().find((c) => c.id === "acme")?.name).toBe("Acme Corp.");
    expectVerifies();
  });
});
